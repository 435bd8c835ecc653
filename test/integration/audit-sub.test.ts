import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, RequestOf } from '../../shared/contract';
import { DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_POOL_ID, DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID } from '../../electron/emulator';
import { startRecordingProxy, type StandIn } from './helpers/cognito-stand-ins';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// Audit records name the Cognito user by `sub` too, the name CloudTrail knows them by. Against the
// real emulator through a loopback proxy that counts what reached "Cognito": in the usual journey
// the sub comes from the search or the opened user, at no extra call.

let t: TestBackend;
let proxy: StandIn;
let connectionId: string;

beforeAll(async () => {
  t = await startTestBackend('audit-sub', { throttling: false });
  await t.call('pools:list', { connectionId: 'demo' });
  proxy = await startRecordingProxy(t.emulator()?.endpoint ?? '');
  connectionId = (
    await t.call('connections:save', {
      name: 'Through the counting proxy',
      region: 'us-east-1',
      endpoint: proxy.endpoint,
      source: { kind: 'access-keys', accessKeyId: 'AKIAAUDITSUBTEST0001', secretAccessKey: 'auditSubTestSecretValue0000000000000001' },
    })
  ).id;
  // The pools' and app clients' facts, read once as opening a pool does.
  for (const userPoolId of [DEMO_STAFF_POOL_ID, DEMO_CUSTOMER_POOL_ID]) await t.call('clients:list', { connectionId, userPoolId });
});

afterAll(async () => {
  await t?.close();
  await proxy?.close();
});

/** Runs one call and returns the Cognito operations it sent. */
async function sentBy<C extends Channel>(channel: C, request: RequestOf<C>, fails = false): Promise<string[]> {
  const before = proxy.seen.length;
  if (fails) await t.fail(channel, request);
  else await t.call(channel, request);
  return proxy.seen.slice(before).map((c) => c.operation);
}

const newestRecordOf = async (username: string) => (await t.call('audit:list', { username })).records.find((r) => r.username === username);

describe('the sub in audit records', () => {
  it('of a user opened from the search: on success and on failure, at no call beyond the action', async () => {
    const onPool = { connectionId, userPoolId: DEMO_STAFF_POOL_ID };
    const found = await t.call('users:find', { ...onPool, text: 'alice.ver' });
    const sub = found.users.find((u) => u.username === 'alice.verified')?.sub;
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    const target = { ...onPool, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'alice.verified' };

    expect(await sentBy('recovery:forgotPassword', target)).toEqual(['ForgotPassword']);
    expect(await newestRecordOf('alice.verified')).toMatchObject({ v: 2, action: 'ForgotPassword', outcome: 'success', sub });

    expect(await sentBy('recovery:confirmForgotPassword', { ...target, confirmationCode: '000000', password: 'Sub-Test-Pass-42!' }, true)).toEqual(['ConfirmForgotPassword']);
    expect(await newestRecordOf('alice.verified')).toMatchObject({ action: 'ConfirmForgotPassword', outcome: 'failure', sub });
  });

  it('of a user opened (AdminGetUser) before the action', async () => {
    const onPool = { connectionId, userPoolId: DEMO_STAFF_POOL_ID };
    const { sub } = await t.call('users:get', { ...onPool, username: 'frank.both' });
    expect(await sentBy('recovery:adminResetPassword', { ...onPool, username: 'frank.both', ticket: 'HD-7' })).toEqual(['AdminResetUserPassword']);
    expect(await newestRecordOf('frank.both')).toMatchObject({ action: 'AdminResetUserPassword', outcome: 'success', ticket: 'HD-7', sub });
  });

  it('of a user not read before: one AdminGetUser after a successful action', async () => {
    const target = { connectionId, userPoolId: DEMO_STAFF_POOL_ID, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'zoë.ångström' };
    expect(await sentBy('recovery:forgotPassword', target)).toEqual(['ForgotPassword', 'AdminGetUser']);
    const { sub } = await t.call('users:get', { connectionId, userPoolId: DEMO_STAFF_POOL_ID, username: 'zoë.ångström' });
    expect(await newestRecordOf('zoë.ångström')).toMatchObject({ outcome: 'success', sub });
  });

  it('none for a user Cognito does not know: a failure reads nothing more, a disguised success finds no one', async () => {
    const staff = { connectionId, userPoolId: DEMO_STAFF_POOL_ID, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'nobody.at-all' };
    expect(await sentBy('recovery:forgotPassword', staff, true)).toEqual(['ForgotPassword']);
    const failed = await newestRecordOf('nobody.at-all');
    expect(failed).toMatchObject({ outcome: 'failure', outcomeCode: 'UserNotFound' });
    expect(failed).not.toHaveProperty('sub');

    // PreventUserExistenceErrors ENABLED: Cognito answers as if it sent a code; the record shows no user was behind it.
    const customers = { connectionId, userPoolId: DEMO_CUSTOMER_POOL_ID, clientId: DEMO_CUSTOMER_CLIENT_ID, username: 'nobody.either' };
    expect(await sentBy('recovery:forgotPassword', customers)).toEqual(['ForgotPassword', 'AdminGetUser']);
    const disguised = await newestRecordOf('nobody.either');
    expect(disguised).toMatchObject({ outcome: 'success' });
    expect(disguised).not.toHaveProperty('sub');
  });

  it('in the demo connection too, and in both exports', async () => {
    const onPool = { connectionId: 'demo', userPoolId: DEMO_STAFF_POOL_ID };
    const { sub } = await t.call('users:get', { ...onPool, username: 'mia.alias' });
    await t.call('recovery:forgotPassword', { ...onPool, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'mia.alias' });
    const csv = await t.call('audit:export', { format: 'csv', username: 'mia.alias' });
    const [header, row] = csv.content.slice(1).trimEnd().split('\r\n');
    expect(header?.split(',')).toContain('user_sub');
    expect(row?.split(',')[header?.split(',').indexOf('user_sub') ?? -1]).toBe(sub);
    const json = JSON.parse((await t.call('audit:export', { format: 'json', username: 'mia.alias' })).content) as unknown[];
    expect(json[0]).toMatchObject({ username: 'mia.alias', sub });
  });
});
