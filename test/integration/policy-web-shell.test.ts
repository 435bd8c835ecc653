import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Policy } from '../../shared/policy';
import { startDemoEmulator, type DemoEmulator } from '../../electron/emulator';
import { startWebShell, webEntry, type WebShell } from '../e2e/web-shell';
import { recoveryAction } from './helpers/recovery-actions';

// The organization's policy through the browser shell: the real built out/main/web.js, started the way a
// deployment starts it (RECOVERY_DESK_POLICY_FILE in its environment), called over HTTP with its token.
// Every key is enforced there as through IPC (policy-enforcement.test.ts drives backend.dispatch,
// which both shells serve).

/** One call over HTTP, as the page makes it. */
async function call(shell: WebShell, channel: Channel, request: unknown): Promise<Result<unknown>> {
  const reply = await fetch(`${shell.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shell.token}` },
    body: JSON.stringify(request),
  });
  expect(reply.status).toBe(200);
  return (await reply.json()) as Result<unknown>;
}

describe.skipIf(!existsSync(webEntry))('the policy in the browser shell (out/main/web.js; skipped until npm run build has made it)', () => {
  let dir: string;
  let elsewhere: DemoEmulator;
  let shell: WebShell;
  const checks = ['Caller gave their employee number'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recovery-desk-policy-web-'));
    // The preset connection's Cognito: an emulator of its own, reached with a profile's keys.
    elsewhere = await startDemoEmulator({ dataDir: join(dir, 'elsewhere'), throttling: false });
    await writeFile(join(dir, 'credentials'), '[helpdesk]\naws_access_key_id = AKIAPRESETPROFILE002\naws_secret_access_key = presetProfileSecret0000000000000000002\n');
    await writeFile(join(dir, 'config'), '');
    const policy: Policy = {
      requireTicket: true,
      ticketPattern: '^INC-\\d+$',
      callerVerification: { required: true, checks },
      allowedActions: ['forgotPassword', 'confirmForgotPassword'],
      demo: false,
      connections: [{ id: 'staff', name: 'Staff directory', region: 'us-east-1', profile: 'helpdesk', endpoint: elsewhere.endpoint }],
    };
    await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
    shell = await startWebShell({
      env: { RECOVERY_DESK_POLICY_FILE: join(dir, 'policy.json'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') },
    });
  });
  afterAll(async () => {
    await shell?.stop();
    await elsewhere?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells the page what the organization fixes', async () => {
    expect(await call(shell, 'policy:get', {})).toMatchObject({
      ok: true,
      data: { status: 'active', requireTicket: true, ticketPattern: '^INC-\\d+$', callerVerificationSet: true, allowedActions: ['forgotPassword', 'confirmForgotPassword'], demo: false, presetConnections: 1 },
    });
    expect(await call(shell, 'settings:get', {})).toMatchObject({ ok: true, data: { callerVerification: { enabled: true, checks } } });
  });

  it('lists the preset connection and no demo, and refuses the demo', async () => {
    expect(await call(shell, 'connections:list', {})).toMatchObject({ ok: true, data: { connections: [{ id: 'org-staff', setByOrganization: true, builtIn: true }] } });
    expect(await call(shell, 'demo:inbox', { connectionId: 'demo' })).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'demo-disabled' } });
    expect(await call(shell, 'pools:list', { connectionId: 'demo' })).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'demo-disabled' } });
  });

  it('refuses to change the preset connection or the caller verification', async () => {
    const preset = { ok: false, error: { code: 'PolicyForbids', cause: 'preset-connection' } };
    expect(await call(shell, 'connections:delete', { connectionId: 'org-staff' })).toMatchObject(preset);
    expect(await call(shell, 'connections:rename', { connectionId: 'org-staff', name: 'Mine now' })).toMatchObject(preset);
    expect(await call(shell, 'connections:save', { connectionId: 'org-staff', name: 'Mine now', region: 'us-east-1', source: { kind: 'default-chain' } })).toMatchObject(preset);
    expect(await call(shell, 'settings:update', { callerVerification: { enabled: false, checks: [] } })).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'managed-setting' } });
  });

  it('refuses an action not allowed, a missing ticket, a ticket of another form, then unticked checks', async () => {
    const record = { ticket: 'INC-7', callerVerification: checks };
    const [temporary, temporaryRequest] = recoveryAction('setTemporaryPassword', 'org-staff', record);
    expect(await call(shell, temporary, temporaryRequest)).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'action-not-allowed', params: { policyAction: 'setTemporaryPassword' } } });
    const [send, sendRequest] = recoveryAction('forgotPassword', 'org-staff');
    expect(await call(shell, send, sendRequest)).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'ticket-required', issues: [{ path: 'ticket' }] } });
    expect(await call(shell, send, { ...sendRequest, ticket: 'INC-seven' })).toMatchObject({ ok: false, error: { code: 'PolicyForbids', cause: 'ticket-pattern' } });
    expect(await call(shell, send, { ...sendRequest, ticket: 'INC-7' })).toMatchObject({ ok: false, error: { code: 'CallerNotVerified' } });
    expect(elsewhere.inbox()).toEqual([]);
    // All of it right: the code goes out through the preset connection.
    expect(await call(shell, send, { ...sendRequest, ...record })).toMatchObject({ ok: true, data: { codeDeliveryDetails: { deliveryMedium: 'EMAIL' } } });
    expect(elsewhere.inbox().map((message) => message.username)).toEqual(['alice.verified']);
  });
});

describe.skipIf(!existsSync(webEntry))('a policy file the browser shell cannot use', () => {
  let dir: string;
  let shell: WebShell;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recovery-desk-policy-web-bad-'));
    await writeFile(join(dir, 'policy.json'), JSON.stringify({ allowedActions: ['forgotPassword', 'deleteUser'] }));
    shell = await startWebShell({ env: { RECOVERY_DESK_POLICY_FILE: join(dir, 'policy.json') } });
  });
  afterAll(async () => {
    await shell?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses every recovery action naming the key, and still lets the operator look', async () => {
    const [send, sendRequest] = recoveryAction('forgotPassword', 'demo');
    expect(await call(shell, send, sendRequest)).toMatchObject({
      ok: false,
      error: { code: 'PolicyInvalid', params: { policyPath: join(dir, 'policy.json'), policyProblems: [{ key: 'allowedActions.1', problem: 'invalid-value' }] } },
    });
    expect(await call(shell, 'pools:list', { connectionId: 'demo' })).toMatchObject({ ok: true });
  });
});
