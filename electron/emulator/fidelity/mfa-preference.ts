import type { CognitoRequest } from '../interceptor';
import { CognitoFault } from '../interceptor';
import type { FidelityContext } from './context';
import { findUser } from './user-lookup';

// AdminSetUserMFAPreference: which MFA factors a user has, and the preferred one. It matters here
// because a recovery channel that is also an MFA factor does not qualify for ForgotPassword.

type Setting = { Enabled?: unknown; PreferredMfa?: unknown } | undefined;

const FACTORS = [
  ['SMSMfaSettings', 'SMS_MFA'],
  ['EmailMfaSettings', 'EMAIL_OTP'],
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
] as const;

export async function adminSetUserMfaPreference(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const poolId = request.UserPoolId;
  const username = request.Username;
  if (typeof poolId !== 'string' || typeof username !== 'string') {
    throw new CognitoFault('InvalidParameterException', 'UserPoolId and Username are required.');
  }
  const pool = await ctx.store.describePool(poolId);
  if (!pool) throw new CognitoFault('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  const user = await findUser(ctx.store, pool, username);
  if (!user) throw new CognitoFault('UserNotFoundException', 'User does not exist.');

  const enabled = new Set(user.UserMFASettingList ?? []);
  let preferred = user.PreferredMfaSetting;
  for (const [field, factor] of FACTORS) {
    const setting = request[field] as Setting;
    if (setting === undefined) continue;
    if (setting.Enabled === true) enabled.add(factor);
    if (setting.Enabled === false) enabled.delete(factor);
    if (setting.PreferredMfa === true) preferred = factor;
    if (preferred === factor && !enabled.has(factor)) preferred = undefined;
  }
  await ctx.store.updateUser(pool.Id, user.Username, {
    UserMFASettingList: [...enabled],
    PreferredMfaSetting: preferred ?? '',
    // MFAOptions is the older record of SMS MFA alone: it goes with SMS MFA, so AdminGetUser agrees.
    ...(enabled.has('SMS_MFA') ? {} : { MFAOptions: [] }),
    UserLastModifiedDate: new Date(ctx.clock.now()),
  });
  return {};
}
