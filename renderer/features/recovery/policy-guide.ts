import type { Alternative, PolicyView, RecoveryVerdict } from '../../../shared/contract';
import { POLICY_ACTIONS, type PolicyAction } from '../../../shared/policy';

// What the organization's policy leaves the operator to do for this caller. The privileged side
// refuses anything else; the page only offers what will be accepted, and says what it leaves out.

/** Whether the policy lets operators take `action` from this console: every one without a policy, none while its file cannot be used. */
export function policyAllows(policy: PolicyView | undefined, action: PolicyAction): boolean {
  if (!policy || policy.status === 'none') return true;
  if (policy.status === 'invalid') return false;
  return policy.allowedActions?.includes(action) ?? true;
}

export interface ActionGuide {
  /** Offer "Send recovery code" (ForgotPassword). */
  sendCode: boolean;
  /** Offer the code step (ConfirmForgotPassword), once a code is on its way or the caller has one. */
  confirmCode: boolean;
  /** The alternatives to offer, best first. */
  alternatives: Alternative[];
  /** The verdict's next steps the policy does not allow, in the policy's order of actions. */
  withheld: PolicyAction[];
  /** Nothing the verdict offers is allowed here: the page says to pass the call on. */
  noWayLeft: boolean;
}

interface GuideInput {
  policy: PolicyView | undefined;
  /** What the verdict says, when it is known. */
  verdict: Pick<RecoveryVerdict, 'status' | 'channel' | 'alternatives'> | undefined;
  /** The verdict lets a code be requested (or could not be read, so Cognito's answer will tell). */
  mayRequestCode: boolean;
  /** The verdict's alternatives are offered now (not ready, none done yet). */
  offerAlternatives: boolean;
}

export function guideActions({ policy, verdict, mayRequestCode, offerAlternatives }: GuideInput): ActionGuide {
  const allows = (action: PolicyAction) => policyAllows(policy, action);
  const wouldOffer: PolicyAction[] = [...(mayRequestCode ? ['forgotPassword' as const] : []), ...(offerAlternatives ? (verdict?.alternatives ?? []) : [])];
  // An administrator reset sends the code by the same channel ForgotPassword would (AdminResetUserPassword,
  // where self-service recovery is set up): where the policy does not allow ForgotPassword, it takes its place.
  const substitute = mayRequestCode && !allows('forgotPassword') && verdict?.channel !== undefined && verdict.status !== 'blocked';
  if (substitute && !wouldOffer.includes('adminResetPassword')) wouldOffer.push('adminResetPassword');
  const alternatives = wouldOffer.filter((action): action is Alternative => action !== 'forgotPassword' && allows(action));
  const sendCode = mayRequestCode && allows('forgotPassword');
  // The code step matters when a code can come: from ForgotPassword, or an administrator reset.
  const codeCanCome = wouldOffer.includes('forgotPassword') || wouldOffer.includes('adminResetPassword');
  const confirmCode = allows('confirmForgotPassword');
  const withheld = POLICY_ACTIONS.filter(
    (action) => (wouldOffer.includes(action) || (action === 'confirmForgotPassword' && codeCanCome)) && !allows(action),
  );
  return { sendCode, confirmCode, alternatives, withheld, noWayLeft: withheld.length > 0 && !sendCode && alternatives.length === 0 };
}
