import { CognitoFault, type CognitoRequest } from '../interceptor';
import { findAdminTarget } from './admin-target';
import type { FidelityContext } from './context';
import { signInTarget } from './sign-in';
import { changeActivity, hashRefreshToken, newSessionId, originOf, recordAuthEvent, revokeSessions, type StoredSession } from './user-activity';

// Sessions (AWS API Reference: AdminListUserSessions, AdminRevokeUserSession, AdminUserGlobalSignOut,
// SessionDescriptionType), which cognito-local lacks. A password sign-in that hands out tokens opens a
// token session; its refresh token works until the session is revoked or the user is signed out
// everywhere, then REFRESH_TOKEN_AUTH answers NotAuthorizedException. Tokens issued outside a password
// sign-in (a challenge answered) have no session here and are left to cognito-local.

/** "prefixed with tkn for a token session or sso for an SSO session", 28 characters (SessionDescriptionType). */
const SESSION_ID = /^(?:tkn|sso)[a-z0-9]{25}$/u;

type Run = (request: CognitoRequest) => Promise<unknown>;

/** InitiateAuth and AdminInitiateAuth: sessions for password sign-ins, revocation for refreshes, and auth events in a pool with threat protection. */
export async function withSessions(ctx: FidelityContext, request: CognitoRequest, admin: boolean, run: Run): Promise<unknown> {
  if (request.AuthFlow === 'REFRESH_TOKEN_AUTH' || request.AuthFlow === 'REFRESH_TOKEN') return refresh(ctx, request, admin, run);
  const target = await signInTarget(ctx, request, admin);
  if (!target) return run(request);
  const { pool, user } = target;
  const origin = originOf(request);
  let result: unknown;
  try {
    result = await run(request);
  } catch (error) {
    // A wrong password is an event threat protection records (a failed password challenge).
    const code = (error as { code?: unknown }).code;
    if (code === 'NotAuthorizedException' || code === 'InvalidPasswordException') {
      await recordAuthEvent(ctx, pool, user, { type: 'SignIn', response: 'Fail', challenges: [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }], origin });
    }
    throw error;
  }
  const refreshToken = (result as { AuthenticationResult?: { RefreshToken?: unknown } } | undefined)?.AuthenticationResult?.RefreshToken;
  if (typeof refreshToken !== 'string' || typeof request.ClientId !== 'string') return result;
  const now = new Date(ctx.clock.now());
  const clientId = request.ClientId;
  await changeActivity(ctx, pool.Id, user.Username, (activity) => {
    activity.Sessions.push({
      SessionId: newSessionId('TOKEN'),
      SessionType: 'TOKEN',
      ClientId: clientId,
      CreateDate: now,
      LastActiveDate: now,
      DeviceType: origin.device,
      ...(origin.ipAddress ? { LastIPAddress: origin.ipAddress } : {}),
      RefreshTokenHash: hashRefreshToken(refreshToken),
    });
  });
  await recordAuthEvent(ctx, pool, user, { type: 'SignIn', response: 'Pass', challenges: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }], origin });
  return result;
}

async function refresh(ctx: FidelityContext, request: CognitoRequest, admin: boolean, run: Run): Promise<unknown> {
  const token = (request.AuthParameters as Record<string, unknown> | undefined)?.REFRESH_TOKEN;
  const poolId = admin ? request.UserPoolId : typeof request.ClientId === 'string' ? (await ctx.store.findClient(request.ClientId))?.UserPoolId : undefined;
  if (typeof token !== 'string' || typeof poolId !== 'string') return run(request);
  const hash = hashRefreshToken(token);
  const owner = await ctx.store.findUserWhere(poolId, (user) => user.Sessions?.some((session) => session.RefreshTokenHash === hash) === true);
  if (!owner) {
    // AdminUserGlobalSignOut: "no longer accepts a signed-out user's refresh tokens in refresh requests".
    if (await ctx.store.findUserWhere(poolId, (user) => user.RevokedRefreshTokens?.includes(hash) === true)) throw new CognitoFault('NotAuthorizedException', 'Refresh Token has been revoked');
    return run(request);
  }
  const result = await run(request);
  // LastActiveDate: "the most recent token refresh"; the device and IP are overwritten on each refresh.
  const origin = originOf(request);
  await changeActivity(ctx, poolId, owner.Username, (activity) => {
    activity.Sessions = activity.Sessions.map((session) =>
      session.RefreshTokenHash === hash
        ? { ...session, LastActiveDate: new Date(ctx.clock.now()), DeviceType: origin.device, ...(origin.ipAddress ? { LastIPAddress: origin.ipAddress } : {}) }
        : session,
    );
  });
  return result;
}

/** AdminListUserSessions: every active session in one page, most recently active first. */
export async function adminListUserSessions(ctx: FidelityContext, request: CognitoRequest) {
  const { user } = await findAdminTarget(ctx, request);
  const sessions = [...(user.Sessions ?? [])].sort((a, b) => b.LastActiveDate.getTime() - a.LastActiveDate.getTime());
  return { Sessions: sessions.map(describeSession) };
}

/** What the API shows of a session: never how its token is recognised. IsCurrentSession is "always false for AdminListUserSessions". */
function describeSession({ RefreshTokenHash: _hidden, ...session }: StoredSession) {
  return { ...session, IsCurrentSession: false };
}

/** AdminRevokeUserSession: the session and, with LINKED, the sessions linked to it. */
export async function adminRevokeUserSession(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { pool, user } = await findAdminTarget(ctx, request);
  const sessionId = request.SessionId;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    throw new CognitoFault('InvalidParameterException', "1 validation error detected: Value at 'sessionId' failed to satisfy constraint: Member must be a session id (tkn… or sso…, 28 characters)");
  }
  const cascade = request.RevokeAssociatedSessions ?? 'NONE';
  if (cascade !== 'NONE' && cascade !== 'LINKED') {
    throw new CognitoFault('InvalidParameterException', "1 validation error detected: Value at 'revokeAssociatedSessions' failed to satisfy constraint: Member must satisfy enum value set: [NONE, LINKED]");
  }
  const revoked = await changeActivity(ctx, pool.Id, user.Username, (activity) => {
    // "The username must match the user associated with the SessionId".
    const target = activity.Sessions.find((session) => session.SessionId === sessionId);
    if (!target) return false;
    const linked = (session: StoredSession) =>
      session.SessionId === target.SessionId ||
      (cascade === 'LINKED' && (session.SessionId === target.OriginSessionId || (target.SessionType === 'SSO' && session.OriginSessionId === target.SessionId)));
    revokeSessions(activity, linked);
    return true;
  });
  // The exception is the emulator's choice for an unknown session (AWS names no wording).
  if (!revoked) throw new CognitoFault('ResourceNotFoundException', 'Session does not exist.');
  return {};
}

/** AdminUserGlobalSignOut: every session of the user is revoked. */
export async function adminUserGlobalSignOut(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { pool, user } = await findAdminTarget(ctx, request);
  await changeActivity(ctx, pool.Id, user.Username, (activity) => revokeSessions(activity, () => true));
  return {};
}
