import { validationFault, type CognitoRequest } from '../interceptor';
import { findAdminTarget } from './admin-target';
import { invalidPassword, passwordReused } from './cognito-errors';
import type { FidelityContext } from './context';
import { passwordPolicyViolation } from './password-rules';
import { PASSWORD } from './validation';

// AdminSetUserPassword, in place of cognito-local's (which checks nothing). Permanent true: the user
// is CONFIRMED and signs in with it. Permanent false (the API default): a temporary password, the
// user is FORCE_CHANGE_PASSWORD and sign-in answers the NEW_PASSWORD_REQUIRED challenge until the
// pool's TemporaryPasswordValidityDays have passed.

/**
 * Check order: request shape, pool, user, the policy, the history; then the password is set. The
 * API Reference lists InvalidPasswordException and PasswordHistoryPolicyViolationException for this
 * operation without distinguishing temporary from permanent passwords, so both are checked for both.
 */
export async function adminSetUserPassword(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { fields, pool, user, key } = await findAdminTarget(ctx, request, [PASSWORD]);
  const permanent = request.Permanent ?? false;
  if (typeof permanent !== 'boolean') throw validationFault('permanent', permanent, 'Member must be a boolean');

  const policy = pool.Policies?.PasswordPolicy;
  const violation = passwordPolicyViolation(fields.Password, policy);
  if (violation) throw invalidPassword(violation);
  if (ctx.history.isReuse(key, fields.Password, user.Password, policy?.PasswordHistorySize ?? 0)) throw passwordReused();

  await ctx.store.updateUser(pool.Id, user.Username, {
    Password: fields.Password,
    UserStatus: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
    UserLastModifiedDate: new Date(ctx.clock.now()),
  });
  // As before: the password replaced counts towards the history later resets are checked against.
  if (fields.Password !== user.Password) ctx.history.remember(key, user.Password);
  if (permanent) ctx.temporaryPasswords.clear(key);
  else ctx.temporaryPasswords.start(key, pool);
  return {};
}
