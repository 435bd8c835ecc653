import { maskDestination } from '../../../shared/recovery-rules';
import type { CognitoRequest } from '../interceptor';
import { findAdminTarget } from './admin-target';
import { adminOnlyRecovery, attemptLimitExceeded, cannotResetInState, userDisabled } from './cognito-errors';
import type { FidelityContext } from './context';
import { chooseChannel, isAdminOnly } from './recovery-channel';
import { CODE_VALIDITY_MS, MAX_CODE_REQUESTS_PER_WINDOW } from './recovery-codes';

// AdminResetUserPassword, which cognito-local lacks: the administrative ForgotPassword. The user's
// password stops working (RESET_REQUIRED: sign-in answers PasswordResetRequiredException) and, when
// they have a channel that qualifies, they get a normal recovery code that ConfirmForgotPassword takes.

/** States without a password of their own to reset, as for ForgotPassword. */
const NOT_RESETTABLE = new Set(['FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER']);

/**
 * Check order: request shape, pool, the pool's recovery setting, user (existence, enabled, status),
 * the hourly limit; then RESET_REQUIRED, and a code when a channel qualifies.
 */
export async function adminResetUserPassword(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { pool, user, key } = await findAdminTarget(ctx, request);
  // The API Reference: "To use this API operation, your user pool must have self-service account
  // recovery configured. Use AdminSetUserPassword if you manage passwords as an administrator." So an
  // admin_only pool is refused, with ForgotPassword's answer to the same setting (the exception and
  // wording for this operation are not published: an assumption).
  if (isAdminOnly(pool)) throw adminOnlyRecovery();
  // Reported of real Cognito (amazon-cognito-identity-js#373; AWS: enable the user first).
  if (!user.Enabled) throw userDisabled();
  // FORCE_CHANGE_PASSWORD is reported to get this answer; EXTERNAL_PROVIDER by the same reasoning.
  if (NOT_RESETTABLE.has(user.UserStatus)) throw cannotResetInState();

  // Counted with ForgotPassword's requests: the same codes, so the same hourly limit.
  if (ctx.codes.recentRequests(key) >= MAX_CODE_REQUESTS_PER_WINDOW) throw attemptLimitExceeded();
  ctx.codes.recordRequest(key);

  // The password is kept: RESET_REQUIRED alone stops it working (see sign-in.ts).
  await ctx.store.updateUser(pool.Id, user.Username, { UserStatus: 'RESET_REQUIRED', UserLastModifiedDate: new Date(ctx.clock.now()) });

  // AWS sends the code only "if ... a verified phone number exists ... or ... a verified email
  // exists"; without one the user is still RESET_REQUIRED, and ForgotPassword cannot help either
  // until an attribute is verified. The channel follows ForgotPassword's rules (priority, MFA factor).
  const channel = chooseChannel(pool, user);
  if (!channel) return {};
  const { code, expiresAt } = ctx.codes.issue(key);
  await ctx.deliver({
    purpose: 'AdminResetUserPassword',
    deliveryMedium: channel.deliveryMedium,
    destination: channel.destination,
    maskedDestination: maskDestination(channel.deliveryMedium, channel.destination),
    username: user.Username,
    userPoolId: pool.Id,
    code,
    // When the code was issued, so sentAt and expiresAt are exactly its validity apart.
    sentAt: new Date(expiresAt.getTime() - CODE_VALIDITY_MS),
    expiresAt,
  });
  return {};
}
