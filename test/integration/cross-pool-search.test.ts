import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossPoolSearchState } from '../../shared/contract';
import { DEMO_CUSTOMER_POOL_ID, DEMO_STAFF_POOL_ID, DEMO_STAFF_USERS } from '../../electron/emulator';
import { startRecordingProxy, startScriptedCognito, type StandIn } from './helpers/cognito-stand-ins';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// Finding the caller in every pool (search:start, search:progress, search:cancel), against the real
// demo emulator, through loopback proxies that count what reaches it and when.

const ALICE = DEMO_STAFF_USERS.verified; // in Acme Staff and in Acme Customers

let t: TestBackend;
let endpoint: string;

beforeAll(async () => {
  // Cognito's quotas on: a search that burst past ListUsers' 30 a second would be refused, not just counted.
  t = await startTestBackend('cross-pool-search');
  await t.call('pools:list', { connectionId: 'demo' });
  endpoint = t.emulator()?.endpoint ?? '';
});

afterAll(async () => {
  await t?.close();
});

/** A saved connection that reaches the demo emulator through `proxy`. */
async function connectionThrough(proxy: StandIn, name: string): Promise<string> {
  const saved = await t.call('connections:save', {
    name,
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    source: { kind: 'access-keys', accessKeyId: 'AKIASEARCHALLPOOLS01', secretAccessKey: 'searchAllPoolsSecretValue0000000000001' },
    defaultCountry: 'US',
  });
  return saved.id;
}

/** Polls search:progress until `done` says so (the page polls the same way). */
async function until(searchId: string, done: (state: CrossPoolSearchState) => boolean, timeoutMs = 30_000): Promise<CrossPoolSearchState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await t.call('search:progress', { searchId });
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`the search did not get there: ${JSON.stringify({ status: state.status, done: state.poolsDone, total: state.poolsTotal })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const finished = (state: CrossPoolSearchState) => state.finishedAt !== undefined;

const found = (state: CrossPoolSearchState) =>
  state.connections.flatMap((connection) => connection.pools.filter((pool) => pool.users.length > 0).map((pool) => [connection.connectionId, pool.userPoolId, pool.users.map((user) => user.username)]));

describe('one search across every pool of the demo connection', () => {
  it('finds a caller present in two pools, grouped by connection and pool, with progress to the end', async () => {
    const { searchId } = await t.call('search:start', { connectionId: 'demo', text: ALICE });
    const state = await until(searchId, finished);
    expect(state.status).toBe('done');
    expect(state.poolsTotal).toBe(4);
    expect(state.poolsDone).toBe(4);
    expect(state.hits).toBe(2);
    // In the order ListUserPools returned the pools.
    expect(found(state)).toHaveLength(2);
    expect(found(state)).toEqual(
      expect.arrayContaining([
        ['demo', DEMO_STAFF_POOL_ID, [ALICE]],
        ['demo', DEMO_CUSTOMER_POOL_ID, [ALICE]],
      ]),
    );
    const staff = state.connections[0]?.pools.find((pool) => pool.userPoolId === DEMO_STAFF_POOL_ID);
    // The one search box's lookups, in each pool: a username and an email by prefix.
    expect(staff?.lookups.map((lookup) => [lookup.attribute, lookup.match])).toEqual([
      ['username', 'prefix'],
      ['email', 'prefix'],
    ]);
    expect(staff?.users[0]?.matchedBy).toEqual(['username']);
  });

  it('reads a phone number in the connection default country, as users:find does', async () => {
    const { searchId } = await t.call('search:start', { connectionId: 'demo', text: '555-555-0142' });
    const state = await until(searchId, finished);
    expect(found(state)).toEqual([['demo', DEMO_STAFF_POOL_ID, ['bob.phone-only']]]);
    expect(state.connections[0]?.defaultCountry).toBe('US');
  });

  it('refuses a text too long for a Cognito filter before anything is sent', async () => {
    const error = await t.fail('search:start', { connectionId: 'demo', text: `${'"'.repeat(130)}` });
    expect(error.code).toBe('FilterTooLong');
  });

  it('answers SearchNotFound for a search it does not hold', async () => {
    const error = await t.fail('search:progress', { searchId: '00000000-0000-4000-8000-000000000000' });
    expect(error.code).toBe('SearchNotFound');
  });
});

describe('every connection, and pools the credentials cannot read', () => {
  let denying: StandIn;
  let connectionId: string;

  beforeAll(async () => {
    // IAM refuses the first pool's DescribeUserPool; everything else reaches the emulator.
    denying = await startScriptedCognito(
      (call, attempt) => (call.operation === 'DescribeUserPool' && attempt === 0 ? { status: 400, type: 'AccessDeniedException', message: 'not authorized to perform: cognito-idp:DescribeUserPool' } : { forward: true }),
      endpoint,
    );
    connectionId = await connectionThrough(denying, 'Second site, partly denied');
  });

  afterAll(async () => {
    await t.call('connections:delete', { connectionId });
    await denying.close();
  });

  it('searches every connection, reports the refused pool as AccessDenied and goes on with the rest', async () => {
    const { searchId } = await t.call('search:start', { connectionId, everyConnection: true, text: ALICE });
    const state = await until(searchId, finished);
    expect(state.status).toBe('done');
    // The chosen connection first, then the others the operator can pick.
    expect(state.connections.map((connection) => connection.connectionId)).toEqual([connectionId, 'demo']);
    const mine = state.connections[0];
    const failed = mine?.pools.filter((pool) => pool.status === 'failed') ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error?.code).toBe('AccessDenied');
    expect(mine?.pools.filter((pool) => pool.status === 'searched')).toHaveLength(3);
    expect(state.poolsTotal).toBe(8);
    expect(state.poolsDone).toBe(8);
    // alice is in two pools of each connection; the refused pool may be one of them.
    expect(state.hits).toBeGreaterThanOrEqual(3);
    expect(state.connections[1]?.pools.filter((pool) => pool.users.length > 0)).toHaveLength(2);
  });
});

describe('pacing within the ListUsers quota, over many pools', () => {
  let proxy: StandIn;
  let connectionId: string;
  const extraPools = 40;

  beforeAll(async () => {
    const admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'setup', secretAccessKey: 'setup' }, maxAttempts: 1 });
    for (let n = 1; n <= extraPools; n += 1) {
      // Every fourth pool signs users in by email: its usernames are generated ids.
      await admin.send(new CreateUserPoolCommand({ PoolName: `Paced pool ${n}`, ...(n % 4 === 0 ? { UsernameAttributes: ['email'] } : {}) }));
    }
    admin.destroy();
    proxy = await startRecordingProxy(endpoint);
    connectionId = await connectionThrough(proxy, 'Counted');
  }, 60_000);

  afterAll(async () => {
    await proxy.close();
  });

  it('never sends more than 30 ListUsers calls in any one second, and skips what a pool cannot answer with a note', async () => {
    const { searchId } = await t.call('search:start', { connectionId, text: ALICE });
    const state = await until(searchId, finished, 60_000);
    expect(state.status).toBe('done');
    expect(state.poolsTotal).toBe(4 + extraPools);
    const listUsers = proxy.seen.filter((call) => call.operation === 'ListUsers').map((call) => call.at);
    const emailUsernamePools = extraPools / 4;
    // Two lookups per pool, but no username lookup where usernames are generated ids.
    expect(listUsers).toHaveLength(2 * (4 + extraPools) - emailUsernamePools);
    const busiest = Math.max(...listUsers.map((start) => listUsers.filter((at) => at >= start && at < start + 1000).length));
    console.log(`cross-pool search: ${listUsers.length} ListUsers calls, at most ${busiest} in any one second`);
    expect(busiest).toBeLessThanOrEqual(30);
    // Throttling was on: nothing was refused, so nothing was retried.
    expect(state.connections[0]?.pools.filter((pool) => pool.status === 'failed')).toEqual([]);
    const emailPools = state.connections[0]?.pools.filter((pool) => pool.notSearched.length > 0) ?? [];
    expect(emailPools).toHaveLength(emailUsernamePools);
    expect(emailPools[0]?.notSearched).toEqual([{ attribute: 'username', reason: 'generated-usernames' }]);
    expect(emailPools[0]?.lookups.map((lookup) => lookup.attribute)).toEqual(['email']);
  }, 60_000);

  it('sends nothing more after cancel', async () => {
    // Slow answers, so the search is surely under way when it is cancelled.
    await t.call('demo:injectFault', { operation: 'ListUsers', delayMs: 400, count: 100 });
    try {
      const before = proxy.seen.length;
      const { searchId } = await t.call('search:start', { connectionId, text: ALICE });
      await until(searchId, (state) => state.connections[0]?.pools.some((pool) => pool.status === 'searching') ?? false);
      const cancelled = await t.call('search:cancel', { searchId });
      expect(cancelled.status).toBe('cancelled');
      const settled = await until(searchId, finished);
      expect(settled.status).toBe('cancelled');
      expect(settled.poolsDone).toBe(settled.poolsTotal);
      expect(settled.connections[0]?.pools.filter((pool) => pool.status === 'cancelled').length).toBeGreaterThan(0);
      // Settled: every call in flight was cut off and the pacers' waiting slots were given up. Nothing follows.
      const sentBySettle = proxy.seen.length;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(proxy.seen.length).toBe(sentBySettle);
      const listUsersSent = proxy.seen.slice(before).filter((call) => call.operation === 'ListUsers').length;
      expect(listUsersSent).toBeLessThan(2 * (4 + extraPools) - extraPools / 4);
    } finally {
      await t.call('demo:clearFaults', {});
    }
  });
});

describe('a call in flight when the operator stops', () => {
  let silent: StandIn;
  let connectionId: string;

  beforeAll(async () => {
    // ListUsers never answers: only cutting the call off ends the search before the read deadline (30 s).
    silent = await startScriptedCognito((call) => (call.operation === 'ListUsers' ? { silence: true } : { forward: true }), endpoint);
    connectionId = await connectionThrough(silent, 'Never answers ListUsers');
  });

  afterAll(async () => {
    await t.call('connections:delete', { connectionId });
    await silent.close();
  });

  it('is cut off at once, and the search settles as cancelled', async () => {
    const { searchId } = await t.call('search:start', { connectionId, text: ALICE });
    await until(searchId, () => silent.count('ListUsers') > 0);
    const stoppedAt = Date.now();
    await t.call('search:cancel', { searchId });
    const settled = await until(searchId, finished, 5_000);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(settled.status).toBe('cancelled');
    expect(settled.connections[0]?.pools.some((pool) => pool.status === 'failed')).toBe(false);
  });
});
