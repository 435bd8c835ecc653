import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { COGNITO_ERROR_CODES } from '../../shared/errors';
import { createBackend } from '../../electron/core/backend';
import { startDemoEmulator } from '../../electron/emulator';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import { wordsFor } from '../support/translate';

// The operator-grade layer through the dispatcher, as both shells use it, against the real
// emulator: verdicts for every seeded case, guidance for every error, the alternatives, and the
// audit trail.
const STAFF = 'us-east-1_AcmeStaff1';
const CUSTOMERS = 'us-east-1_AcmeCust01';
const ADMIN_ONLY = 'us-east-1_AcmeAdmin1';
const STAFF_PUBLIC = 'staffconsolepublic000001';
const STAFF_SECRET = 'staffconsolesecret000001';
const CUSTOMER_APP = 'customerapppublic0000001';
const ADMIN_CLIENT = 'adminonlypublic000000001';

let t: TestBackend;
const call: TestBackend['call'] = (channel, request) => t.call(channel, request);
const fail: TestBackend['fail'] = (channel, request) => t.fail(channel, request);

beforeAll(async () => {
  t = await startTestBackend('operator', { throttling: false });
});

afterAll(async () => {
  await t?.close();
});

const verdict = (username: string, clientId = STAFF_PUBLIC, userPoolId = STAFF) =>
  call('recovery:verdict', { connectionId: 'demo', userPoolId, clientId, username });
const reasonIds = (v: ResponseOf<'recovery:verdict'>) => v.reasons.map((r) => r.id);

describe('the verdict before sending', () => {
  it('ready: a verified email gets the code by email, masked', async () => {
    const v = await verdict('alice.verified');
    expect(v).toMatchObject({ status: 'ready', rule: 'pool-setting', channel: { deliveryMedium: 'EMAIL', attributeName: 'email', maskedDestination: 'a***@a***' } });
    expect(v.alternatives).toEqual([]);
  });

  it('ready by SMS for a phone-only user', async () => {
    expect((await verdict('bob.phone-only')).channel).toMatchObject({ deliveryMedium: 'SMS', maskedDestination: '+*******0142' });
  });

  it('an MFA factor does not count: email MFA sends the code by SMS, and says why', async () => {
    const v = await verdict('iris.email-mfa');
    expect(v.channel?.deliveryMedium).toBe('SMS');
    expect(reasonIds(v)).toContain('mfa-disqualifies-email');
    expect(v.status).toBe('ready');
  });

  it('blocked: nothing verified, with the temporary password as the way out', async () => {
    const v = await verdict('carol.unverified');
    expect(v.status).toBe('blocked');
    expect(reasonIds(v)).toContain('no-verified-channel');
    expect(v.alternatives).toEqual(['setTemporaryPassword']);
    expect(v.channel).toBeUndefined();
  });

  it('blocked: disabled', async () => {
    const v = await verdict('dave.disabled');
    expect(v).toMatchObject({ status: 'blocked', alternatives: [] });
    // Codes across the boundary, no sentences: the page words them.
    expect(v.reasons).toContainEqual({ id: 'disabled', severity: 'blocker' });
    expect(v).not.toHaveProperty('summary');
  });

  it('blocked: FORCE_CHANGE_PASSWORD, resend the invitation', async () => {
    const v = await verdict('erin.new-hire');
    expect(v.status).toBe('blocked');
    expect(reasonIds(v)).toContain('force-change-password');
    expect(v.alternatives[0]).toBe('resendInvitation');
  });

  it('blocked: UNCONFIRMED and external-provider users', async () => {
    expect(reasonIds(await verdict('kate.unconfirmed'))).toContain('unconfirmed');
    const leo = await verdict('leo.external');
    expect(leo.status).toBe('blocked');
    expect(reasonIds(leo)).toContain('external-provider');
  });

  it('blocked: admin_only recovery, with a temporary password as the administrator way', async () => {
    const v = await verdict('nina.admin-only', ADMIN_CLIENT, ADMIN_ONLY);
    expect(v).toMatchObject({ status: 'blocked', rule: 'admin-only', alternatives: ['setTemporaryPassword'] });
  });

  it('uncertain: an app client that hides existence errors proves nothing', async () => {
    const v = await verdict('customer001', CUSTOMER_APP, CUSTOMERS);
    expect(v.status).toBe('uncertain');
    expect(reasonIds(v)).toContain('existence-errors-hidden');
    expect(v.alternatives).toEqual(['adminResetPassword']);
  });

  it('notes that SECRET_HASH is handled for a client with a secret', async () => {
    const v = await verdict('alice.verified', STAFF_SECRET);
    expect(v.status).toBe('ready');
    expect(reasonIds(v)).toContain('secret-hash-automatic');
  });

  it('counts the codes sent to the user today', async () => {
    const before = (await verdict('frank.both')).codesSentToday;
    await call('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'frank.both' });
    await call('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'frank.both' });
    expect((await verdict('frank.both')).codesSentToday).toBe(before + 2);
  });
});

describe('the alternatives', () => {
  const onStaff = (username: string) => ({ connectionId: 'demo', userPoolId: STAFF, username });
  const status = async (username: string, userPoolId = STAFF) => (await call('users:get', { connectionId: 'demo', userPoolId, username })).status;

  it('resends the invitation of a FORCE_CHANGE_PASSWORD user where the console asks, delivered and audited', async () => {
    await call('recovery:resendInvitation', { ...onStaff('erin.new-hire'), deliveryMediums: ['EMAIL'], ticket: 'HD-7' });
    expect(t.emulator()?.inbox().find((m) => m.username === 'erin.new-hire')).toMatchObject({ purpose: 'Invitation', deliveryMedium: 'EMAIL' });
    expect(await status('erin.new-hire')).toBe('FORCE_CHANGE_PASSWORD');
    expect((await call('audit:list', { username: 'erin.new-hire' })).records[0]).toMatchObject({ action: 'ResendInvitation', outcome: 'success', ticket: 'HD-7' });
  });

  it('refuses to resend an invitation to a user who already set a password, with guidance', async () => {
    const error = await fail('recovery:resendInvitation', onStaff('alice.verified'));
    expect(error.code).toBe('UnsupportedUserState');
    expect(wordsFor(error).guidance).toMatch(/FORCE_CHANGE_PASSWORD/);
  });

  it('resets as administrator: RESET_REQUIRED, a code that ConfirmForgotPassword accepts, then CONFIRMED', async () => {
    await call('recovery:adminResetPassword', onStaff('frank.both'));
    expect(await status('frank.both')).toBe('RESET_REQUIRED');
    const code = t.emulator()?.inbox().find((m) => m.username === 'frank.both' && m.purpose === 'AdminResetUserPassword')?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await call('recovery:confirmForgotPassword', { ...onStaff('frank.both'), clientId: STAFF_PUBLIC, confirmationCode: code, password: 'After-Admin-Reset-9' });
    expect(await status('frank.both')).toBe('CONFIRMED');
  });

  it('sets a temporary password as the last resort: FORCE_CHANGE_PASSWORD, and the password is not in the audit log', async () => {
    const temporary = 'Temporary-Only-Pass-31';
    await call('recovery:setTemporaryPassword', { connectionId: 'demo', userPoolId: ADMIN_ONLY, username: 'nina.admin-only', temporaryPassword: temporary });
    expect(await status('nina.admin-only', ADMIN_ONLY)).toBe('FORCE_CHANGE_PASSWORD');
    expect((await call('audit:list', { username: 'nina.admin-only' })).records[0]).toMatchObject({ action: 'AdminSetTemporaryPassword', outcome: 'success' });
    expect(await readFile(join(t.dataDir, 'audit', 'audit-log.jsonl'), 'utf8')).not.toContain(temporary);
  });

  it('refuses a temporary password below the pool policy in Cognito\'s words', async () => {
    const error = await fail('recovery:setTemporaryPassword', { ...onStaff('carol.unverified'), temporaryPassword: 'short1' });
    expect(error.code).toBe('InvalidPassword');
    expect(error.detail).toMatch(/Password does not conform to policy/);
  });
});

describe('guidance for every error', () => {
  beforeEach(async () => {
    await call('demo:clearFaults', { connectionId: 'demo' });
  });

  it.each(COGNITO_ERROR_CODES.map((code) => [code]))('%s from Cognito reaches the operator with what happened, what to say and what next', async (code) => {
    // TooManyRequests is the one answer a write is retried on (up to 3 attempts): it must outlast them.
    await call('demo:injectFault', { connectionId: 'demo', operation: 'ForgotPassword', error: code, count: code === 'TooManyRequests' ? 3 : 1 });
    const error = await fail('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'alice.verified' });
    // AWS answers InternalError with HTTP 500: the request may have been acted on, so the outcome is unknown.
    expect(error.code).toBe(code === 'InternalError' ? 'OutcomeUnknown' : code);
    expect(wordsFor(error).message).not.toBe('');
    expect(wordsFor(error).tellCaller).not.toBe('');
    expect(wordsFor(error).guidance).not.toBe('');
    expect(typeof error.retryable).toBe('boolean');
  });

  it('says how long to wait when Cognito limits attempts', async () => {
    await call('demo:injectFault', { connectionId: 'demo', operation: 'ConfirmForgotPassword', error: 'LimitExceeded', count: 1 });
    const error = await fail('recovery:confirmForgotPassword', {
      connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'alice.verified', confirmationCode: '123456', password: 'Good-Password-42',
    });
    expect(error).toMatchObject({ code: 'LimitExceeded', retryable: true, retryAfterSeconds: 3600 });
  });
});

describe('the audit trail', () => {
  it('records a successful reset with who, where and the ticket, and never the code or the password', async () => {
    const target = { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_SECRET, username: 'zoë.ångström', ticket: 'HD-4242' };
    await call('recovery:forgotPassword', target);
    const code = t.emulator()?.inbox().find((m) => m.username === 'zoë.ångström')?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const password = 'Audit-Secret-Pass-77';
    await call('recovery:confirmForgotPassword', { ...target, confirmationCode: code, password });

    const { records } = await call('audit:list', { username: 'zoë' });
    expect(records.map((r) => [r.action, r.outcome])).toEqual([
      ['ConfirmForgotPassword', 'success'],
      ['ForgotPassword', 'success'],
    ]);
    expect(records[0]).toMatchObject({
      connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
      userPoolId: STAFF,
      clientId: STAFF_SECRET,
      ticket: 'HD-4242',
      outcomeCode: 'OK',
      operator: { osUser: expect.any(String) },
    });
    const onDisk = await readFile(join(t.dataDir, 'audit', 'audit-log.jsonl'), 'utf8');
    expect(onDisk).not.toContain(password);
    expect(onDisk).not.toContain(`"${code}"`);
  });

  it('records a failure with its error code', async () => {
    await fail('recovery:confirmForgotPassword', {
      connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'frank.both', confirmationCode: '000000', password: 'Good-Password-42',
    });
    const { records } = await call('audit:list', { username: 'frank.both', outcome: 'failure' });
    expect(records[0]).toMatchObject({ action: 'ConfirmForgotPassword', outcome: 'failure', outcomeCode: expect.stringMatching(/^(CodeMismatch|ExpiredCode)$/) });
  });

  it('does not record a request that failed validation (nothing was sent)', async () => {
    const { total } = await call('audit:list', {});
    await fail('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'has space' });
    expect((await call('audit:list', {})).total).toBe(total);
  });

  it('filters by user, operator, outcome and time', async () => {
    const all = await call('audit:list', {});
    expect(all.total).toBeGreaterThan(3);
    const osUser = all.records[0]?.operator.osUser ?? '';
    expect((await call('audit:list', { operator: osUser })).total).toBe(all.total);
    expect((await call('audit:list', { operator: 'nobody-like-this' })).total).toBe(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('audit:list', { from: future })).total).toBe(0);
    expect((await call('audit:list', { to: future })).total).toBe(all.total);
    const failures = await call('audit:list', { outcome: 'failure' });
    expect(failures.records.every((r) => r.outcome === 'failure')).toBe(true);
  });

  it('exports CSV with a header row, escaping formulas, and JSON with the same records', async () => {
    await call('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'alice.verified', ticket: '=HYPERLINK("http://evil")' });
    const csv = await call('audit:export', { format: 'csv', username: 'alice.verified' });
    // UTF-8 with a byte order mark, so Excel does not garble zoë.ångström.
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    const lines = csv.content.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,operator_os_user,operator_display_name,connection_id,connection_name,region,user_pool_id,client_id,username,user_sub,action,outcome,outcome_code,request_id,ticket,caller_verification');
    expect(lines).toHaveLength(csv.count + 1);
    expect(csv.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toMatchObject({ mediaType: 'text/csv;charset=utf-8', filename: expect.stringMatching(/\.csv$/) });

    const json = await call('audit:export', { format: 'json', username: 'alice.verified' });
    expect((JSON.parse(json.content) as unknown[]).length).toBe(csv.count);
  });
});

describe('settings and caller verification', () => {
  it('records the operator display name once set', async () => {
    const settings = await call('settings:update', { operatorDisplayName: 'Sam at the Helpdesk' });
    expect(settings.operatorDisplayName).toBe('Sam at the Helpdesk');
    await call('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'mia.alias' });
    const { records } = await call('audit:list', { username: 'mia.alias' });
    expect(records[0]?.operator.displayName).toBe('Sam at the Helpdesk');
  });

  it('when verification is required, refuses an action until every check is ticked, and records the refusal', async () => {
    const checks = ['Caller gave the email on file', 'Caller confirmed the ticket number'];
    await call('settings:update', { callerVerification: { enabled: true, checks } });
    const before = t.emulator()?.inbox().length ?? 0;
    const target = { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'jack.reset-required' };

    const refused = await fail('recovery:forgotPassword', { ...target, callerVerification: [checks[0]] });
    expect(refused).toMatchObject({ code: 'CallerNotVerified', retryable: false });
    expect(t.emulator()?.inbox().length).toBe(before);
    expect((await call('audit:list', { username: 'jack.reset-required' })).records[0]).toMatchObject({ outcome: 'failure', outcomeCode: 'CallerNotVerified' });

    await call('recovery:forgotPassword', { ...target, callerVerification: checks });
    expect((await call('audit:list', { username: 'jack.reset-required' })).records[0]).toMatchObject({ outcome: 'success', callerVerification: checks });
    await call('settings:update', { callerVerification: { enabled: false, checks } });
  });

  it.each([
    ['torn', '{ not json'],
    ['of the wrong shape', '{ "callerVerification": { "enabled": "no" } }'],
  ])('a %s settings file fails closed: moved aside, named, caller verification required until the settings are saved', async (_kind, content) => {
    const dir = await mkdtemp(join(tmpdir(), 'recovery-desk-settings-'));
    await writeFile(join(dir, 'settings.json'), content);
    const other = createBackend({ dataDir: dir, env: {}, startDemo: () => startDemoEmulator({ dataDir: dir, throttling: false }) });
    try {
      const result = await other.dispatch('settings:get', {});
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const settings = result.data as ResponseOf<'settings:get'>;
      expect(settings.callerVerification.enabled).toBe(true);
      expect(settings.callerVerification.checks.length).toBeGreaterThan(0);
      const kept = (await readdir(dir)).filter((name) => name.startsWith('settings.json.damaged-'));
      expect(kept).toHaveLength(1);
      expect(settings.damagedFile).toMatchObject({ file: 'settings', movedTo: join(dir, kept[0] ?? '') });
      // Until saved again, the strictest settings apply.
      expect(settings.callerVerification.enabled).toBe(true);
      expect(await readFile(join(dir, kept[0] ?? ''), 'utf8')).toBe(content);

      const refused = await other.dispatch('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'alice.verified' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CallerNotVerified' } });

      await other.dispatch('settings:update', { callerVerification: { enabled: false, checks: settings.callerVerification.checks } });
      const saved = await other.dispatch('settings:get', {});
      expect(saved).toMatchObject({ ok: true, data: { callerVerification: { enabled: false } } });
      expect((saved as { data: { damagedFile?: unknown } }).data.damagedFile).toBeUndefined();
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a settings file that cannot be read at all fails closed too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recovery-desk-settings-'));
    // A folder where the file should be: reading it fails (EISDIR) whoever runs the test, root included.
    await mkdir(join(dir, 'settings.json'));
    const other = createBackend({ dataDir: dir, env: {}, startDemo: () => startDemoEmulator({ dataDir: dir, throttling: false }) });
    try {
      const result = await other.dispatch('settings:get', {});
      expect(result).toMatchObject({ ok: true, data: { callerVerification: { enabled: true }, damagedFile: { file: 'settings', reason: 'unreadable', errno: 'EISDIR' } } });
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
