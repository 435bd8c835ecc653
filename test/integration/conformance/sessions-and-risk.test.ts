import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminInitiateAuthCommand,
  AdminListUserAuthEventsCommand,
  AdminListUserSessionsCommand,
  AdminRevokeUserSessionCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AdminUserGlobalSignOutCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  type AuthEventType,
  type SessionDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoError, Fixtures, GOOD_PASSWORD, isRemote, openTarget } from './target';

// Sessions, signing out everywhere and threat protection's event history, as AWS documents them.
// Each rule names its source:
//   [SESSIONS] AWS API Reference, AdminListUserSessions and SessionDescriptionType (active sessions only,
//              one page of up to 125, SessionId tkn…/sso…, IsCurrentSession always false, eventually consistent)
//   [REVOKE]   AWS API Reference, AdminRevokeUserSession ("revokes all refresh and access tokens that are
//              associated with the session and deletes the session record")
//   [GLOBAL]   AWS API Reference, AdminUserGlobalSignOut ("no longer accepts a signed-out user's refresh
//              tokens in refresh requests"; other requests "might be valid until your user's token expires")
//   [EVENTS]   AWS API Reference, AdminListUserAuthEvents (MaxResults 0–60, 0 or absent means 60, NextToken;
//              errors include UserPoolAddOnNotEnabledException) and UserPoolAddOnsType (AUDIT | ENFORCED)
//   [FEEDBACK] AWS API Reference, AdminUpdateAuthEventFeedback and EventFeedbackType (Valid | Invalid;
//              Provider, FeedbackDate shown in the event afterwards)
// Sessions and events are eventually consistent on AWS, so against a remote target the reads poll.

let f: Fixtures;
let plain: string; // no threat protection
let guarded: string; // threat protection, audit only
let plainClient: string;
let guardedClient: string;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  plain = await f.pool('sessions');
  guarded = await f.pool('sessions-risk', { threatProtection: 'AUDIT' });
  plainClient = (await f.appClient(plain)).clientId;
  guardedClient = (await f.appClient(guarded)).clientId;
});

afterAll(async () => {
  await f?.close();
});

const signIn = async (ClientId: string, USERNAME: string, PASSWORD = GOOD_PASSWORD) => {
  const { AuthenticationResult } = await f.client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD } }));
  const refreshToken = AuthenticationResult?.RefreshToken;
  if (!refreshToken) throw new Error('no refresh token');
  return refreshToken;
};
const refresh = (ClientId: string, REFRESH_TOKEN: string) => f.client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN } }));
const sessionsOf = async (UserPoolId: string, Username: string): Promise<SessionDescriptionType[]> =>
  (await f.client.send(new AdminListUserSessionsCommand({ UserPoolId, Username }))).Sessions ?? [];
const eventsOf = async (UserPoolId: string, Username: string): Promise<AuthEventType[]> =>
  (await f.client.send(new AdminListUserAuthEventsCommand({ UserPoolId, Username }))).AuthEvents ?? [];

/** Reads until `done` holds: at once on the emulator, for up to 30 s where AWS is eventually consistent. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + (isRemote ? 30_000 : 0);
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

describe('sessions', () => {
  it('[SESSIONS] a password sign-in opens a token session of the app client, listed as not current', async () => {
    const user = await f.user(plain, 'session-list');
    await signIn(plainClient, user.username);
    const sessions = await eventually(() => sessionsOf(plain, user.username), (list) => list.length === 1);
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session?.SessionId).toMatch(/^tkn[a-z0-9]{25}$/);
    expect(session?.SessionType).toBe('TOKEN');
    expect(session?.ClientId).toBe(plainClient);
    expect(session?.IsCurrentSession).toBe(false);
    expect(session?.CreateDate).toBeInstanceOf(Date);
    expect(session?.LastActiveDate).toBeInstanceOf(Date);
  });

  it('[SESSIONS] an unknown user gives UserNotFoundException', async () => {
    expect((await cognitoError(() => sessionsOf(plain, 'nobody-at-all'))).name).toBe('UserNotFoundException');
  });

  it('[REVOKE] revoking one session stops its refresh token and removes it; the other session keeps working', async () => {
    const user = await f.user(plain, 'session-revoke');
    const first = await signIn(plainClient, user.username);
    const second = await signIn(plainClient, user.username);
    const before = await eventually(() => sessionsOf(plain, user.username), (list) => list.length === 2);
    expect(before).toHaveLength(2);
    // Which session holds which token is not shown: find the first by elimination, refreshing each after revoking.
    const target = before[0]?.SessionId ?? '';
    await f.client.send(new AdminRevokeUserSessionCommand({ UserPoolId: plain, Username: user.username, SessionId: target }));
    const after = await eventually(() => sessionsOf(plain, user.username), (list) => list.length === 1);
    expect(after.map((s) => s.SessionId)).not.toContain(target);
    const outcomes = await Promise.all([first, second].map((token) => refresh(plainClient, token).then(() => 'works', (error: { name: string }) => error.name)));
    expect(outcomes.sort()).toEqual(['NotAuthorizedException', 'works']);
  });

  it('[GLOBAL] signing out everywhere stops every refresh token with NotAuthorizedException and ends every session; a new sign-in works', async () => {
    const user = await f.user(plain, 'session-global');
    const tokens = [await signIn(plainClient, user.username), await signIn(plainClient, user.username)];
    expect((await refresh(plainClient, tokens[0] ?? '')).AuthenticationResult?.AccessToken).toBeTruthy();
    await f.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: plain, Username: user.username }));
    for (const token of tokens) expect((await cognitoError(() => refresh(plainClient, token))).name).toBe('NotAuthorizedException');
    expect(await eventually(() => sessionsOf(plain, user.username), (list) => list.length === 0)).toEqual([]);
    const fresh = await signIn(plainClient, user.username);
    expect((await refresh(plainClient, fresh)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('[GLOBAL] AdminInitiateAuth refreshes are refused too', async () => {
    const user = await f.user(plain, 'session-global-admin');
    const { AuthenticationResult } = await f.client.send(
      new AdminInitiateAuthCommand({ UserPoolId: plain, ClientId: plainClient, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.username, PASSWORD: GOOD_PASSWORD } }),
    );
    const token = AuthenticationResult?.RefreshToken ?? '';
    await f.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: plain, Username: user.username }));
    const adminRefresh = () =>
      f.client.send(new AdminInitiateAuthCommand({ UserPoolId: plain, ClientId: plainClient, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }));
    expect((await cognitoError(adminRefresh)).name).toBe('NotAuthorizedException');
  });
});

describe('threat protection', () => {
  it('[EVENTS] a pool without threat protection answers UserPoolAddOnNotEnabledException, for the list and for feedback', async () => {
    const user = await f.user(plain, 'events-off');
    expect((await cognitoError(() => eventsOf(plain, user.username))).name).toBe('UserPoolAddOnNotEnabledException');
    const feedback = () =>
      f.client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: plain, Username: user.username, EventId: 'a11ce000-0000-4000-8000-000000000000', FeedbackValue: 'Invalid' }));
    expect((await cognitoError(feedback)).name).toBe('UserPoolAddOnNotEnabledException');
  });

  it('[EVENTS] sign-ins (passed and failed) and ForgotPassword are recorded, newest first', async () => {
    const user = await f.user(guarded, 'events-on');
    await signIn(guardedClient, user.username);
    await cognitoError(() => signIn(guardedClient, user.username, 'Wrong-Password-99'));
    await f.client.send(new ForgotPasswordCommand({ ClientId: guardedClient, Username: user.username }));
    const events = await eventually(() => eventsOf(guarded, user.username), (list) => list.length >= 3);
    expect(events.map((event) => event.EventType)).toEqual(['ForgotPassword', 'SignIn', 'SignIn']);
    const [, failed, passed] = events;
    expect(passed?.EventResponse).toBe('Pass');
    expect(passed?.ChallengeResponses).toContainEqual({ ChallengeName: 'Password', ChallengeResponse: 'Success' });
    expect(failed?.EventResponse).toBe('Fail');
    expect(failed?.ChallengeResponses).toContainEqual({ ChallengeName: 'Password', ChallengeResponse: 'Failure' });
    expect(passed?.EventRisk?.RiskDecision).toBeDefined();
    expect(passed?.CreationDate).toBeInstanceOf(Date);
  });

  it('[EVENTS] MaxResults pages with NextToken; over 60 is refused', async () => {
    const user = await f.user(guarded, 'events-paging');
    await signIn(guardedClient, user.username);
    await signIn(guardedClient, user.username);
    await eventually(() => eventsOf(guarded, user.username), (list) => list.length >= 2);
    const first = await f.client.send(new AdminListUserAuthEventsCommand({ UserPoolId: guarded, Username: user.username, MaxResults: 1 }));
    expect(first.AuthEvents).toHaveLength(1);
    expect(first.NextToken).toBeTruthy();
    const second = await f.client.send(new AdminListUserAuthEventsCommand({ UserPoolId: guarded, Username: user.username, MaxResults: 1, NextToken: first.NextToken }));
    expect(second.AuthEvents?.[0]?.EventId).not.toBe(first.AuthEvents?.[0]?.EventId);
    const tooMany = () => f.client.send(new AdminListUserAuthEventsCommand({ UserPoolId: guarded, Username: user.username, MaxResults: 61 }));
    expect((await cognitoError(tooMany)).name).toBe('InvalidParameterException');
  });

  it('[FEEDBACK] Invalid feedback on an event shows in its EventFeedback afterwards', async () => {
    const user = await f.user(guarded, 'events-feedback');
    await signIn(guardedClient, user.username);
    const [event] = await eventually(() => eventsOf(guarded, user.username), (list) => list.length >= 1);
    const eventId = event?.EventId ?? '';
    await f.client.send(new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: guarded, Username: user.username, EventId: eventId, FeedbackValue: 'Invalid' }));
    const updated = await eventually(
      () => eventsOf(guarded, user.username),
      (list) => list.some((candidate) => candidate.EventFeedback?.FeedbackValue === 'Invalid'),
    );
    const feedback = updated.find((candidate) => candidate.EventId === eventId)?.EventFeedback;
    expect(feedback?.FeedbackValue).toBe('Invalid');
    expect(feedback?.Provider).toBeTruthy();
  });
});
