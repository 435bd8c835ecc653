import { z } from 'zod';

// What the user's sessions and threat protection's auth events look like across the boundary
// (AdminListUserSessions' SessionDescriptionType, AdminListUserAuthEvents' AuthEventType). No tokens:
// a session is named by its id, never by anything that would let someone use it.

/** "a 28-character string of lowercase letters and digits, prefixed with tkn … or sso" (SessionDescriptionType). */
export const SessionId = z.string().regex(/^(?:tkn|sso)[a-z0-9]{25}$/);

export const UserSession = z.object({
  sessionId: z.string(),
  /** TOKEN: tokens an app holds; SSO: a managed-login session. */
  sessionType: z.string().optional(),
  clientId: z.string().optional(),
  createdAt: z.string().optional(),
  /** The most recent token refresh (token sessions) or authentication (SSO sessions). */
  lastActiveAt: z.string().optional(),
  /** From the user agent of the last activity; may be "unknown". */
  device: z.string().optional(),
  ipAddress: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  /** A token session's SSO session, when it came through one. */
  originSessionId: z.string().optional(),
});
export type UserSession = z.infer<typeof UserSession>;

export const FeedbackValue = z.enum(['Valid', 'Invalid']);
export type FeedbackValue = z.infer<typeof FeedbackValue>;

/** AWS's names (EventType, EventResponseType, RiskLevelType, RiskDecisionType); a value AWS adds later still passes. */
export const AuthEvent = z.object({
  eventId: z.string(),
  /** SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode. */
  eventType: z.string().optional(),
  createdAt: z.string().optional(),
  /** Pass, Fail, InProgress. */
  response: z.string().optional(),
  /** Low, Medium, High. */
  riskLevel: z.string().optional(),
  /** NoRisk, AccountTakeover, Block. */
  riskDecision: z.string().optional(),
  compromisedCredentials: z.boolean().optional(),
  /** The challenges asked and how they were answered, e.g. Password: Failure. */
  challenges: z.array(z.object({ name: z.string(), result: z.string() })),
  ipAddress: z.string().optional(),
  device: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  /** Valid or Invalid, once someone said (an operator here, an admin in the console, the user by email). */
  feedback: z.object({ value: z.string(), provider: z.string().optional(), at: z.string().optional() }).optional(),
});
export type AuthEvent = z.infer<typeof AuthEvent>;

/** The user's recent auth events, or the fact that the pool has no threat protection (not an error). */
export const AuthEventsView = z.discriminatedUnion('threatProtection', [
  z.object({ threatProtection: z.literal(true), events: z.array(AuthEvent), nextToken: z.string().optional() }),
  z.object({ threatProtection: z.literal(false) }),
]);
export type AuthEventsView = z.infer<typeof AuthEventsView>;
