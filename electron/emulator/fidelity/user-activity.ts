import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FidelityContext } from './context';
import type { StoredPool, StoredUser } from './store';

// What a user's sign-ins leave behind: sessions (AdminListUserSessions) and, in a pool with threat
// protection, auth events (AdminListUserAuthEvents). Both are kept on the user's record in
// cognito-local's data, so they outlive a restart of the emulator as they outlive one of Cognito.
// Every *Date member holds a Date (the data store writes those keys as dates).

/** A session as AdminListUserSessions describes it (SessionDescriptionType), plus how its refresh token is recognised. */
export interface StoredSession {
  SessionId: string;
  SessionType: 'TOKEN' | 'SSO';
  ClientId: string;
  CreateDate: Date;
  LastActiveDate: Date;
  DeviceType: string;
  LastIPAddress?: string;
  LastLocation?: { City?: string; Country?: string };
  OriginSessionId?: string;
  /** SHA-256 of the refresh token the session's sign-in issued; absent for seeded sessions, which have none. */
  RefreshTokenHash?: string;
}

/** An auth event as AdminListUserAuthEvents describes it (AuthEventType). */
export interface StoredAuthEvent {
  EventId: string;
  EventType: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
  CreationDate: Date;
  EventResponse: 'Pass' | 'Fail' | 'InProgress';
  EventRisk: { RiskDecision: 'NoRisk' | 'AccountTakeover' | 'Block'; RiskLevel?: 'Low' | 'Medium' | 'High'; CompromisedCredentialsDetected: boolean };
  ChallengeResponses: { ChallengeName: 'Password' | 'Mfa'; ChallengeResponse: 'Success' | 'Failure' }[];
  EventContextData?: { IpAddress?: string; DeviceName?: string; Timezone?: string; City?: string; Country?: string };
  EventFeedback?: { FeedbackValue: 'Valid' | 'Invalid'; Provider: string; FeedbackDate: Date };
}

/** The activity fields of a user record. */
export interface UserActivity {
  Sessions?: StoredSession[];
  AuthEvents?: StoredAuthEvent[];
  /** Hashes of refresh tokens revoked (one session, or every one by a global sign-out). */
  RevokedRefreshTokens?: string[];
}

/** Where a request came from, as far as its body says (the emulator sees no user agent of the app's user). */
export interface RequestOrigin {
  ipAddress?: string;
  device: string;
}

/** AWS keeps the newest events; the emulator keeps this many per user. */
const MAX_EVENTS_PER_USER = 100;
/** AWS returns up to 125 sessions in one page. */
export const MAX_SESSIONS_PER_USER = 125;
/** Revoked token hashes kept per user, newest last. */
const MAX_REVOKED_TOKENS = 500;

export const hashRefreshToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** "a 28-character string of lowercase letters and digits, prefixed with tkn … or sso" (SessionDescriptionType). */
export function newSessionId(type: 'TOKEN' | 'SSO'): string {
  const bytes = randomBytes(25);
  return (type === 'TOKEN' ? 'tkn' : 'sso') + Array.from(bytes, (byte) => LOWER_ALPHANUMERIC[byte % LOWER_ALPHANUMERIC.length]).join('');
}

export function threatProtectionOn(pool: StoredPool): boolean {
  const mode = pool.UserPoolAddOns?.AdvancedSecurityMode;
  return mode === 'AUDIT' || mode === 'ENFORCED';
}

/** The IP address and device a sign-in's context data name (UserContextData, or AdminInitiateAuth's ContextData). */
export function originOf(request: Readonly<Record<string, unknown>>): RequestOrigin {
  const context = (request.ContextData ?? request.UserContextData) as { IpAddress?: unknown; HttpHeaders?: unknown } | undefined;
  const ipAddress = typeof context?.IpAddress === 'string' && context.IpAddress !== '' ? context.IpAddress : undefined;
  const headers = Array.isArray(context?.HttpHeaders) ? (context.HttpHeaders as { headerName?: unknown; headerValue?: unknown }[]) : [];
  const agent = headers.find((header) => typeof header.headerName === 'string' && header.headerName.toLowerCase() === 'user-agent')?.headerValue;
  // "The value can be unknown" (SessionDescriptionType.DeviceType).
  return { ...(ipAddress ? { ipAddress } : {}), device: typeof agent === 'string' && agent !== '' ? agent.slice(0, 1024) : 'unknown' };
}

// One change at a time per user: two sign-ins at once must not lose one's session.
const queues = new Map<string, Promise<unknown>>();

/** Reads the user's activity, lets `change` edit a copy, and writes it back, one change per user at a time. */
export function changeActivity<T>(ctx: FidelityContext, poolId: string, username: string, change: (activity: Required<UserActivity>, user: StoredUser) => T): Promise<T> {
  const key = `${poolId}/${username}`;
  const run = async () => {
    const user = await ctx.store.getUser(poolId, username);
    if (!user) throw new Error(`no user ${key}`);
    const activity: Required<UserActivity> = {
      Sessions: [...(user.Sessions ?? [])],
      AuthEvents: [...(user.AuthEvents ?? [])],
      RevokedRefreshTokens: [...(user.RevokedRefreshTokens ?? [])],
    };
    const result = change(activity, user);
    await ctx.store.updateUser(poolId, username, {
      Sessions: activity.Sessions.slice(-MAX_SESSIONS_PER_USER),
      AuthEvents: activity.AuthEvents.slice(-MAX_EVENTS_PER_USER),
      RevokedRefreshTokens: activity.RevokedRefreshTokens.slice(-MAX_REVOKED_TOKENS),
      UserLastModifiedDate: user.UserLastModifiedDate,
    });
    return result;
  };
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** Revokes sessions: their refresh tokens stop working and their records go (AdminRevokeUserSession deletes the record). */
export function revokeSessions(activity: Required<UserActivity>, revoked: (session: StoredSession) => boolean): StoredSession[] {
  const gone = activity.Sessions.filter(revoked);
  activity.Sessions = activity.Sessions.filter((session) => !revoked(session));
  for (const session of gone) if (session.RefreshTokenHash) activity.RevokedRefreshTokens.push(session.RefreshTokenHash);
  return gone;
}

/** Records an auth event, in a pool with threat protection only. The emulator assesses no risk: every live event is low risk, no action. */
export async function recordAuthEvent(
  ctx: FidelityContext,
  pool: StoredPool,
  user: StoredUser,
  event: { type: StoredAuthEvent['EventType']; response: StoredAuthEvent['EventResponse']; challenges: StoredAuthEvent['ChallengeResponses']; origin: RequestOrigin },
): Promise<void> {
  if (!threatProtectionOn(pool)) return;
  await changeActivity(ctx, pool.Id, user.Username, (activity) => {
    activity.AuthEvents.push({
      EventId: randomUUID(),
      EventType: event.type,
      CreationDate: new Date(ctx.clock.now()),
      EventResponse: event.response,
      EventRisk: { RiskDecision: 'NoRisk', RiskLevel: 'Low', CompromisedCredentialsDetected: false },
      ChallengeResponses: event.challenges,
      EventContextData: { ...(event.origin.ipAddress ? { IpAddress: event.origin.ipAddress } : {}), DeviceName: event.origin.device },
    });
  });
}
