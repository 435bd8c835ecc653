import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AdminGetUserCommand,
  CodeDeliveryFailureException,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InternalErrorException,
  ListUserPoolsCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import { createEmulatorClock } from '../../electron/emulator/clock';
import {
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_SECRET_CLIENT_ID,
  DEMO_STAFF_USERS,
  startDemoEmulator,
  type DemoEmulator,
  type StartDemoEmulatorOptions,
} from '../../electron/emulator';

// The trainer's controls on the real emulator through a real SDK v3 client: Cognito's request-rate
// quotas, and faults injected into the next calls of an operation. The main emulator's clock is
// frozen (it moves only when a test advances it), so what lands in a one-second window is exact.

const T0 = Date.parse('2025-03-01T09:00:00.000Z');

const tempDirs: string[] = [];
const emulators: DemoEmulator[] = [];
const clients: CognitoIdentityProviderClient[] = [];

async function start(options: Omit<StartDemoEmulatorOptions, 'dataDir'> = {}): Promise<{ emulator: DemoEmulator; client: CognitoIdentityProviderClient }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-controls-'));
  tempDirs.push(dataDir);
  const emulator = await startDemoEmulator({ dataDir, clock: createEmulatorClock(() => T0), ...options });
  emulators.push(emulator);
  const client = new CognitoIdentityProviderClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
    // Throttling and injected errors must reach the test as they are, not be retried away.
    maxAttempts: 1,
  });
  clients.push(client);
  return { emulator, client };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

const describePool = () => new DescribeUserPoolCommand({ UserPoolId: DEMO_STAFF_POOL_ID });
const listPools = () => new ListUserPoolsCommand({ MaxResults: 60 });
const forgot = (username: string) => new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: username });

/** Makes `count` calls at once; counts the outcomes by name. */
async function burst(count: number, call: () => Promise<unknown>) {
  const results = await Promise.all(Array.from({ length: count }, () => outcome(call())));
  return results.reduce<Record<string, number>>((tally, name) => ({ ...tally, [name]: (tally[name] ?? 0) + 1 }), {});
}

afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(emulators.map((emulator) => emulator.close()));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('request-rate quotas', () => {
  let emulator: DemoEmulator;
  let client: CognitoIdentityProviderClient;

  beforeAll(async () => {
    ({ emulator, client } = await start());
  });

  beforeEach(() => {
    emulator.setThrottling(true);
    // A fresh window for every test.
    emulator.clock.advance(1_000);
  });

  it('are on by default', () => {
    expect(emulator.controls()).toEqual({ faults: [], throttling: true });
  });

  it('refuse a burst past UserPoolRead (15 per second) with TooManyRequestsException, then let calls in the next second', async () => {
    expect(await burst(20, () => client.send(describePool()))).toEqual({ ok: 15, TooManyRequestsException: 5 });

    const refused = await failure(client.send(describePool()));
    expect(refused).toBeInstanceOf(TooManyRequestsException);
    expect(refused.message).toBe('Too many requests');
    expect(refused.$metadata?.httpStatusCode).toBe(400);

    emulator.clock.advance(1_000);
    await expect(client.send(describePool())).resolves.toMatchObject({ UserPool: { Id: DEMO_STAFF_POOL_ID } });
  });

  it('count the operations of a category together, and each category on its own', async () => {
    expect(await burst(10, () => client.send(describePool()))).toEqual({ ok: 10 });
    expect(await burst(10, () => client.send(listPools()))).toEqual({ ok: 5, TooManyRequestsException: 5 });
    // UserRead (AdminGetUser) has its own 120.
    await expect(
      client.send(new AdminGetUserCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Username: DEMO_STAFF_USERS.verified })),
    ).resolves.toMatchObject({ Username: DEMO_STAFF_USERS.verified });
  });

  it('slide over one second: calls leave the window exactly one second after they were made', async () => {
    expect(await burst(15, () => client.send(describePool()))).toEqual({ ok: 15 });
    emulator.clock.advance(999);
    expect(await outcome(client.send(describePool()))).toBe('TooManyRequestsException');
    emulator.clock.advance(1);
    expect(await outcome(client.send(describePool()))).toBe('ok');
  });

  it('turn off and on again at run time', async () => {
    expect(emulator.setThrottling(false)).toEqual({ faults: [], throttling: false });
    expect(await burst(40, () => client.send(describePool()))).toEqual({ ok: 40 });
    expect(emulator.setThrottling(true).throttling).toBe(true);
    expect(await burst(16, () => client.send(describePool()))).toEqual({ ok: 15, TooManyRequestsException: 1 });
  });

  it('can be off from the start, by option or by RECOVERY_DESK_DEMO_THROTTLING=off', async () => {
    for (const options of [{ throttling: false }, { env: { RECOVERY_DESK_DEMO_THROTTLING: 'off' } }]) {
      const off = await start(options);
      expect(off.emulator.controls().throttling).toBe(false);
      expect(await burst(30, () => off.client.send(describePool()))).toEqual({ ok: 30 });
    }
  });

  it('take configured quotas in place of the defaults', async () => {
    const tight = await start({ throttling: { UserPoolRead: 3, UserAccountRecovery: 1 } });
    expect(await burst(5, () => tight.client.send(listPools()))).toEqual({ ok: 3, TooManyRequestsException: 2 });
    expect(await outcome(tight.client.send(forgot(DEMO_STAFF_USERS.verified)))).toBe('ok');
    expect(await outcome(tight.client.send(forgot(DEMO_STAFF_USERS.both)))).toBe('TooManyRequestsException');
  });
});

describe('injected faults', () => {
  let emulator: DemoEmulator;
  let client: CognitoIdentityProviderClient;

  beforeAll(async () => {
    ({ emulator, client } = await start());
  });

  beforeEach(() => {
    emulator.clearFaults();
    emulator.clock.advance(1_000);
  });

  it('fail exactly the next N calls of the operation with the exception, counting down, then let them pass', async () => {
    const before = emulator.inbox().length;
    const controls = emulator.injectFault({ operation: 'ForgotPassword', count: 2, error: 'CodeDeliveryFailure' });
    expect(controls.faults).toEqual([{ id: expect.any(String), operation: 'ForgotPassword', error: 'CodeDeliveryFailure', remaining: 2 }]);

    // Other operations are untouched.
    await expect(client.send(describePool())).resolves.toBeDefined();

    const first = await failure(client.send(forgot(DEMO_STAFF_USERS.verified)));
    expect(first).toBeInstanceOf(CodeDeliveryFailureException);
    expect(first.message).not.toBe('');
    expect(emulator.controls().faults.map((fault) => fault.remaining)).toEqual([1]);

    expect(await outcome(client.send(forgot(DEMO_STAFF_USERS.verified)))).toBe('CodeDeliveryFailureException');
    expect(emulator.controls().faults).toEqual([]);
    // A failed call delivered nothing.
    expect(emulator.inbox()).toHaveLength(before);

    const sent = await client.send(forgot(DEMO_STAFF_USERS.verified));
    expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(emulator.inbox()).toHaveLength(before + 1);
  });

  it('answer as AWS does: HTTP 500 for InternalError (Cognito may have acted), 400 for the others', async () => {
    emulator.injectFault({ operation: 'ListUserPools', count: 1, error: 'InternalError' });
    emulator.injectFault({ operation: 'ListUserPools', count: 1, error: 'TooManyRequests' });
    const status = async () => (await failure(client.send(listPools()))).$metadata?.httpStatusCode;
    expect(await status()).toBe(500);
    expect(await status()).toBe(400);
  });

  it('are used up oldest first when several target the same operation', async () => {
    emulator.injectFault({ operation: 'ListUserPools', count: 1, error: 'InternalError' });
    emulator.injectFault({ operation: 'ListUserPools', count: 1, error: 'TooManyRequests' });
    expect(await outcome(client.send(listPools()))).toBe('InternalErrorException');
    expect(await outcome(client.send(listPools()))).toBe('TooManyRequestsException');
    expect(await outcome(client.send(listPools()))).toBe('ok');
  });

  it('delay the answer by delayMs, alone or before an error', async () => {
    emulator.injectFault({ operation: 'ListUserPools', count: 1, delayMs: 200 });
    let started = performance.now();
    await expect(client.send(listPools())).resolves.toMatchObject({ UserPools: expect.any(Array) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);

    emulator.injectFault({ operation: 'ListUserPools', count: 1, delayMs: 200, error: 'InternalError' });
    started = performance.now();
    expect(await failure(client.send(listPools()))).toBeInstanceOf(InternalErrorException);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('clearFaults removes every fault at once', async () => {
    emulator.injectFault({ operation: 'ForgotPassword', count: 5, error: 'CodeDeliveryFailure' });
    emulator.injectFault({ operation: 'DescribeUserPool', count: 5, error: 'InternalError' });
    expect(emulator.controls().faults).toHaveLength(2);
    expect(emulator.clearFaults()).toEqual({ faults: [], throttling: true });
    await expect(client.send(describePool())).resolves.toBeDefined();
  });

  it('come before throttling: an injected failure answers even past the quota', async () => {
    expect(await burst(15, () => client.send(describePool()))).toEqual({ ok: 15 });
    emulator.injectFault({ operation: 'DescribeUserPool', count: 1, error: 'InternalError' });
    expect(await outcome(client.send(describePool()))).toBe('InternalErrorException');
    expect(await outcome(client.send(describePool()))).toBe('TooManyRequestsException');
  });

  it('refuse a fault that would do nothing', () => {
    expect(() => emulator.injectFault({ operation: 'ListUsers', count: 1 })).toThrow(RangeError);
    expect(() => emulator.injectFault({ operation: 'ListUsers', count: 0, error: 'InternalError' })).toThrow(RangeError);
    expect(emulator.controls().faults).toEqual([]);
  });
});

describe('through the core dispatcher', () => {
  let dataDir: string;
  let backend: Backend;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-controls-core-'));
    backend = createBackend({ dataDir, env: {}, startDemo: () => startDemoEmulator({ dataDir }) });
  });

  afterAll(async () => {
    await backend?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const target = {
    connectionId: 'demo',
    userPoolId: DEMO_STAFF_POOL_ID,
    clientId: DEMO_STAFF_SECRET_CLIENT_ID,
    username: DEMO_STAFF_USERS.verified,
  };

  it('an injected CodeDeliveryFailure reaches the operator as that code, once', async () => {
    const injected = await backend.dispatch('demo:injectFault', { operation: 'ForgotPassword', error: 'CodeDeliveryFailure' });
    expect(injected).toEqual({
      ok: true,
      data: { faults: [{ id: expect.any(String), operation: 'ForgotPassword', error: 'CodeDeliveryFailure', remaining: 1 }], throttling: true },
    });

    const failed = await backend.dispatch('recovery:forgotPassword', target);
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'CodeDeliveryFailure', retryable: true },
    });

    expect(await backend.dispatch('demo:controls', {})).toEqual({ ok: true, data: { faults: [], throttling: true } });
    expect(await backend.dispatch('recovery:forgotPassword', target)).toMatchObject({ ok: true });
  });

  it('lists, clears and switches the controls', async () => {
    await backend.dispatch('demo:injectFault', { operation: 'ListUsers', count: 3, delayMs: 50 });
    expect(await backend.dispatch('demo:controls', {})).toMatchObject({ ok: true, data: { faults: [{ operation: 'ListUsers', remaining: 3, delayMs: 50 }] } });
    expect(await backend.dispatch('demo:clearFaults', {})).toEqual({ ok: true, data: { faults: [], throttling: true } });
    expect(await backend.dispatch('demo:setThrottling', { enabled: false })).toEqual({ ok: true, data: { faults: [], throttling: false } });
    expect(await backend.dispatch('demo:setThrottling', { enabled: true })).toEqual({ ok: true, data: { faults: [], throttling: true } });
  });

  it('refuses a fault with neither an error nor a delay before it reaches the emulator', async () => {
    expect(await backend.dispatch('demo:injectFault', { operation: 'ListUsers', count: 2 })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  });
});
