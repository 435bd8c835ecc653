import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import { messageRef } from '../../shared/message-ref';
import { DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID } from '../../electron/emulator';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { wordsFor } from '../support/translate';

// Bad input gets a clear, field-level error and changes nothing: no code sent, no record written,
// no setting or connection saved.

const STAFF = DEMO_STAFF_POOL_ID;
const target = { connectionId: 'demo', userPoolId: STAFF, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'alice.verified' };

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend('bad-input', { throttling: false });
  await t.call('pools:list', { connectionId: 'demo' });
});
afterAll(() => t.close());

async function auditLines(): Promise<number> {
  const text = await readFile(join(t.dataDir, 'audit', 'audit-log.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).length;
}

describe('free text that reaches the audit log refuses control characters and direction marks', () => {
  // U+202E makes "Eve\u202Enimda" read "Eveadmin"; U+2066 opens an isolate; a line break or a bell hides or fakes a line.
  const hostile = ['Eve\u202Enimda', 'HD-1\u2066x', 'HD-1\nHD-2', 'ring\u0007', 'zero\u200Fwidth'];

  it.each(hostile.map((value) => [JSON.stringify(value), value]))('a ticket %s: refused on its field, nothing sent or recorded', async (_shown, ticket) => {
    const inbox = t.emulator()?.inbox().length;
    const lines = await auditLines();
    const error = await t.fail('recovery:forgotPassword', { ...target, ticket });
    expect(error.code).toBe('InvalidRequest');
    expect(error.issues).toEqual([{ path: 'ticket', message: messageRef('validation.plainText', { field: 'ticket' }) }]);
    expect(t.emulator()?.inbox().length).toBe(inbox);
    expect(await auditLines()).toBe(lines);
  });

  it('a display name that would show as another name is refused, and the settings stay as they were', async () => {
    await t.call('settings:update', { operatorDisplayName: 'Eve' });
    const error = await t.fail('settings:update', { operatorDisplayName: 'Eve\u202Enimda' });
    expect(error.issues).toEqual([{ path: 'operatorDisplayName', message: messageRef('validation.plainText', { field: 'displayName' }) }]);
    expect((await t.call('settings:get', {})).operatorDisplayName).toBe('Eve');
  });

  it('a caller check label, in the settings or ticked on an action, is refused on its own entry', async () => {
    const settings = await t.fail('settings:update', { callerVerification: { enabled: true, checks: ['Date of birth', 'Employee id\u202E'] } });
    expect(settings.issues).toEqual([{ path: 'callerVerification.checks.1', message: messageRef('validation.plainText', { field: 'callerCheck' }) }]);
    expect((await t.call('settings:get', {})).callerVerification.enabled).toBe(false);
    const action = await t.fail('recovery:adminResetPassword', { connectionId: 'demo', userPoolId: STAFF, username: 'frank.both', callerVerification: ['Date\u0000 of birth'] });
    expect(action.issues?.map((i) => i.path)).toEqual(['callerVerification.0']);
  });

  it.each([
    ['connections:save', { name: 'Prod\u202Eved', region: 'eu-west-1', source: { kind: 'default-chain' } }],
    ['connections:rename', { connectionId: 'anything', name: 'Prod\nStaging' }],
  ] as Array<[Channel, unknown]>)('a connection name on %s is refused, and nothing is saved', async (channel, request) => {
    const before = (await t.call('connections:list', {})).connections.length;
    const error = await t.fail(channel, request);
    expect(error.issues).toEqual([{ path: 'name', message: messageRef('validation.plainText', { field: 'connectionName' }) }]);
    expect((await t.call('connections:list', {})).connections).toHaveLength(before);
  });

  it('ordinary names in any script still pass', async () => {
    await t.call('settings:update', { operatorDisplayName: 'Zoë Ångström — 客服 (HD)' });
    await t.call('recovery:forgotPassword', { ...target, ticket: 'HD-42 / Überprüfung' });
  });
});

describe('a damaged page marker', () => {
  it('gets guidance about paging, not about verified emails', async () => {
    const error = await t.fail('users:search', { connectionId: 'demo', userPoolId: STAFF, paginationToken: 'bm90LWEtcmVhbC10b2tlbg' });
    expect(error).toMatchObject({ code: 'InvalidParameter', cause: 'stale-page-marker', params: { operation: 'ListUsers' } });
    const words = wordsFor(error);
    expect(words.guidance).toMatch(/Start the search again from the first page/);
    expect(`${words.guidance} ${words.tellCaller}`).not.toMatch(/verified|email|phone/i);
  });

  it('a marker from another search is refused the same way', async () => {
    const page = await t.call('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', limit: 10 });
    expect(page.paginationToken).toBeDefined();
    const error = await t.fail('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', value: 'customer2', limit: 10, paginationToken: page.paginationToken });
    expect(error).toMatchObject({ code: 'InvalidParameter', cause: 'stale-page-marker' });
  });
});
