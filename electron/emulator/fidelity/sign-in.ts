import { randomUUID } from 'node:crypto';
import type { CognitoRequest, NextRoute } from '../interceptor';
import { incorrectCredentials, passwordResetRequired, temporaryPasswordExpired } from './cognito-errors';
import type { FidelityContext } from './context';
import { userKey } from './recovery-codes';
import { sameText } from './same-text';
import type { StoredPool, StoredUser } from './store';
import { findUser } from './user-lookup';

// Password sign-in (InitiateAuth USER_PASSWORD_AUTH, AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH) for
// the two states the admin alternatives leave a user in; every other case is cognito-local's.
// cognito-local answers RESET_REQUIRED only on InitiateAuth and in other words, gives the
// NEW_PASSWORD_REQUIRED challenge whatever password was typed, and on AdminInitiateAuth hands out
// tokens to a FORCE_CHANGE_PASSWORD user.

export async function signIn(ctx: FidelityContext, request: CognitoRequest, next: NextRoute, admin: boolean): Promise<unknown> {
  const found = await signInTarget(ctx, request, admin);
  if (!found) return next(request);
  const { user, key, password } = found;

  // A user created without a password (passwordless pools) signs in with a code or a passkey; no
  // typed password matches, a blank one included.
  if (user.Password === '') throw incorrectCredentials();

  // The password is deactivated (API Reference, AdminResetUserPassword), so this is the answer
  // whatever password was typed, until a code (ConfirmForgotPassword) or an administrator sets one.
  if (user.UserStatus === 'RESET_REQUIRED') throw passwordResetRequired();

  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    if (!sameText(password, user.Password)) throw incorrectCredentials();
    // AdminSetUserPassword and AdminCreateUser: past the validity, only an administrator can help.
    if (ctx.temporaryPasswords.isExpired(key)) throw temporaryPasswordExpired();
    if (admin) return newPasswordRequired(user);
  }
  return next(request);
}

interface SignInTarget {
  pool: StoredPool;
  user: StoredUser;
  key: string;
  password: string;
}

/** The user a password sign-in names, or undefined to leave the request to cognito-local. */
export async function signInTarget(ctx: FidelityContext, request: CognitoRequest, admin: boolean): Promise<SignInTarget | undefined> {
  if (request.AuthFlow !== (admin ? 'ADMIN_USER_PASSWORD_AUTH' : 'USER_PASSWORD_AUTH')) return undefined;
  const parameters = request.AuthParameters as Record<string, unknown> | undefined;
  const username = parameters?.USERNAME;
  const password = parameters?.PASSWORD;
  if (typeof username !== 'string' || typeof password !== 'string' || typeof request.ClientId !== 'string') return undefined;

  const poolId = admin ? request.UserPoolId : (await ctx.store.findClient(request.ClientId))?.UserPoolId;
  const pool = typeof poolId === 'string' ? await ctx.store.describePool(poolId) : undefined;
  const user = pool ? await findUser(ctx.store, pool, username) : undefined;
  if (!pool || !user) return undefined;
  return { pool, user, key: userKey(pool.Id, user.Username), password };
}

/** The challenge as cognito-local shapes it for InitiateAuth, so both sign-ins answer alike. */
function newPasswordRequired(user: StoredUser) {
  const attributes = Object.fromEntries(user.Attributes.map((attribute) => [attribute.Name, attribute.Value]));
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ChallengeParameters: { USER_ID_FOR_SRP: user.Username, requiredAttributes: JSON.stringify([]), userAttributes: JSON.stringify(attributes) },
    Session: randomUUID(),
  };
}
