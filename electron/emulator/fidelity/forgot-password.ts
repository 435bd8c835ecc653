import type { CognitoRequest } from '../interceptor';
import { authenticateClient } from './app-client';
import { adminOnlyRecovery, attemptLimitExceeded, cannotResetInState, noVerifiedChannel, userDisabled, userNotFound } from './cognito-errors';
import type { FidelityContext } from './context';
import { maskDestination } from '../../../shared/recovery-rules';
import { chooseChannel, isAdminOnly, simulatedDelivery, type MaskedDelivery } from './recovery-channel';
import { CODE_VALIDITY_MS, MAX_CODE_REQUESTS_PER_WINDOW, userKey } from './recovery-codes';
import type { StoredUser } from './store';
import { findUser } from './user-lookup';
import { CLIENT_ID, SECRET_HASH, USERNAME, validateRequest } from './validation';

/** States without a password of their own to reset (see cannotResetInState). */
const NOT_RESETTABLE = new Set(['FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER']);

/**
 * ForgotPassword as Cognito answers it. Check order: request shape, app client and secret hash,
 * pool-wide admin-only recovery, the user (existence, enabled, status), a qualifying channel, the
 * hourly limit; then a code is issued and "delivered" to the demo inbox. The user's status is never
 * changed (RESET_REQUIRED only comes from an admin reset or an import).
 */
export async function forgotPassword(ctx: FidelityContext, request: CognitoRequest): Promise<{ CodeDeliveryDetails: MaskedDelivery }> {
  const { ClientId, Username, SecretHash } = validateRequest(request, [CLIENT_ID, USERNAME, SECRET_HASH]);
  const { pool, hidesUserExistence } = await authenticateClient(ctx.store, ClientId, Username, SecretHash);
  // A pool setting, answered before the user is looked up, so it says nothing about who exists.
  if (isAdminOnly(pool)) throw adminOnlyRecovery();

  const user = await findUser(ctx.store, pool, Username);
  const key = userKey(pool.Id, user?.Username ?? Username);
  const admit = () => {
    // Simulated answers count too: a limit only real users hit would tell them apart.
    if (ctx.codes.recentRequests(key) >= MAX_CODE_REQUESTS_PER_WINDOW) throw attemptLimitExceeded();
    ctx.codes.recordRequest(key);
  };
  // PreventUserExistenceErrors ENABLED: a plausible answer, no code stored, nothing delivered.
  const simulate = (known?: StoredUser) => {
    admit();
    return { CodeDeliveryDetails: simulatedDelivery(pool, Username, known) };
  };

  if (!user) {
    if (hidesUserExistence) return simulate();
    throw userNotFound();
  }
  if (!user.Enabled) {
    if (hidesUserExistence) return simulate(user);
    throw userDisabled();
  }
  // Refused whatever the client setting: the user exists and the answer is about their state.
  if (NOT_RESETTABLE.has(user.UserStatus)) throw cannotResetInState();

  const channel = chooseChannel(pool, user);
  if (!channel) {
    if (hidesUserExistence) return simulate(user);
    throw noVerifiedChannel();
  }

  admit();
  const { code, expiresAt } = ctx.codes.issue(key);
  const maskedDestination = maskDestination(channel.deliveryMedium, channel.destination);
  await ctx.deliver({
    purpose: 'ForgotPassword',
    deliveryMedium: channel.deliveryMedium,
    destination: channel.destination,
    maskedDestination,
    username: user.Username,
    userPoolId: pool.Id,
    clientId: ClientId,
    code,
    // When the code was issued, so sentAt and expiresAt are exactly its validity apart (a second clock
    // read could fall a millisecond later: seen as a flaky test on a busy machine).
    sentAt: new Date(expiresAt.getTime() - CODE_VALIDITY_MS),
    expiresAt,
  });
  return { CodeDeliveryDetails: { Destination: maskedDestination, DeliveryMedium: channel.deliveryMedium, AttributeName: channel.attributeName } };
}
