import type { StoredAuthEvent, StoredSession, UserActivity } from './fidelity/user-activity';
import { DEMO_STAFF_PUBLIC_CLIENT_ID, DEMO_STAFF_SECRET_CLIENT_ID, DEMO_STAFF_USERS, type SeedUser } from './seed';

// Sessions and auth events the demo starts with, so the user panel has something to show before anyone
// signs in. Fixed ids and dates, like the rest of the seed. The Staff pool has threat protection
// (ENFORCED), so its users' events are kept; the other pools have none.

/** alice.verified's sessions: her laptop, and a phone in another country (the one a caller may not recognise). */
export const DEMO_SESSIONS = {
  laptop: 'tkn4lic3l4pt0pchr0m3s34ttl31',
  phone: 'tkn4lic3ph0n3unkn0wnl4g0s001',
} as const;

/** alice.verified's auth events: an ordinary sign-in, a blocked high-risk one, a ForgotPassword. */
export const DEMO_AUTH_EVENTS = {
  signIn: 'a11ce000-0000-4000-8000-00000000e001',
  risky: 'a11ce000-0000-4000-8000-00000000e002',
  forgotPassword: 'a11ce000-0000-4000-8000-00000000e003',
} as const;

const at = (iso: string) => new Date(iso);

// Built when asked, not at load: seed.ts imports this file, and its constants are not set yet then.
const demoActivity = (): Readonly<Record<string, UserActivity>> => ({
  [DEMO_STAFF_USERS.verified]: {
    Sessions: [
      session(DEMO_SESSIONS.laptop, DEMO_STAFF_PUBLIC_CLIENT_ID, '2026-11-20T08:05:00.000Z', '2026-11-25T16:40:00.000Z', 'Chrome 131 / macOS 15.1', '192.0.2.42', 'Seattle', 'United States'),
      session(DEMO_SESSIONS.phone, DEMO_STAFF_SECRET_CLIENT_ID, '2026-11-25T02:12:00.000Z', '2026-11-25T03:30:00.000Z', 'Safari 18 / iOS 18.1', '198.51.100.7', 'Lagos', 'Nigeria'),
    ],
    AuthEvents: [
      event(DEMO_AUTH_EVENTS.signIn, 'SignIn', '2026-11-20T08:05:00.000Z', 'Pass', 'NoRisk', 'Low', 'Success', '192.0.2.42', 'Chrome 131 / macOS 15.1', 'Seattle', 'United States'),
      event(DEMO_AUTH_EVENTS.risky, 'SignIn', '2026-11-25T02:11:00.000Z', 'Fail', 'Block', 'High', 'Failure', '198.51.100.7', 'Safari 18 / iOS 18.1', 'Lagos', 'Nigeria'),
      event(DEMO_AUTH_EVENTS.forgotPassword, 'ForgotPassword', '2026-11-25T02:14:00.000Z', 'Pass', 'AccountTakeover', 'Medium', undefined, '198.51.100.7', 'Safari 18 / iOS 18.1', 'Lagos', 'Nigeria'),
    ],
  },
  [DEMO_STAFF_USERS.both]: {
    Sessions: [session('tknfr4nkb0thw0rkst4t10n00001', DEMO_STAFF_PUBLIC_CLIENT_ID, '2026-11-24T07:58:00.000Z', '2026-11-25T12:03:00.000Z', 'Edge 131 / Windows 11', '203.0.113.20', 'Frankfurt am Main', 'Germany')],
  },
});

/** The users with their seeded activity added. */
export function withDemoActivity(users: SeedUser[]): (SeedUser & UserActivity)[] {
  const activity = demoActivity();
  return users.map((user) => ({ ...user, ...activity[user.Username] }));
}

function session(id: string, clientId: string, created: string, lastActive: string, device: string, ip: string, city: string, country: string): StoredSession {
  return {
    SessionId: id,
    SessionType: 'TOKEN',
    ClientId: clientId,
    CreateDate: at(created),
    LastActiveDate: at(lastActive),
    DeviceType: device,
    LastIPAddress: ip,
    LastLocation: { City: city, Country: country },
  };
}

function event(
  id: string,
  type: StoredAuthEvent['EventType'],
  created: string,
  response: StoredAuthEvent['EventResponse'],
  decision: StoredAuthEvent['EventRisk']['RiskDecision'],
  level: NonNullable<StoredAuthEvent['EventRisk']['RiskLevel']>,
  password: 'Success' | 'Failure' | undefined,
  ip: string,
  device: string,
  city: string,
  country: string,
): StoredAuthEvent {
  return {
    EventId: id,
    EventType: type,
    CreationDate: at(created),
    EventResponse: response,
    EventRisk: { RiskDecision: decision, RiskLevel: level, CompromisedCredentialsDetected: false },
    ChallengeResponses: password ? [{ ChallengeName: 'Password', ChallengeResponse: password }] : [],
    EventContextData: { IpAddress: ip, DeviceName: device, City: city, Country: country },
  };
}
