import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../shared/contract';
import { DEMO_CUSTOMER_CLIENT_ID, DEMO_CUSTOMER_POOL_ID, DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID } from '../../electron/emulator';
import { startScriptedCognito, type Answer, type SeenCall, type StandIn } from './helpers/cognito-stand-ins';
import { recoveryAction } from './helpers/recovery-actions';
import { startTestBackend, type TestBackend } from './helpers/test-backend';
import type { PolicyAction } from '../../shared/policy';
import { wordsFor } from '../support/translate';

// The one Cognito client policy, seen from the wire: a stand-in between the console and the demo
// emulator counts what really reached "Cognito" and plays what the emulator cannot (a 5xx, a cut
// connection, an answer that never comes). Saved connections and the demo share the policy.

const STAFF = DEMO_STAFF_POOL_ID;
const CLIENT = DEMO_STAFF_PUBLIC_CLIENT_ID;
// Short deadlines so the "no answer" cases end quickly; normal calls on a busy machine stay far below.
const WRITE_DEADLINE_MS = 4_000;

let t: TestBackend;
const standIns: StandIn[] = [];

beforeAll(async () => {
  t = await startTestBackend('call-policy', { throttling: false }, { callPolicy: { writeDeadlineMs: WRITE_DEADLINE_MS, readDeadlineMs: 5_000, readAttemptTimeoutMs: 2_500 } });
  await t.call('pools:list', { connectionId: 'demo' });
});

afterEach(async () => {
  await t.call('demo:clearFaults', { connectionId: 'demo' });
});

afterAll(async () => {
  for (const standIn of standIns) await standIn.close();
  await t.close();
});

const emulatorEndpoint = () => t.emulator()?.endpoint ?? '';

/** A saved connection whose calls go through a stand-in playing `script` (forwarding to the demo emulator). */
async function connectionThrough(script: (call: SeenCall, attempt: number) => Answer) {
  const standIn = await startScriptedCognito(script, emulatorEndpoint());
  standIns.push(standIn);
  const saved = await t.call('connections:save', {
    name: `Through stand-in ${standIns.length}`,
    region: 'us-east-1',
    endpoint: standIn.endpoint,
    source: { kind: 'access-keys', accessKeyId: 'AKIAPOLICYTESTKEY001', secretAccessKey: 'policyTestSecretValue000000000000000001' },
  });
  return { standIn, connectionId: saved.id };
}

const WRITES = ['ForgotPassword', 'ConfirmForgotPassword', 'AdminResetUserPassword', 'AdminSetUserPassword', 'AdminCreateUser'] as const;
type Write = (typeof WRITES)[number];

/** The console action that sends each write, on a user it suits. */
function actionFor(write: Write, connectionId: string): [Channel, Record<string, unknown>] {
  return recoveryAction(ACTION_OF[write], connectionId);
}

const ACTION_OF: Readonly<Record<Write, PolicyAction>> = {
  ForgotPassword: 'forgotPassword',
  ConfirmForgotPassword: 'confirmForgotPassword',
  AdminResetUserPassword: 'adminResetPassword',
  AdminSetUserPassword: 'setTemporaryPassword',
  AdminCreateUser: 'resendInvitation',
};

describe('a call that can send a message or change a user is sent at most once', () => {
  it.each(WRITES.map((w) => [w]))('%s answered LimitExceeded (the SDK would retry it as throttling) reached Cognito once', async (write) => {
    const { standIn, connectionId } = await connectionThrough(() => ({ forward: true }));
    await t.call('demo:injectFault', { connectionId: 'demo', operation: write, error: 'LimitExceeded', count: 3 });
    const [channel, request] = actionFor(write, connectionId);
    expect((await t.fail(channel, request)).code).toBe('LimitExceeded');
    expect(standIn.count(write)).toBe(1);
  });

  it.each(WRITES.map((w) => [w]))('%s answered with a 5xx reached Cognito once and is reported as an unknown outcome', async (write) => {
    const { standIn, connectionId } = await connectionThrough((call) =>
      call.operation === write ? { status: 500, type: 'InternalErrorException', message: 'Internal error' } : { forward: true },
    );
    const [channel, request] = actionFor(write, connectionId);
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'OutcomeUnknown', cause: 'server-error', params: { operation: write, httpStatus: 500 }, retryable: false, requestId: expect.stringMatching(/^stand-in-/) });
    expect(standIn.count(write)).toBe(1);
    const record = (await t.call('audit:list', { username: String(request.username) })).records[0];
    expect(record).toMatchObject({ outcomeCode: 'OutcomeUnknown', connection: { id: connectionId } });
  });

  it('a ForgotPassword whose connection was cut after it arrived: one request, and the operator is told a code may be on its way', async () => {
    const { standIn, connectionId } = await connectionThrough((call) => (call.operation === 'ForgotPassword' ? { cut: true } : { forward: true }));
    const [channel, request] = actionFor('ForgotPassword', connectionId);
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'OutcomeUnknown', cause: 'connection-cut', params: { operation: 'ForgotPassword', action: 'ForgotPassword' } });
    const words = wordsFor(error);
    expect(words.message).toMatch(/connection was lost/);
    expect(words.message).toContain('Cognito may have sent a code; ask the caller before sending another.');
    expect(words.guidance).toMatch(/Ask the caller whether a code arrived/);
    expect(words.guidance).not.toMatch(/try again/i);
    expect(standIn.count('ForgotPassword')).toBe(1);
  });

  it('a write that gets no answer ends at its deadline as an unknown outcome, sent once', async () => {
    const { standIn, connectionId } = await connectionThrough((call) => (call.operation === 'AdminSetUserPassword' ? { silence: true } : { forward: true }));
    const [channel, request] = actionFor('AdminSetUserPassword', connectionId);
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'OutcomeUnknown', cause: 'no-answer-in-time', params: { operation: 'AdminSetUserPassword', seconds: 4, action: 'AdminSetTemporaryPassword' } });
    expect(wordsFor(error).message).toMatch(/did not answer AdminSetUserPassword within 4 s.*may have set the temporary password/);
    expect(standIn.count('AdminSetUserPassword')).toBe(1);
  });

  it('TooManyRequests is the one answer a write is retried on (Cognito refused it before acting), with backoff', async () => {
    // One throttled answer: the SDK's backoff before the retry (up to a second) stays well within the deadline.
    const { standIn, connectionId } = await connectionThrough((call, attempt) =>
      call.operation === 'ForgotPassword' && attempt < 1 ? { status: 400, type: 'TooManyRequestsException', message: 'Too many requests' } : { forward: true },
    );
    const [channel, request] = actionFor('ForgotPassword', connectionId);
    const sent = await t.call(channel as 'recovery:forgotPassword', request as never);
    expect(sent.codeDeliveryDetails?.deliveryMedium).toBe('EMAIL');
    expect(standIn.count('ForgotPassword')).toBe(2);
  });

  it('nothing listening: a plain network failure that says nothing was sent, not an unknown outcome', async () => {
    const closed = await startScriptedCognito(() => ({ forward: true }));
    await closed.close();
    const saved = await t.call('connections:save', {
      name: 'Nothing there',
      region: 'us-east-1',
      endpoint: closed.endpoint,
      source: { kind: 'access-keys', accessKeyId: 'AKIAPOLICYTESTKEY002', secretAccessKey: 'policyTestSecretValue000000000000000002' },
    });
    const [channel, request] = actionFor('AdminResetUserPassword', saved.id);
    const error = await t.fail(channel, request);
    expect(error).toMatchObject({ code: 'NetworkError', cause: 'host-unreachable', params: { networkReason: 'refused' } });
  });

  it('reads keep the SDK\'s retries: a ListUsers answered with a 5xx is asked three times', async () => {
    const { standIn, connectionId } = await connectionThrough((call) =>
      call.operation === 'ListUsers' ? { status: 500, type: 'InternalErrorException', message: 'Internal error' } : { forward: true },
    );
    expect((await t.fail('users:search', { connectionId, userPoolId: STAFF, value: 'alice' })).code).toBe('InternalError');
    expect(standIn.count('ListUsers')).toBe(3);
  });

  it('the demo connection has the same deadline: a ForgotPassword slower than it is reported unknown, and its code does arrive', async () => {
    await t.call('demo:injectFault', { connectionId: 'demo', operation: 'ForgotPassword', delayMs: WRITE_DEADLINE_MS + 1_500, count: 1 });
    const error = await t.fail('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: CLIENT, username: 'iris.email-mfa' });
    expect(error).toMatchObject({ code: 'OutcomeUnknown', params: { action: 'ForgotPassword' } });
    // It had: the emulator acted after the console stopped waiting, exactly the case the words are for.
    await vi.waitFor(() => expect(t.emulator()?.inbox().some((m) => m.username === 'iris.email-mfa' && m.purpose === 'ForgotPassword')).toBe(true), { timeout: 20_000, interval: 100 });
  });
});

describe('as few Cognito calls as the work needs', () => {
  it('a whole journey in a password-only pool costs at most 11 calls, and each recovery action exactly one', async () => {
    const { standIn, connectionId } = await connectionThrough(() => ({ forward: true }));
    const onPool = { connectionId, userPoolId: STAFF };
    const target = { ...onPool, clientId: CLIENT, username: 'bob.phone-only' };
    await t.call('pools:list', { connectionId });
    await t.call('pools:describe', onPool);
    await t.call('clients:list', onPool);
    await t.call('users:search', { ...onPool, value: 'bob' });
    await t.call('users:get', { ...onPool, username: 'bob.phone-only' });
    await t.call('recovery:verdict', target);
    const before = standIn.seen.length;
    await t.call('recovery:forgotPassword', target);
    expect(standIn.seen.slice(before).map((c) => c.operation)).toEqual(['ForgotPassword']);
    const code = t.emulator()?.inbox().find((m) => m.username === 'bob.phone-only' && m.purpose === 'ForgotPassword')?.code ?? '';
    const beforeConfirm = standIn.seen.length;
    await t.call('recovery:confirmForgotPassword', { ...target, confirmationCode: code, password: 'Journey-Count-Pass-42!' });
    expect(standIn.seen.slice(beforeConfirm).map((c) => c.operation)).toEqual(['ConfirmForgotPassword']);
    await t.call('recovery:verdict', target);
    expect(standIn.seen.length).toBeLessThanOrEqual(11);
    // Acme Staff has no passwordless sign-in, so every user has a password: the verdict asks nothing more.
    expect(standIn.count('AdminGetUserAuthFactors')).toBe(0);
    // The facts were read once each: the pool, and each of the pool's two app clients.
    expect(standIn.count('DescribeUserPool')).toBe(1);
    expect(standIn.count('DescribeUserPoolClient')).toBe(2);
    // Opening the user and its verdict shared one read; the reset made the last verdict read afresh.
    expect(standIn.count('AdminGetUser')).toBe(2);
  });

  it('opening a user in a pool with passwordless sign-in reads the sign-in factors once, for the section and the verdict together', async () => {
    const { standIn, connectionId } = await connectionThrough(() => ({ forward: true }));
    const onPool = { connectionId, userPoolId: DEMO_CUSTOMER_POOL_ID };
    await t.call('pools:describe', onPool);
    // As the page asks when a user is opened: the details, the sign-in section and the verdict at once.
    const [, factors, verdict] = await Promise.all([
      t.call('users:get', { ...onPool, username: 'amy.passwordless' }),
      t.call('users:authFactors', { ...onPool, username: 'amy.passwordless' }),
      t.call('recovery:verdict', { ...onPool, clientId: DEMO_CUSTOMER_CLIENT_ID, username: 'amy.passwordless' }),
    ]);
    expect(factors.hasPassword).toBe(false);
    expect(verdict.reasons.map((reason) => reason.id)).toContain('no-password');
    expect(standIn.count('AdminGetUserAuthFactors')).toBe(1);
  });

  it('pool facts are reused, read afresh on demand, and after an error that suggests they changed', async () => {
    let refuse = false;
    const { standIn, connectionId } = await connectionThrough((call) =>
      refuse && call.operation === 'ForgotPassword' ? { status: 400, type: 'NotAuthorizedException', message: 'Unable to verify secret hash for client' } : { forward: true },
    );
    const onPool = { connectionId, userPoolId: STAFF };
    const target = { ...onPool, clientId: CLIENT, username: 'alice.verified' };
    await t.call('pools:describe', onPool);
    await t.call('recovery:verdict', target);
    expect(standIn.count('DescribeUserPool')).toBe(1);

    await t.call('pools:refresh', onPool);
    await t.call('pools:describe', onPool);
    expect(standIn.count('DescribeUserPool')).toBe(2);

    refuse = true;
    expect((await t.fail('recovery:forgotPassword', target)).code).toBe('NotAuthorized');
    await t.call('recovery:verdict', target);
    expect(standIn.count('DescribeUserPool')).toBe(3);
    // Read at the first verdict, after the refresh (for the secret hash), and after the refusal.
    expect(standIn.count('DescribeUserPoolClient')).toBe(3);
  });
});
