import { describe, expect, it } from 'vitest';
import type { PolicyView, RecoveryVerdict } from '../../shared/contract';
import { callerCheckState, ticketRule } from '../../renderer/features/recovery/action-record';
import { guideActions, policyAllows } from '../../renderer/features/recovery/policy-guide';
import { toSettingsRequest, settingsFormSchema, type SettingsFormValues } from '../../renderer/features/settings/settings-request';
import { translate } from '../support/translate';

// What the page offers under the organization's policy: only what the privileged side will accept,
// and never a silent dead end. (The privileged side's refusals: test/integration/policy-enforcement.)

const active = (policy: Partial<Extract<PolicyView, { status: 'active' }>> = {}): PolicyView => ({
  status: 'active',
  path: '/etc/recovery-desk/policy.json',
  requireTicket: false,
  callerVerificationSet: false,
  demo: true,
  presetConnections: 0,
  ...policy,
});
const invalid: PolicyView = { status: 'invalid', path: '/etc/recovery-desk/policy.json', problems: [{ key: '', problem: 'not-json' }] };

type Verdict = Pick<RecoveryVerdict, 'status' | 'channel' | 'alternatives'>;
const email = { deliveryMedium: 'EMAIL' as const, attributeName: 'email' as const, maskedDestination: 'a***@a***' };
const ready: Verdict = { status: 'ready', channel: email, alternatives: [] };
const uncertain: Verdict = { status: 'uncertain', channel: email, alternatives: ['adminResetPassword'] };
const newHire: Verdict = { status: 'blocked', alternatives: ['resendInvitation', 'setTemporaryPassword'] };

/** The guide for a verdict, as the recovery panel asks for it. */
function guide(policy: PolicyView | undefined, verdict: Verdict) {
  return guideActions({ policy, verdict, mayRequestCode: verdict.status !== 'blocked', offerAlternatives: verdict.status !== 'ready' });
}

describe('what the policy allows', () => {
  it('is everything without a policy, or without allowedActions', () => {
    expect(policyAllows(undefined, 'setTemporaryPassword')).toBe(true);
    expect(policyAllows({ status: 'none' }, 'setTemporaryPassword')).toBe(true);
    expect(policyAllows(active(), 'setTemporaryPassword')).toBe(true);
  });

  it('is only the listed actions, and nothing at all while the policy file cannot be used', () => {
    expect(policyAllows(active({ allowedActions: ['forgotPassword'] }), 'forgotPassword')).toBe(true);
    expect(policyAllows(active({ allowedActions: ['forgotPassword'] }), 'confirmForgotPassword')).toBe(false);
    expect(policyAllows(invalid, 'forgotPassword')).toBe(false);
  });
});

describe('the next steps offered', () => {
  it('are the verdict\'s own without a policy', () => {
    expect(guide(undefined, ready)).toEqual({ sendCode: true, confirmCode: true, alternatives: [], withheld: [], noWayLeft: false });
    expect(guide(undefined, newHire)).toMatchObject({ sendCode: false, alternatives: ['resendInvitation', 'setTemporaryPassword'], withheld: [] });
  });

  it('hide an alternative the policy does not allow, and say so', () => {
    expect(guide(active({ allowedActions: ['forgotPassword', 'confirmForgotPassword', 'resendInvitation'] }), newHire)).toEqual({
      sendCode: false,
      confirmCode: true,
      alternatives: ['resendInvitation'],
      withheld: ['setTemporaryPassword'],
      noWayLeft: false,
    });
  });

  it('say to pass the call on when nothing the verdict offers is allowed', () => {
    expect(guide(active({ allowedActions: ['forgotPassword', 'confirmForgotPassword'] }), newHire)).toMatchObject({
      alternatives: [],
      withheld: ['resendInvitation', 'setTemporaryPassword'],
      noWayLeft: true,
    });
  });

  it('offer an administrator reset in place of ForgotPassword: it sends the code by the same channel', () => {
    expect(guide(active({ allowedActions: ['adminResetPassword', 'confirmForgotPassword'] }), ready)).toEqual({
      sendCode: false,
      confirmCode: true,
      alternatives: ['adminResetPassword'],
      withheld: ['forgotPassword'],
      noWayLeft: false,
    });
    // Not twice when the verdict already offers it.
    expect(guide(active({ allowedActions: ['adminResetPassword', 'confirmForgotPassword'] }), uncertain).alternatives).toEqual(['adminResetPassword']);
  });

  it('without any way to send a code, a ready verdict leaves nothing: pass the call on', () => {
    expect(guide(active({ allowedActions: ['setTemporaryPassword'] }), ready)).toMatchObject({
      sendCode: false,
      alternatives: [],
      withheld: ['forgotPassword', 'confirmForgotPassword', 'adminResetPassword'],
      noWayLeft: true,
    });
  });

  it('keep sending the code when only the code step is not allowed (the caller types it into their app)', () => {
    expect(guide(active({ allowedActions: ['forgotPassword'] }), ready)).toEqual({
      sendCode: true,
      confirmCode: false,
      alternatives: [],
      withheld: ['confirmForgotPassword'],
      noWayLeft: false,
    });
  });

  it('offer nothing while the policy file cannot be used', () => {
    expect(guide(invalid, uncertain)).toMatchObject({ sendCode: false, confirmCode: false, alternatives: [], noWayLeft: true });
  });
});

describe('the ticket, checked as the privileged side checks it', () => {
  const none = { callerVerification: { enabled: false, checks: [] } };

  it('is required, and of the organization\'s form, only when the policy says so', () => {
    expect(callerCheckState(none, '', [], ticketRule(undefined))).not.toHaveProperty('ticketProblem');
    expect(callerCheckState(none, '   ', [], ticketRule(active({ requireTicket: true }))).ticketProblem).toBe('required');
    const pattern = ticketRule(active({ requireTicket: true, ticketPattern: '^INC-\\d+$' }));
    expect(callerCheckState(none, 'INC-', [], pattern).ticketProblem).toBe('pattern');
    expect(callerCheckState(none, 'XINC-42', [], pattern).ticketProblem).toBe('pattern');
    expect(callerCheckState(none, ' INC-42 ', [], pattern)).not.toHaveProperty('ticketProblem');
  });

  it('of a set form, but optional: an empty ticket is fine, a wrong one is not', () => {
    const optional = ticketRule(active({ ticketPattern: 'INC-\\d+' }));
    expect(callerCheckState(none, '', [], optional)).not.toHaveProperty('ticketProblem');
    expect(callerCheckState(none, 'INC-42 and more', [], optional).ticketProblem).toBe('pattern');
  });
});

describe('the settings form, when the organization sets caller verification', () => {
  const t = translate('en');
  const values: SettingsFormValues = { operatorDisplayName: 'Dana', callerVerification: { enabled: true, checks: [] } };

  it('sends the display name only, and does not ask for checks it cannot change', () => {
    expect(toSettingsRequest(values, t, { callerVerificationSet: true })).toEqual({ operatorDisplayName: 'Dana' });
    expect(settingsFormSchema(t, { callerVerificationSet: true }).safeParse(values).success).toBe(true);
    expect(settingsFormSchema(t).safeParse(values).success).toBe(false);
  });
});
