import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { createBackend, type Backend } from '../../electron/core/backend';
import { DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_POOL_ID, DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID, demoCustomerUsername, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';
import { startRecordingProxy, type StandIn } from '../integration/helpers/cognito-stand-ins';

// How many Cognito calls the work costs, counted on the wire: a saved connection reaches the demo
// emulator through a loopback proxy that records every call. Targets, printed after the run:
//   one whole journey (pools → pool → app clients → search (the one box) → user → verdict → send →
//   confirm → verdict) ≤ 11 calls; each recovery action exactly one.
const JOURNEY_TARGET = 11;

let dataDir: string;
let backend: Backend;
let emulator: DemoEmulator | undefined;
let proxy: StandIn;
let connectionId: string;
const report: string[] = [];

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await backend.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ResponseOf<C>;
}

/** Runs one step and returns the operations it sent. */
async function counted<C extends Channel>(channel: C, request: RequestOf<C>): Promise<string[]> {
  const before = proxy.seen.length;
  await call(channel, request);
  return proxy.seen.slice(before).map((c) => c.operation);
}

function codeFor(username: string): string {
  const code = emulator?.inbox().find((m) => m.username === username && m.purpose === 'ForgotPassword')?.code;
  if (!code) throw new Error(`no code reached the inbox for ${username}`);
  return code;
}

/** The journey of the issue, step by step, with what each step sent. */
async function journey(userPoolId: string, clientId: string, username: string, password: string): Promise<Array<[string, string[]]>> {
  const onPool = { connectionId, userPoolId };
  const target = { ...onPool, clientId, username };
  const steps: Array<[string, string[]]> = [];
  steps.push(['pools:list', await counted('pools:list', { connectionId })]);
  steps.push(['pools:describe', await counted('pools:describe', onPool)]);
  steps.push(['clients:list', await counted('clients:list', onPool)]);
  // The one search box, as an operator types a name: it may look the text up as a username and an email at once.
  steps.push(['users:find', await counted('users:find', { ...onPool, text: username.slice(0, 5) })]);
  steps.push(['users:get', await counted('users:get', { ...onPool, username })]);
  steps.push(['recovery:verdict', await counted('recovery:verdict', target)]);
  steps.push(['recovery:forgotPassword', await counted('recovery:forgotPassword', target)]);
  steps.push(['recovery:confirmForgotPassword', await counted('recovery:confirmForgotPassword', { ...target, confirmationCode: codeFor(username), password })]);
  steps.push(['recovery:verdict (after)', await counted('recovery:verdict', target)]);
  return steps;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-calls-bench-'));
  // Throttling off: the bench loops past Cognito's request-rate quotas on purpose.
  backend = createBackend({ dataDir, env: {}, startDemo: async () => (emulator = await startDemoEmulator({ dataDir, throttling: false })) });
  await call('pools:list', { connectionId: 'demo' });
  proxy = await startRecordingProxy(emulator?.endpoint ?? '');
  connectionId = (
    await call('connections:save', {
      name: 'Through the counting proxy',
      region: 'us-east-1',
      endpoint: proxy.endpoint,
      source: { kind: 'access-keys', accessKeyId: 'AKIABENCHCOUNTING001', secretAccessKey: 'benchCountingSecretValue000000000000001' },
    })
  ).id;

  // Acme Staff: the pool with two app clients, so the facts of both are read.
  const steps = await journey(DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID, 'bob.phone-only', 'Counted-Journey-Pass-42!');
  const total = steps.reduce((n, [, sent]) => n + sent.length, 0);
  const actions = steps.filter(([step]) => step === 'recovery:forgotPassword' || step === 'recovery:confirmForgotPassword');
  report.push(
    ...steps.map(([step, sent]) => `${step}: ${sent.length} (${sent.join(', ') || 'answered from the facts cache'})`),
    `journey: ${total} Cognito calls (target ≤ ${JOURNEY_TARGET}): ${total <= JOURNEY_TARGET ? 'met' : 'MISSED'}`,
    ...actions.map(([step, sent]) => `${step}: exactly one call (target 1): ${sent.length === 1 ? 'met' : 'MISSED'}`),
  );
}, 60_000);

afterAll(async () => {
  console.log(`\nCognito calls, counted through a loopback proxy\n  ${report.join('\n  ')}\n`);
  await backend.close();
  await proxy.close();
  await rm(dataDir, { recursive: true, force: true });
});

let customer = 0;

describe('a whole recovery journey through a saved connection', () => {
  // One customer per run: each may ask for only 5 codes an hour.
  bench(
    'journey on Acme Customers, one customer per run',
    async () => {
      customer += 1;
      await journey(DEMO_CUSTOMER_POOL_ID, DEMO_CUSTOMER_CLIENT_ID, demoCustomerUsername(customer), `journey-pass-${customer}a`);
    },
    { iterations: 20, time: 0 },
  );
});
