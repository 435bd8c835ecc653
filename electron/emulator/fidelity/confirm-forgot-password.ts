import type { CognitoRequest } from '../interceptor';
import { authenticateClient } from './app-client';
import { attemptLimitExceeded, codeMismatch, expiredCode, invalidPassword, passwordReused, userDisabled, userNotFound } from './cognito-errors';
import type { FidelityContext } from './context';
import { passwordPolicyViolation } from './password-rules';
import { MAX_WRONG_CODES_PER_WINDOW, userKey } from './recovery-codes';
import { findUser } from './user-lookup';
import { CLIENT_ID, CONFIRMATION_CODE, PASSWORD, SECRET_HASH, USERNAME, validateRequest } from './validation';

/**
 * ConfirmForgotPassword as Cognito answers it. Check order: request shape, app client and secret
 * hash, the user, the wrong-code limit, the code, the password policy, the password history; then
 * the password is set and the user is CONFIRMED. Cognito does not document whether the code or the
 * password is checked first; code first means a wrong code is reported as such whatever the password.
 */
export async function confirmForgotPassword(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { ClientId, Username, ConfirmationCode, Password, SecretHash } = validateRequest(request, [CLIENT_ID, USERNAME, CONFIRMATION_CODE, PASSWORD, SECRET_HASH]);
  const { pool, hidesUserExistence } = await authenticateClient(ctx.store, ClientId, Username, SecretHash);

  // PreventUserExistenceErrors ENABLED: the answer a wrong code would get.
  const user = await findUser(ctx.store, pool, Username);
  if (!user) throw hidesUserExistence ? codeMismatch() : userNotFound();
  if (!user.Enabled) throw hidesUserExistence ? codeMismatch() : userDisabled();

  const key = userKey(pool.Id, user.Username);
  if (ctx.codes.recentWrongCodes(key) >= MAX_WRONG_CODES_PER_WINDOW) throw attemptLimitExceeded();
  const check = ctx.codes.check(key, ConfirmationCode);
  if (check === 'expired') throw expiredCode();
  if (check === 'mismatch') {
    ctx.codes.recordWrongCode(key);
    throw codeMismatch();
  }

  // The code stays valid after a refused password, so the operator can retry with the same code.
  const policy = pool.Policies?.PasswordPolicy;
  const violation = passwordPolicyViolation(Password, policy);
  if (violation) throw invalidPassword(violation);
  if (ctx.history.isReuse(key, Password, user.Password, policy?.PasswordHistorySize ?? 0)) throw passwordReused();

  // Consumed before the write is awaited, so two concurrent confirms cannot both use it.
  ctx.codes.consume(key);
  ctx.codes.clearWrongCodes(key);
  await ctx.store.updateUser(pool.Id, user.Username, { Password, UserStatus: 'CONFIRMED', UserLastModifiedDate: new Date(ctx.clock.now()) });
  if (Password !== user.Password) ctx.history.remember(key, user.Password);
  return {};
}
