import { maskDestination, type DeliveryMedium } from '../../../shared/recovery-rules';
import { CognitoFault, validationFault, type CognitoRequest, type NextRoute } from '../interceptor';
import { findAdminTarget } from './admin-target';
import { invalidPassword, resendNotPossible } from './cognito-errors';
import type { FidelityContext } from './context';
import { passwordPolicyViolation } from './password-rules';
import { userKey } from './recovery-codes';
import { attributeOf, type StoredUser } from './store';
import { generateTemporaryPassword } from './temporary-passwords';
import { TEMPORARY_PASSWORD } from './validation';

// AdminCreateUser. MessageAction RESEND (cognito-local answers it "unsupported") is answered here as
// the API Reference describes it: a new invitation with a new temporary password, for a user who
// has not signed in yet. Every other call is cognito-local's; the layer only starts the clock on the
// temporary password it set.

interface InvitationChannel {
  deliveryMedium: DeliveryMedium;
  destination: string;
}

export async function adminCreateUser(ctx: FidelityContext, request: CognitoRequest, next: NextRoute): Promise<unknown> {
  if (request.MessageAction !== 'RESEND') {
    const result = await next(request);
    await startTemporaryPassword(ctx, request, result);
    return result;
  }
  return resendInvitation(ctx, request);
}

/**
 * Check order: request shape, pool, user, status, the temporary password, a delivery channel; then
 * the password is replaced, its validity restarts and the invitation is "delivered". The user stays
 * FORCE_CHANGE_PASSWORD. The replaced password is not added to the history: it was never the user's.
 */
async function resendInvitation(ctx: FidelityContext, request: CognitoRequest): Promise<{ User: Record<string, unknown> }> {
  // A blank TemporaryPassword means "none given" (the API allows it for passwordless pools).
  const { TemporaryPassword: given, ...rest } = request;
  const { fields, pool, user, key } = await findAdminTarget(ctx, given === '' ? rest : request, [TEMPORARY_PASSWORD]);
  if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') throw resendNotPossible(user.Username);

  const policy = pool.Policies?.PasswordPolicy;
  if (fields.TemporaryPassword !== undefined) {
    const violation = passwordPolicyViolation(fields.TemporaryPassword, policy);
    if (violation) throw invalidPassword(violation);
  }
  const password = fields.TemporaryPassword ?? generateTemporaryPassword(policy);
  const channels = invitationChannels(request.DesiredDeliveryMediums, user);

  const now = new Date(ctx.clock.now());
  await ctx.store.updateUser(pool.Id, user.Username, { Password: password, UserStatus: 'FORCE_CHANGE_PASSWORD', UserLastModifiedDate: now });
  const expiresAt = ctx.temporaryPasswords.start(key, pool, now.getTime());
  for (const channel of channels) {
    await ctx.deliver({
      purpose: 'Invitation',
      deliveryMedium: channel.deliveryMedium,
      destination: channel.destination,
      maskedDestination: maskDestination(channel.deliveryMedium, channel.destination),
      username: user.Username,
      userPoolId: pool.Id,
      // What the invitation carries: the temporary password, shown where the inbox shows codes.
      code: password,
      sentAt: now,
      expiresAt,
    });
  }
  const updated = (await ctx.store.getUser(pool.Id, user.Username)) ?? { ...user, Password: password, UserLastModifiedDate: now };
  return { User: userResponse(updated) };
}

/**
 * Where the invitation goes. Every requested medium the user has an attribute for (AWS: "You can
 * specify more than one value"); verification does not matter, an invitation is how a new user's
 * address first gets used. Without DesiredDeliveryMediums AWS documents SMS as the default; a user
 * without a phone number gets it by email instead (the demo's choice: most workforce users, erin
 * among them, only have an email, and what real Cognito does then is not documented).
 */
function invitationChannels(desired: unknown, user: StoredUser): InvitationChannel[] {
  const phone = attributeOf(user, 'phone_number');
  const email = attributeOf(user, 'email');
  const sms = phone ? [{ deliveryMedium: 'SMS' as const, destination: phone }] : [];
  const mail = email ? [{ deliveryMedium: 'EMAIL' as const, destination: email }] : [];

  let channels: InvitationChannel[];
  if (desired === undefined || desired === null) {
    channels = sms.length > 0 ? sms : mail;
  } else {
    if (!Array.isArray(desired) || !desired.every((m) => m === 'SMS' || m === 'EMAIL')) {
      throw validationFault('desiredDeliveryMediums', desired, 'Member must satisfy constraint: [Member must satisfy enum value set: [SMS, EMAIL]]');
    }
    channels = [...(desired.includes('SMS') ? sms : []), ...(desired.includes('EMAIL') ? mail : [])];
  }
  // cognito-local's wording for the same case when it creates a user; AWS does not publish one.
  if (channels.length === 0) throw new CognitoFault('InvalidParameterException', 'User has no attribute matching desired delivery mediums');
  return channels;
}

/** The UserType AdminCreateUser returns (as cognito-local shapes it), never the password. */
function userResponse(user: StoredUser): Record<string, unknown> {
  return {
    Username: user.Username,
    Attributes: user.Attributes,
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
    UserCreateDate: user.UserCreateDate,
    UserLastModifiedDate: user.UserLastModifiedDate,
    ...(user.MFAOptions ? { MFAOptions: user.MFAOptions } : {}),
  };
}

/** A user cognito-local just created with a temporary password: its validity starts now. */
async function startTemporaryPassword(ctx: FidelityContext, request: CognitoRequest, result: unknown): Promise<void> {
  const created = (result as { User?: { Username?: unknown; UserStatus?: unknown } } | undefined)?.User;
  if (typeof request.UserPoolId !== 'string' || typeof created?.Username !== 'string' || created.UserStatus !== 'FORCE_CHANGE_PASSWORD') return;
  const pool = await ctx.store.describePool(request.UserPoolId);
  if (pool) ctx.temporaryPasswords.start(userKey(pool.Id, created.Username), pool);
}
