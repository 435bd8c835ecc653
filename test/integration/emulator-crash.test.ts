import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_POOL_ID, DEMO_STAFF_POOL_ID, demoCustomerUsername, SCALE_POOL_ID, SCALE_USERS_ENV, startDemoEmulator } from '../../electron/emulator';

// The demo emulator never loses a change it acknowledged: it runs in a child process, real SDK
// calls change four files at once (the staff pool, the customer pool, the inbox, and an Acme Scale pool
// large enough that its changes go to its journal), and the child is killed while calls are still in
// flight, at a different point each round, with SIGKILL or SIGTERM in turn (both end it at once,
// mid-write: see helpers/demo-emulator-process.mts). Every restart must find every file whole, and the
// last one every acknowledged change.

/** Changes in flight at once, so a kill lands while writes of several files are under way. */
const CONCURRENT_CALLS = 8;
/** Acknowledged changes before each round's kill. */
const KILL_AFTER = [3, 10, 17, 24, 31, 38, 45, 52];
/** Over 1 MiB of pool file: its changes are appended to the journal, which the kills then cut. */
const SCALE_USERS = 3_000;
/** The signal of each round, in turn. */
const SIGNALS: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM'];

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-emulator-crash-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  // One attempt: a retried write would be a second change.
  return new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
}

interface Change {
  kind: 'created' | 'password' | 'code sent' | 'created at scale';
  username: string;
  password?: string;
}

/**
 * The n-th change of the test, each to a user no other change touches: a new staff user, a new
 * password for one customer, a recovery code for another (it lands in the inbox), or a new Acme Scale
 * user. Customers 1–130 get passwords and 131–260 codes, so the rounds stay under 520 changes.
 */
function nthChange(n: number): Change {
  const slot = Math.floor(n / 4) + 1;
  if (n % 4 === 0) return { kind: 'created', username: `crash-test-${n}` };
  if (n % 4 === 1) return { kind: 'password', username: demoCustomerUsername(slot), password: `crash-password-${n}` };
  if (n % 4 === 2) return { kind: 'code sent', username: demoCustomerUsername(130 + slot) };
  return { kind: 'created at scale', username: `crash-scale-${n}` };
}

function apply(client: CognitoIdentityProviderClient, change: Change): Promise<unknown> {
  switch (change.kind) {
    case 'created':
      return client.send(
        new AdminCreateUserCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Username: change.username, TemporaryPassword: 'Crash-Temporary-1!', MessageAction: 'SUPPRESS' }),
      );
    case 'password':
      return client.send(new AdminSetUserPasswordCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Username: change.username, Password: change.password, Permanent: true }));
    case 'code sent':
      return client.send(new ForgotPasswordCommand({ ClientId: DEMO_CUSTOMER_CLIENT_ID, Username: change.username }));
    case 'created at scale':
      return client.send(new AdminCreateUserCommand({ UserPoolId: SCALE_POOL_ID, Username: change.username, TemporaryPassword: 'Crash-Temporary-1!', MessageAction: 'SUPPRESS' }));
  }
}

/** Starts the emulator child on the data folder; resolves with its endpoint once it listens. */
function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'helpers', 'demo-emulator-process.mts'), dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [SCALE_USERS_ENV]: String(SCALE_USERS) },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const endpoint = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n');
      if (line.length > 1) resolve(line[0] as string);
    });
    void exited.then(() => reject(new Error(`The emulator exited before it listened:\n${stderr}`)));
  });
  return { child, endpoint, exited };
}

/** One round: changes until `killAfter` were acknowledged, then `signal` with others still in flight. */
async function changeThenKill(firstChange: number, killAfter: number, signal: NodeJS.Signals): Promise<{ acknowledged: Change[]; nextChange: number }> {
  const { child, endpoint, exited } = startChild();
  const client = sdkClient(await endpoint);
  const acknowledged: Change[] = [];
  const failedBeforeKill: unknown[] = [];
  let nextChange = firstChange;
  let killed = false;
  // Should the child die on its own, the callers stop and the checks below say so.
  let running = true;
  void exited.then(() => (running = false));
  const caller = async () => {
    while (running && !killed) {
      const change = nthChange(nextChange++);
      try {
        await apply(client, change);
      } catch (error) {
        if (!killed) failedBeforeKill.push(error);
        continue;
      }
      // Answered, even if after the kill was sent: it must be on disk.
      acknowledged.push(change);
      if (acknowledged.length >= killAfter && !killed) {
        killed = child.kill(signal);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENT_CALLS }, caller));
  } finally {
    client.destroy();
    if (!killed) child.kill('SIGKILL');
  }
  // SIGKILL ends it by the signal; SIGTERM through its helper's listener, with the signal's exit code.
  expect(await exited).toEqual(signal === 'SIGKILL' ? { code: null, signal: 'SIGKILL' } : { code: 128 + 15, signal: null });
  expect(failedBeforeKill).toEqual([]);
  return { acknowledged, nextChange };
}

describe('demo emulator under kill -9 and SIGTERM', () => {
  it('keeps every acknowledged change, and every file whole, through repeated kills mid-write', async () => {
    const acknowledged: Change[] = [];
    let nextChange = 0;
    for (const [round, killAfter] of KILL_AFTER.entries()) {
      const signal = SIGNALS[round % SIGNALS.length] ?? 'SIGKILL';
      const { acknowledged: acknowledgedInRound, nextChange: next } = await changeThenKill(nextChange, killAfter, signal);
      acknowledged.push(...acknowledgedInRound);
      nextChange = next;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER.reduce((sum, n) => sum + n, 0));

    // Each round's start was already a check (a damaged file stops it); now look at them all.
    const folder = join(dataDir, 'emulator');
    const files = [...(await readdir(folder)).filter((name) => name.endsWith('.json')).map((name) => join(folder, name)), join(dataDir, 'emulator-inbox.json')];
    const unparsable: string[] = [];
    for (const file of files) {
      try {
        JSON.parse(await readFile(file, 'utf8'));
      } catch {
        unparsable.push(file);
      }
    }
    expect(unparsable).toEqual([]);
    // The kills did land on journal appends: the Acme Scale pool's changes are in its journal.
    expect(await readdir(folder)).toContain(`${SCALE_POOL_ID}.journal`);

    const problems: string[] = [];
    const emulator = await startDemoEmulator({ dataDir, throttling: false, scaleUsers: SCALE_USERS, onProblem: (problem) => problems.push(problem) });
    const client = sdkClient(emulator.endpoint);
    try {
      expect(problems).toEqual([]);
      const inboxUsernames = new Set(emulator.inbox().map((message) => message.username));
      const missing: string[] = [];
      for (const change of acknowledged) {
        const present = await isPresent(client, change, inboxUsernames);
        if (!present) missing.push(`${change.kind}: ${change.username}`);
      }
      expect(missing).toEqual([]);
    } finally {
      client.destroy();
      await emulator.close();
    }
  }, 180_000);
});

async function isPresent(client: CognitoIdentityProviderClient, change: Change, inboxUsernames: Set<string>): Promise<boolean> {
  switch (change.kind) {
    case 'created':
      return client.send(new AdminGetUserCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Username: change.username })).then(
        () => true,
        () => false,
      );
    case 'password':
      return client
        .send(
          new AdminInitiateAuthCommand({
            UserPoolId: DEMO_CUSTOMER_POOL_ID,
            ClientId: DEMO_CUSTOMER_CLIENT_ID,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: change.username, PASSWORD: change.password ?? '' },
          }),
        )
        .then(
          (signedIn) => Boolean(signedIn.AuthenticationResult?.AccessToken),
          () => false,
        );
    case 'code sent':
      return inboxUsernames.has(change.username);
    case 'created at scale':
      return client.send(new AdminGetUserCommand({ UserPoolId: SCALE_POOL_ID, Username: change.username })).then(
        () => true,
        () => false,
      );
  }
}
