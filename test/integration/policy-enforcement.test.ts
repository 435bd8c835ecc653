import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import type { Policy, PolicyAction } from '../../shared/policy';
import { DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';
import { startRecordingProxy, type StandIn } from './helpers/cognito-stand-ins';
import { RECOVERY_ACTIONS, recoveryAction } from './helpers/recovery-actions';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// The organization's policy, enforced on the privileged side: every key through backend.dispatch,
// as the desktop shell's IPC and the browser shell's HTTP both call it (test/integration/
// policy-web-shell.test.ts repeats the keys through the real HTTP shell). The policy comes from the
// file RECOVERY_DESK_POLICY_FILE names, as a deployment's would.

const STAFF = DEMO_STAFF_POOL_ID;
const CLIENT = DEMO_STAFF_PUBLIC_CLIENT_ID;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-policy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** A backend whose environment names a policy file with `content` (a string is written as it is). */
async function backendWith(content: Policy | string, env: NodeJS.ProcessEnv = {}): Promise<{ t: TestBackend; path: string }> {
  const path = join(dir, `policy-${++files}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  const t = await startTestBackend('policy', { throttling: false }, { env: { ...env, RECOVERY_DESK_POLICY_FILE: path } });
  return { t, path };
}

async function auditLines(t: TestBackend): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(t.dataDir, 'audit', 'audit-log.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('no policy', () => {
  it('says so, and leaves every action and setting to the operator', async () => {
    const t = await startTestBackend('policy-none', { throttling: false }, { env: {} });
    try {
      expect(await t.call('policy:get', {})).toEqual({ status: 'none' });
      expect((await t.call('connections:list', {})).connections.map((c) => c.id)).toEqual(['demo']);
      expect(await t.call('settings:update', { callerVerification: { enabled: true, checks: ['Date of birth'] } })).toMatchObject({ callerVerification: { enabled: true } });
    } finally {
      await t.close();
    }
  });
});

describe('requireTicket and ticketPattern', () => {
  let t: TestBackend;
  beforeAll(async () => {
    ({ t } = await backendWith({ requireTicket: true, ticketPattern: '^INC-\\d+$' }));
    await t.call('pools:list', { connectionId: 'demo' });
  });
  afterAll(() => t.close());

  it('says what it requires', async () => {
    expect(await t.call('policy:get', {})).toMatchObject({ status: 'active', requireTicket: true, ticketPattern: '^INC-\\d+$', callerVerificationSet: false, demo: true, presetConnections: 0 });
  });

  it.each(RECOVERY_ACTIONS)('%s without a ticket is refused before anything is sent, on the ticket field, and recorded', async (action) => {
    const [channel, request] = recoveryAction(action, 'demo');
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'PolicyForbids', cause: 'ticket-required', retryable: false });
    expect(error.issues).toEqual([{ path: 'ticket', message: 'validation.ticket.required' }]);
    // Blank is no ticket: the contract trims it.
    expect(await t.fail(channel, { ...request, ticket: '   ' })).toMatchObject({ code: 'PolicyForbids', cause: 'ticket-required' });
  });

  it.each(RECOVERY_ACTIONS)('%s with a ticket of another form is refused, naming the form', async (action) => {
    const [channel, request] = recoveryAction(action, 'demo', { ticket: 'XINC-42' });
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'PolicyForbids', cause: 'ticket-pattern' });
    expect(error.issues?.[0]?.path).toBe('ticket');
    expect(error.issues?.[0]?.message).toContain('validation.ticket.pattern');
    expect(error.issues?.[0]?.message).toContain('^INC-\\\\d+$');
  });

  it('sent no code for a refused ForgotPassword, and recorded each refusal with its code', async () => {
    expect((await t.call('demo:inbox', { connectionId: 'demo' })).messages).toEqual([]);
    const refused = (await auditLines(t)).filter((line) => line.outcomeCode === 'PolicyForbids');
    expect(refused.length).toBe(RECOVERY_ACTIONS.length * 3);
    expect(refused.every((line) => line.outcome === 'failure')).toBe(true);
  });

  it('lets an action with a matching ticket through, and records the ticket', async () => {
    const sent = await t.call('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: CLIENT, username: 'alice.verified', ticket: ' INC-4711 ' });
    expect(sent.codeDeliveryDetails?.deliveryMedium).toBe('EMAIL');
    expect((await auditLines(t)).at(-1)).toMatchObject({ action: 'ForgotPassword', outcome: 'success', ticket: 'INC-4711' });
  });
});

describe('a ticket pattern without requireTicket', () => {
  it('leaves the ticket optional, but a ticket given must match', async () => {
    const { t } = await backendWith({ ticketPattern: 'INC-\\d+' });
    try {
      const [channel, request] = recoveryAction('adminResetPassword', 'demo');
      await t.call(channel as 'recovery:adminResetPassword', request as never);
      expect(await t.fail(channel, { ...request, ticket: 'INC-42 and more' })).toMatchObject({ code: 'PolicyForbids', cause: 'ticket-pattern' });
      await t.call(channel as 'recovery:adminResetPassword', { ...request, ticket: 'INC-42' } as never);
    } finally {
      await t.close();
    }
  });
});

describe('allowedActions', () => {
  let t: TestBackend;
  const allowed: PolicyAction[] = ['forgotPassword', 'confirmForgotPassword'];
  beforeAll(async () => {
    ({ t } = await backendWith({ allowedActions: allowed }));
  });
  afterAll(() => t.close());

  it('are named to the page', async () => {
    expect(await t.call('policy:get', {})).toMatchObject({ status: 'active', allowedActions: allowed });
  });

  it.each(RECOVERY_ACTIONS.filter((a) => !allowed.includes(a)))('%s is refused, naming the action; nothing reaches Cognito', async (action) => {
    const [channel, request] = recoveryAction(action, 'demo', { ticket: 'INC-1' });
    expect(await t.fail(channel, request)).toMatchObject({ code: 'PolicyForbids', cause: 'action-not-allowed', params: { policyAction: action } });
  });

  it('the allowed ones go through: a code is sent, and the wrong code is Cognito\'s answer', async () => {
    const [send, sendRequest] = recoveryAction('forgotPassword', 'demo');
    await t.call(send as 'recovery:forgotPassword', sendRequest as never);
    const [confirm, confirmRequest] = recoveryAction('confirmForgotPassword', 'demo');
    expect((await t.fail(confirm, confirmRequest)).code).toBe('CodeMismatch');
  });

  it('the refused actions changed no one: erin is still waiting for her first sign-in, frank was not reset', async () => {
    expect((await t.call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'erin.new-hire' })).status).toBe('FORCE_CHANGE_PASSWORD');
    expect((await t.call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'frank.both' })).status).toBe('CONFIRMED');
    expect((await t.call('demo:inbox', { connectionId: 'demo' })).messages.map((m) => m.purpose)).toEqual(['ForgotPassword']);
  });

  it('an empty list allows no recovery action at all', async () => {
    const { t: none } = await backendWith({ allowedActions: [] });
    try {
      for (const action of RECOVERY_ACTIONS) {
        const [channel, request] = recoveryAction(action, 'demo');
        expect(await none.fail(channel, request)).toMatchObject({ code: 'PolicyForbids', cause: 'action-not-allowed', params: { policyAction: action } });
      }
    } finally {
      await none.close();
    }
  });
});

describe('callerVerification', () => {
  let t: TestBackend;
  const checks = ['Caller gave their employee number', 'ticket-confirmed'];
  beforeAll(async () => {
    ({ t } = await backendWith({ callerVerification: { required: true, checks } }));
    // The operator had turned it off before the policy came.
    await writeFile(join(t.dataDir, 'settings.json'), JSON.stringify({ callerVerification: { enabled: false, checks: ['contact-on-file'] } }));
  });
  afterAll(() => t.close());

  it('replaces the operator\'s settings: settings:get shows the organization\'s, and policy:get says it is set', async () => {
    expect((await t.call('settings:get', {})).callerVerification).toEqual({ enabled: true, checks });
    expect(await t.call('policy:get', {})).toMatchObject({ callerVerificationSet: true });
  });

  it('cannot be changed or turned off by settings:update; other settings still can', async () => {
    const error = await t.fail('settings:update', { callerVerification: { enabled: false, checks: [] } });
    expect(error).toMatchObject({ code: 'PolicyForbids', cause: 'managed-setting', issues: [{ path: 'callerVerification', message: 'validation.setByOrganization' }] });
    expect(await t.fail('settings:update', { operatorDisplayName: 'Eve', callerVerification: { enabled: true, checks } })).toMatchObject({ code: 'PolicyForbids', cause: 'managed-setting' });
    const saved = await t.call('settings:update', { operatorDisplayName: 'Eve' });
    expect(saved).toMatchObject({ operatorDisplayName: 'Eve', callerVerification: { enabled: true, checks } });
    // The operator's own choice stays in their file, for the day the policy lets go.
    expect(JSON.parse(await readFile(join(t.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ callerVerification: { enabled: false, checks: ['contact-on-file'] } });
  });

  it('every recovery action needs the organization\'s checks ticked', async () => {
    for (const action of RECOVERY_ACTIONS) {
      const [channel, request] = recoveryAction(action, 'demo', { callerVerification: [checks[0] ?? ''] });
      expect(await t.fail(channel, request)).toMatchObject({ code: 'CallerNotVerified', params: { missingChecks: 1 } });
    }
    const [channel, request] = recoveryAction('adminResetPassword', 'demo', { callerVerification: checks });
    await t.call(channel as 'recovery:adminResetPassword', request as never);
    expect((await auditLines(t)).at(-1)).toMatchObject({ outcome: 'success', callerVerification: checks });
  });

  it('set to not required, it is off and stays off', async () => {
    const { t: off } = await backendWith({ callerVerification: { required: false } });
    try {
      expect((await off.call('settings:get', {})).callerVerification).toEqual({ enabled: false, checks: [] });
      expect(await off.fail('settings:update', { callerVerification: { enabled: true, checks: ['Date of birth'] } })).toMatchObject({ cause: 'managed-setting' });
      const [channel, request] = recoveryAction('adminResetPassword', 'demo');
      await off.call(channel as 'recovery:adminResetPassword', request as never);
    } finally {
      await off.close();
    }
  });
});

describe('demo: false and preset connections', () => {
  let t: TestBackend;
  let elsewhere: DemoEmulator;
  let elsewhereDir: string;
  let proxy: StandIn;
  const presetId = 'org-staff-directory';

  beforeAll(async () => {
    // "Cognito elsewhere": an emulator of its own, reached through a stand-in that counts what arrives.
    elsewhereDir = await mkdtemp(join(tmpdir(), 'recovery-desk-policy-elsewhere-'));
    elsewhere = await startDemoEmulator({ dataDir: elsewhereDir, throttling: false });
    proxy = await startRecordingProxy(elsewhere.endpoint);
    const credentialsFile = join(dir, 'credentials');
    await writeFile(credentialsFile, '[helpdesk]\naws_access_key_id = AKIAPRESETPROFILE001\naws_secret_access_key = presetProfileSecret0000000000000000001\n');
    const configFile = join(dir, 'config');
    await writeFile(configFile, '');
    ({ t } = await backendWith(
      {
        demo: false,
        connections: [
          { id: 'staff-directory', name: 'Staff directory', region: 'us-east-1', profile: 'helpdesk', endpoint: proxy.endpoint, defaultCountry: 'US' },
          { name: 'Production (eu-west-1)', region: 'eu-west-1' },
        ],
      },
      { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile },
    ));
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await elsewhere?.close();
    await rm(elsewhereDir, { recursive: true, force: true });
  });

  it('lists no demo, and the presets marked as set by the organization, with stable ids', async () => {
    const { connections } = await t.call('connections:list', {});
    expect(connections).toEqual([
      expect.objectContaining({ id: presetId, name: 'Staff directory', kind: 'profile', profile: 'helpdesk', region: 'us-east-1', endpoint: proxy.endpoint, builtIn: true, setByOrganization: true, defaultCountry: 'US' }),
      expect.objectContaining({ id: 'org-production-eu-west-1', name: 'Production (eu-west-1)', kind: 'default-chain', region: 'eu-west-1', builtIn: true, setByOrganization: true }),
    ]);
    expect(await t.call('policy:get', {})).toMatchObject({ status: 'active', demo: false, presetConnections: 2 });
  });

  it.each<[Channel, Record<string, unknown>]>([
    ['pools:list', { connectionId: 'demo' }],
    ['users:find', { connectionId: 'demo', userPoolId: STAFF, text: 'alice' }],
    ['connections:test', { connectionId: 'demo' }],
    ['recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: CLIENT, username: 'alice.verified' }],
    ['demo:inbox', { connectionId: 'demo' }],
    ['demo:clearInbox', { connectionId: 'demo' }],
    ['demo:controls', { connectionId: 'demo' }],
    ['demo:injectFault', { connectionId: 'demo', operation: 'ListUsers', error: 'InternalError' }],
    ['demo:clearFaults', { connectionId: 'demo' }],
    ['demo:setThrottling', { connectionId: 'demo', enabled: false }],
  ])('refuses the demo: %s', async (channel, request) => {
    expect(await t.fail(channel, request)).toMatchObject({ code: 'PolicyForbids', cause: 'demo-disabled' });
  });

  it('never starts the demo emulator', () => {
    expect(t.emulator()).toBeUndefined();
  });

  it('a preset is used for every call, signed with its profile\'s credentials', async () => {
    const tested = await t.call('connections:test', { connectionId: presetId });
    expect(tested.poolCount).toBeGreaterThan(0);
    const found = await t.call('users:find', { connectionId: presetId, userPoolId: STAFF, text: '555-555-0142' });
    expect(found.defaultCountry).toBe('US');
    expect(found.users.map((u) => u.username)).toContain('bob.phone-only');
    await t.call('recovery:forgotPassword', { connectionId: presetId, userPoolId: STAFF, clientId: CLIENT, username: 'alice.verified' });
    expect(proxy.count('ForgotPassword')).toBe(1);
    // ForgotPassword is a public API the SDK sends unsigned; the reads carry the profile's key.
    const signed = proxy.seen.filter((call) => call.operation === 'ListUsers');
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.every((call) => call.signedWith === 'AKIAPRESETPROFILE001')).toBe(true);
    expect((await auditLines(t)).at(-1)).toMatchObject({ connection: { id: presetId, name: 'Staff directory', region: 'us-east-1' }, outcome: 'success' });
  });

  it.each<[Channel, (id: string) => Record<string, unknown>]>([
    ['connections:save', (id) => ({ connectionId: id, name: 'Mine now', region: 'us-east-1', source: { kind: 'default-chain' } })],
    ['connections:rename', (id) => ({ connectionId: id, name: 'Mine now' })],
    ['connections:delete', (id) => ({ connectionId: id })],
  ])('%s of a preset is refused', async (channel, request) => {
    for (const id of [presetId, 'org-production-eu-west-1']) {
      expect(await t.fail(channel, request(id))).toMatchObject({ code: 'PolicyForbids', cause: 'preset-connection', params: { connectionId: id } });
    }
    expect((await t.call('connections:list', {})).connections.filter((c) => c.setByOrganization).map((c) => c.name)).toEqual(['Staff directory', 'Production (eu-west-1)']);
  });

  it('operators still add their own connections, whose ids never clash with a preset\'s', async () => {
    const mine = await t.call('connections:save', { name: 'Staff directory', region: 'us-east-1', source: { kind: 'default-chain' } });
    expect(mine).toMatchObject({ builtIn: false, name: 'Staff directory' });
    expect(mine.setByOrganization).toBeUndefined();
    expect(mine.id).not.toBe(presetId);
    expect((await t.call('connections:list', {})).connections.map((c) => c.id)).toEqual([presetId, 'org-production-eu-west-1', mine.id]);
    await t.call('connections:delete', { connectionId: mine.id });
  });
});

describe('a policy file that cannot be used', () => {
  let t: TestBackend;
  let path: string;
  beforeAll(async () => {
    ({ t, path } = await backendWith({ requireTickets: true, ticketPattern: '^INC-(\\d+$' } as unknown as Policy));
  });
  afterAll(() => t.close());

  it('is named to the page with its problems, key by key', async () => {
    expect(await t.call('policy:get', {})).toEqual({
      status: 'invalid',
      path,
      problems: [
        { key: 'ticketPattern', problem: 'invalid-pattern' },
        { key: 'requireTickets', problem: 'unknown-key' },
      ],
    });
  });

  it.each(RECOVERY_ACTIONS)('refuses %s, naming the file and its first problem (fail closed)', async (action) => {
    const [channel, request] = recoveryAction(action, 'demo', { ticket: 'INC-1' });
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'PolicyInvalid', params: { policyPath: path } });
    expect(error.params?.policyProblems?.[0]).toEqual({ key: 'ticketPattern', problem: 'invalid-pattern' });
  });

  it('still lets the operator search and read: pools, users, the verdict, the audit log', async () => {
    expect((await t.call('pools:list', { connectionId: 'demo' })).pools.length).toBeGreaterThan(0);
    expect((await t.call('users:find', { connectionId: 'demo', userPoolId: STAFF, text: 'alice' })).users.length).toBeGreaterThan(0);
    expect((await t.call('recovery:verdict', { connectionId: 'demo', userPoolId: STAFF, clientId: CLIENT, username: 'alice.verified' })).status).toBe('ready');
    expect((await t.call('audit:list', {})).records.every((r) => r.outcomeCode === 'PolicyInvalid')).toBe(true);
    expect((await t.call('demo:inbox', { connectionId: 'demo' })).messages).toEqual([]);
  });

  it.each([
    ['not JSON', '{ "demo": fals', { key: '', problem: 'not-json' }],
    ['a wrong type', JSON.stringify({ allowedActions: 'forgotPassword' }), { key: 'allowedActions', problem: 'wrong-type' }],
    ['a preset connection with a bad region', JSON.stringify({ connections: [{ name: 'Prod', region: 'Europe' }] }), { key: 'connections.0.region', problem: 'invalid-value' }],
  ])('%s refuses the actions with that problem named', async (_what, content, problem) => {
    const { t: bad } = await backendWith(content);
    try {
      const [channel, request] = recoveryAction('forgotPassword', 'demo');
      expect((await bad.fail(channel, request)).params?.policyProblems).toEqual([problem]);
    } finally {
      await bad.close();
    }
  });

  it('a named file that is missing is a problem too, not "no policy"', async () => {
    const missing = join(dir, 'missing.json');
    const bad = await startTestBackend('policy-missing', { throttling: false }, { env: { RECOVERY_DESK_POLICY_FILE: missing } });
    try {
      const [channel, request] = recoveryAction('setTemporaryPassword', 'demo');
      expect(await bad.fail(channel, request)).toMatchObject({ code: 'PolicyInvalid', params: { policyPath: missing, policyProblems: [{ key: '', problem: 'unreadable', errno: 'ENOENT' }] } });
    } finally {
      await bad.close();
    }
  });
});
