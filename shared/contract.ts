import { z } from 'zod';
import {
  AnalyticsMetadata,
  ClientId,
  ClientMetadata,
  ConfirmationCode,
  DeliveryMedium,
  PageToken,
  Password,
  RecoveryMechanismName,
  UserContextData,
  UserPoolId,
  Username,
  UserStatus,
} from './cognito-model';
import { AuditChainReport, AuditOutcome, AuditRecord } from './audit-record';
import { AuthFactor, MfaResetResult, UserAuthFactors } from './auth-factors';
import { messageRef } from './message-ref';
import { atMost, plainText } from './validation';
import { ApiError, CognitoErrorCode, PolicyProblem, type Result } from './errors';
import { POLICY_ACTIONS } from './policy-actions';
import { FileProblem } from './file-problem';
import { AssumeRole, ConnectionId, ConnectionName, CountryCode, EndpointUrl, ProfileName, Region } from './connection-fields';
import { AuthEventsView, FeedbackValue, SessionId, UserSession } from './sessions-model';

export { AssumeRole, ConnectionId, ConnectionName, CountryCode, EndpointUrl, ProfileName, Region };

// The single source of truth for every operation between the renderer and the privileged side.
// Both shells (IPC and HTTP) serve exactly these channels through one dispatcher.

const OnConnection = z.strictObject({ connectionId: ConnectionId });
const OnPool = z.strictObject({ connectionId: ConnectionId, userPoolId: UserPoolId });

/** The built-in offline demo connection's id, the same on every machine. */
export const DEMO_CONNECTION_ID = 'demo';

/** Where a connection's credentials come from. */
export const ConnectionKind = z.enum(['demo', 'profile', 'default-chain', 'access-keys']);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

/**
 * Credentials as the operator enters them. Typed-in secrets travel renderer → privileged side
 * only, on save; no response ever carries them back. On edit, omitted secrets keep the stored ones.
 */
export const CredentialSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('profile'),
    profile: ProfileName,
  }),
  z.strictObject({ kind: z.literal('default-chain') }),
  z.strictObject({
    kind: z.literal('access-keys'),
    accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, messageRef('validation.accessKeyId.format')).optional(),
    secretAccessKey: z
      .string()
      .min(16, messageRef('validation.secretAccessKey.tooShort'))
      .max(...atMost(128, 'secretAccessKey'))
      .regex(/^\S+$/, messageRef('validation.secretAccessKey.noSpaces'))
      .optional(),
    sessionToken: z
      .string()
      .min(16, messageRef('validation.sessionToken.tooShort'))
      .max(...atMost(8192, 'sessionToken'))
      .regex(/^\S+$/, messageRef('validation.sessionToken.noSpaces'))
      .optional(),
  }),
]);
export type CredentialSource = z.infer<typeof CredentialSource>;

export const Connection = z.object({
  id: ConnectionId,
  name: z.string(),
  kind: ConnectionKind,
  region: z.string(),
  /** Shown so the operator knows where calls go; never carries credentials. */
  endpoint: z.string().optional(),
  /** For profile connections: the profile's name. */
  profile: z.string().optional(),
  /** When a role is assumed on top. */
  assumeRoleArn: z.string().optional(),
  /** A role whose trust policy needs MFA: connections:test asks for the code. */
  needsMfaCode: z.boolean(),
  /** For typed-in keys: encrypted on disk (desktop), or memory only (browser shell). */
  secretStorage: z.enum(['encrypted', 'memory-only']).optional(),
  /** False when typed-in keys were kept in memory and the shell has restarted since. */
  secretsAvailable: z.boolean(),
  /** The demo, the environment's default chain and the organization's preset connections: they cannot be edited. */
  builtIn: z.boolean(),
  /** Preset by the organization's policy: usable and testable, never edited, renamed or deleted. */
  setByOrganization: z.boolean().optional(),
  /** Learnt from the last successful test. */
  accountId: z.string().optional(),
  /** Phone numbers typed without + are read as this country's (ISO 3166 alpha-2); none: only +… numbers are phones. */
  defaultCountry: z.string().optional(),
});
export type Connection = z.infer<typeof Connection>;

export const AwsProfile = z.object({
  name: z.string(),
  region: z.string().optional(),
  kind: z.enum(['static', 'sso', 'assume-role', 'process', 'web-identity', 'other']),
  ssoStartUrl: z.string().optional(),
  roleArn: z.string().optional(),
});
export type AwsProfile = z.infer<typeof AwsProfile>;

export const PoolSummary = z.object({
  id: UserPoolId,
  name: z.string(),
  createdAt: z.string().optional(),
  lastModifiedAt: z.string().optional(),
});
export type PoolSummary = z.infer<typeof PoolSummary>;

export const PasswordPolicy = z.object({
  minimumLength: z.number().int().min(6).max(99),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  requireNumbers: z.boolean(),
  requireSymbols: z.boolean(),
  temporaryPasswordValidityDays: z.number().int().optional(),
  passwordHistorySize: z.number().int().optional(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const RecoveryMechanism = z.object({
  name: RecoveryMechanismName,
  priority: z.number().int().min(1).max(2),
});
export type RecoveryMechanism = z.infer<typeof RecoveryMechanism>;

export const PoolDetails = PoolSummary.extend({
  passwordPolicy: PasswordPolicy,
  /** Sorted by priority. Empty when the pool has no AccountRecoverySetting (legacy rule applies). */
  recoveryMechanisms: z.array(RecoveryMechanism),
  usernameAttributes: z.array(z.string()),
  aliasAttributes: z.array(z.string()),
  autoVerifiedAttributes: z.array(z.string()),
  mfaConfiguration: z.enum(['OFF', 'ON', 'OPTIONAL']),
  estimatedNumberOfUsers: z.number().int().optional(),
  /** The first factors the pool allows with choice-based sign-in (Policies.SignInPolicy); absent: passwords only. */
  signInFactors: z.array(AuthFactor).optional(),
});
export type PoolDetails = z.infer<typeof PoolDetails>;

export const AppClient = z.object({
  clientId: ClientId,
  clientName: z.string(),
  /** Whether the client has a secret, so SECRET_HASH is computed and sent. The secret itself never leaves electron/. */
  hasSecret: z.boolean(),
  preventUserExistenceErrors: z.enum(['ENABLED', 'LEGACY']),
});
export type AppClient = z.infer<typeof AppClient>;

export const SearchAttribute = z.enum(['username', 'email', 'phone_number', 'name', 'sub']);
export type SearchAttribute = z.infer<typeof SearchAttribute>;

/** What the operator typed to find someone: NFC and trimmed first, so " alice " and a decomposed "zoë" match what they show. */
const SearchText = z.string().normalize('NFC').trim().max(200, messageRef('validation.search.tooLong', { max: 200 }));

export const UserSummary = z.object({
  username: z.string(),
  status: UserStatus,
  enabled: z.boolean(),
  email: z.string().optional(),
  emailVerified: z.boolean(),
  phoneNumber: z.string().optional(),
  phoneNumberVerified: z.boolean(),
  name: z.string().optional(),
  sub: z.string().optional(),
  createdAt: z.string().optional(),
  lastModifiedAt: z.string().optional(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** One ListUsers call the one search box made for the typed text. */
export const CallerLookup = z.object({
  attribute: SearchAttribute,
  match: z.enum(['exact', 'prefix']),
  /** The value as Cognito received it: a phone number in E.164, the rest as typed (NFC, trimmed). */
  value: z.string(),
  /** Cognito has more users for this lookup than its first page of 60 holds: refine the search, or page with the per-attribute search. */
  moreAvailable: z.boolean(),
});
export type CallerLookup = z.infer<typeof CallerLookup>;

export const FoundUser = UserSummary.extend({
  /** The attributes whose lookup found this user, in lookup order. */
  matchedBy: z.array(SearchAttribute).min(1),
});
export type FoundUser = z.infer<typeof FoundUser>;

export const UserDetails = UserSummary.extend({
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  preferredMfa: z.string().optional(),
  mfaMethods: z.array(z.string()),
});
export type UserDetails = z.infer<typeof UserDetails>;

export const CodeDeliveryDetails = z.object({
  destination: z.string().optional(),
  deliveryMedium: DeliveryMedium.optional(),
  attributeName: z.string().optional(),
});
export type CodeDeliveryDetails = z.infer<typeof CodeDeliveryDetails>;

export const DemoMessage = z.object({
  id: z.string(),
  deliveryMedium: DeliveryMedium,
  /** Where the emulator "sent" it: an email address or a phone number. */
  destination: z.string(),
  /** The same destination as Cognito's response shows it (e.g. a***@e***). */
  maskedDestination: z.string(),
  /** Why the code was sent, e.g. ForgotPassword. */
  purpose: z.string(),
  username: z.string(),
  userPoolId: z.string(),
  clientId: z.string().optional(),
  /** Demo codes only: the offline emulator's codes protect nothing real. */
  code: z.string(),
  sentAt: z.string(),
  /** When the code stops working (ForgotPassword codes: one hour). */
  expiresAt: z.string().optional(),
});
export type DemoMessage = z.infer<typeof DemoMessage>;

/** Emulator operations a trainer can make fail or slow down. */
export const DemoOperation = z.enum([
  'ForgotPassword',
  'ConfirmForgotPassword',
  'ListUsers',
  'AdminGetUser',
  'DescribeUserPool',
  'DescribeUserPoolClient',
  'ListUserPools',
  'ListUserPoolClients',
  'InitiateAuth',
  'AdminCreateUser',
  'AdminResetUserPassword',
  'AdminSetUserPassword',
  // Sessions and risk
  'AdminListUserSessions',
  'AdminRevokeUserSession',
  'AdminUserGlobalSignOut',
  'AdminListUserAuthEvents',
  'AdminUpdateAuthEventFeedback',
  // How the user signs in, and Reset MFA.
  'AdminGetUserAuthFactors',
  'AdminSetUserMFAPreference',
]);
export type DemoOperation = z.infer<typeof DemoOperation>;

/** The next `remaining` calls of `operation` fail with `error` (a Cognito exception, without the suffix) and/or answer after `delayMs`. */
export const DemoFault = z.object({
  id: z.string(),
  operation: DemoOperation,
  error: CognitoErrorCode.optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  remaining: z.number().int().min(0),
});
export type DemoFault = z.infer<typeof DemoFault>;

export const DemoControls = z.object({
  faults: z.array(DemoFault),
  /** Whether Cognito's request-rate quotas are enforced (TooManyRequestsException past them). */
  throttling: z.boolean(),
});
export type DemoControls = z.infer<typeof DemoControls>;

const OnDemo = z.strictObject({ connectionId: z.literal('demo').default('demo') });

/** Recorded with every recovery action in the audit log; never sent to Cognito. */
const ActionRecord = {
  /** The helpdesk ticket this action belongs to. */
  ticket: plainText('ticket').trim().max(...atMost(100, 'ticket')).optional(),
  /** The caller-verification checks the operator ticked (labels from the settings). */
  callerVerification: z.array(plainText('callerCheck').max(...atMost(200, 'callerCheck'))).max(20).optional(),
};

const RecoveryTarget = OnPool.extend({
  clientId: ClientId,
  /** The username or an alias (email, phone) exactly as Cognito should receive it. */
  username: Username,
  userContextData: UserContextData.optional(),
  analyticsMetadata: AnalyticsMetadata.optional(),
  clientMetadata: ClientMetadata.optional(),
  ...ActionRecord,
});

export const VerdictReasonId = z.enum([
  'no-verified-channel',
  'channel-not-allowed',
  'mfa-disqualifies-email',
  'mfa-disqualifies-phone',
  'disabled',
  'force-change-password',
  'unconfirmed',
  'external-provider',
  'reset-required',
  'unusual-status',
  'admin-only',
  'existence-errors-hidden',
  'secret-hash-automatic',
  // The user has no password: they sign in with params.factors (a code, a passkey).
  'no-password',
]);
export type VerdictReasonId = z.infer<typeof VerdictReasonId>;

export const Alternative = z.enum(['resendInvitation', 'adminResetPassword', 'setTemporaryPassword']);
export type Alternative = z.infer<typeof Alternative>;

/**
 * What ForgotPassword will do for this user through this app client, before anything is sent. Codes
 * only, no sentences: the renderer words the headline from the status, the channel and the first
 * blocker, and each reason from its id and params.
 */
export const RecoveryVerdict = z.object({
  /** ready: a code will be sent (to `channel`); blocked: it will not; uncertain: Cognito's answer will not tell. */
  status: z.enum(['ready', 'blocked', 'uncertain']),
  channel: z
    .object({ deliveryMedium: DeliveryMedium, attributeName: z.enum(['email', 'phone_number']), maskedDestination: z.string() })
    .optional(),
  /** Which rule picked the channel. */
  rule: z.enum(['pool-setting', 'legacy', 'admin-only']),
  /**
   * Why, as codes: the renderer words each reason (and the headline) in the operator's language.
   * `params` carry the facts the words need, e.g. { status: 'COMPROMISED' } for 'unusual-status'.
   */
  reasons: z.array(
    z.object({
      id: VerdictReasonId,
      severity: z.enum(['blocker', 'warning', 'info']),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  /** The other ways to get the caller back in, best first, when ForgotPassword cannot work. */
  alternatives: z.array(Alternative),
  /** ForgotPassword codes this console sent to this user since midnight (from the audit log). */
  codesSentToday: z.number().int().min(0),
  /** ForgotPassword requests since midnight whose answer was lost (outcome unknown): each may have sent a code. */
  codesOfUnknownOutcomeToday: z.number().int().min(0),
});
export type RecoveryVerdict = z.infer<typeof RecoveryVerdict>;

const AuditFilters = {
  username: z.string().max(...atMost(128, 'username')).optional(),
  operator: z.string().max(...atMost(200, 'operator')).optional(),
  outcome: AuditOutcome.optional(),
  /** ISO date-times, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

/**
 * How far the central audit trail has got: every record also goes to the CloudWatch Logs log group
 * the organization's policy names, from the local log (the write-ahead log), in order, at least once.
 * off: the policy names no log group, the log stays on this computer only; delivered: every record
 * on disk has been accepted; waiting: records are on their way; failing: the last attempt failed
 * (why, and when the next one is), and the records wait on disk.
 */
export const AuditTrailState = z.object({
  state: z.enum(['off', 'delivered', 'waiting', 'failing']),
  destination: z.object({ region: z.string(), logGroupName: z.string(), logStreamName: z.string() }).optional(),
  /** Records on disk that CloudWatch Logs has not accepted yet. */
  waiting: z.number().int().nonnegative(),
  /** ISO time of the oldest of them. */
  waitingSince: z.string().optional(),
  /** ISO time CloudWatch Logs last accepted records from this computer. */
  lastDeliveredAt: z.string().optional(),
  /** Why the last attempt failed: a code, a cause and facts, worded by the page. */
  failure: ApiError.optional(),
  /** ISO time of the next attempt, while failing. */
  retryAt: z.string().optional(),
});
export type AuditTrailState = z.infer<typeof AuditTrailState>;

/**
 * The caller checks Recovery Desk suggests, kept by id (in the settings and the audit log) so each
 * operator reads them in their own language; a check an administrator writes is kept as written.
 */
export const BUILT_IN_CALLER_CHECKS = ['contact-on-file', 'ticket-confirmed', 'security-question'] as const;
export type BuiltInCallerCheck = (typeof BUILT_IN_CALLER_CHECKS)[number];

/** How many caller checks the settings hold at most (zod keeps no readable limit on arrays, so the page reads it here). */
export const MAX_CALLER_CHECKS = 20;

export const CallerVerificationSettings = z.object({
  /** Off by default: when on, every recovery action needs every check ticked. */
  enabled: z.boolean(),
  checks: z
    .array(plainText('callerCheck').trim().min(1, messageRef('validation.callerCheck.empty')).max(...atMost(200, 'callerCheck')))
    .max(MAX_CALLER_CHECKS, messageRef('validation.callerChecks.tooMany', { max: MAX_CALLER_CHECKS })),
});

/** The languages the console speaks; the renderer holds their words. */
export const UI_LANGUAGES = ['en', 'de'] as const;
/** 'system' (or absent): the operating system's language (the browser's, in the browser shell). */
export const LanguageSetting = z.enum(['system', ...UI_LANGUAGES]);
export type LanguageSetting = z.infer<typeof LanguageSetting>;

export const Settings = z.object({
  /** The console's language, when the operator chose one over the system's. */
  language: LanguageSetting.optional(),
  /** Shown and recorded next to the OS account name. */
  operatorDisplayName: plainText('displayName').trim().max(...atMost(100, 'displayName')).optional(),
  callerVerification: CallerVerificationSettings,
});
export type Settings = z.infer<typeof Settings>;

const SettingsView = Settings.extend({
  osUser: z.string(),
  /** Set when the settings file was damaged: where it went; the strictest settings apply until saved. */
  damagedFile: FileProblem.optional(),
  /**
   * The desktop shell only: the operating system's preferred languages, most preferred first, so the
   * page follows the system as the menus do (Chromium's navigator.languages in Electron need not).
   */
  systemLanguages: z.array(z.string()).optional(),
});

/**
 * What the organization's policy fixes, for the page to show and guide by (the privileged side
 * enforces every key): none, the policy in force, or a file that cannot be used (every recovery
 * action refused until it is fixed).
 */
export const PolicyView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('active'),
    /** The policy file in force. */
    path: z.string(),
    requireTicket: z.boolean(),
    /** The whole ticket must match it (shared/policy.ts ticketMatches). */
    ticketPattern: z.string().optional(),
    /** Caller verification is the organization's: settings:get shows it as in force, settings:update cannot change it. */
    callerVerificationSet: z.boolean(),
    /** The recovery actions operators may take; absent, every one. */
    allowedActions: z.array(z.enum(POLICY_ACTIONS)).optional(),
    /** false: no offline demo on this machine. */
    demo: z.boolean(),
    /** How many connections the organization presets (connections:list marks them). */
    presetConnections: z.number().int().min(0),
    /** Where every audit record also goes. */
    auditCloudWatchLogs: z.object({ region: z.string(), logGroupName: z.string() }).optional(),
  }),
  z.object({ status: z.literal('invalid'), path: z.string(), problems: z.array(PolicyProblem) }),
]);
export type PolicyView = z.infer<typeof PolicyView>;

// --- Finding the caller in every pool (search:start / search:progress / search:cancel) ---
// A search across many pools takes seconds to minutes (ListUsers is paced within its quota), so it
// runs on the privileged side and the page polls it: request/response channels work the same in
// both shells through the one dispatcher, and cancel is just another call.

/** Why a lookup the text called for was not sent to a pool. */
export const NotSearchedReason = z.enum([
  /** The pool signs users in with their email or phone number: its usernames are generated ids, never what a caller says. */
  'generated-usernames',
  /** The pool's attribute schema has no such attribute. */
  'not-in-schema',
]);
export type NotSearchedReason = z.infer<typeof NotSearchedReason>;

export const PoolSearchResult = z.object({
  userPoolId: UserPoolId,
  poolName: z.string(),
  /** waiting: not started yet; skipped: no lookup applies here (see notSearched); cancelled: stopped before its answers came. */
  status: z.enum(['waiting', 'searching', 'searched', 'skipped', 'failed', 'cancelled']),
  users: z.array(FoundUser),
  /** The lookups sent to this pool, each with whether Cognito had more than its first page. */
  lookups: z.array(CallerLookup),
  /** Lookups the text called for that this pool cannot answer, and why. */
  notSearched: z.array(z.object({ attribute: SearchAttribute, reason: NotSearchedReason })),
  /** Why this pool could not be searched (AccessDenied, ResourceNotFound…): the others go on. */
  error: ApiError.optional(),
});
export type PoolSearchResult = z.infer<typeof PoolSearchResult>;

export const ConnectionSearchResult = z.object({
  connectionId: ConnectionId,
  connectionName: z.string(),
  region: z.string(),
  /** listing: reading its pools; failed: its pools could not be listed (see error). */
  status: z.enum(['listing', 'searching', 'done', 'failed', 'cancelled']),
  /** The connection's default country, in which numbers without + were read. */
  defaultCountry: z.string().optional(),
  /** The text looked like a phone number but was not searched as one (as in users:find). */
  phoneNotRead: z.enum(['needs-country-code', 'incomplete']).optional(),
  pools: z.array(PoolSearchResult),
  error: ApiError.optional(),
});
export type ConnectionSearchResult = z.infer<typeof ConnectionSearchResult>;

export const CrossPoolSearchState = z.object({
  searchId: z.string(),
  text: z.string(),
  status: z.enum(['running', 'done', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Pools answered, skipped, failed or cancelled, of the pools listed so far (more appear while connections are listed). */
  poolsDone: z.number().int().min(0),
  poolsTotal: z.number().int().min(0),
  /** Users found so far, over every pool. */
  hits: z.number().int().min(0),
  /** Connection › pool › users, in the order the connections are listed and their pools were returned. */
  connections: z.array(ConnectionSearchResult),
});
export type CrossPoolSearchState = z.infer<typeof CrossPoolSearchState>;

const SearchId = z.string().uuid();
// --- end of the cross-pool search's schemas ---

function operation<Req extends z.ZodType, Res extends z.ZodType>(spec: {
  request: Req;
  response: Res;
  /** The Cognito API operation(s) behind the channel, and so the IAM actions the role needs. */
  aws: readonly string[];
}) {
  return spec;
}

export const contract = {
  /** The connections the operator can pick. No AWS call. */
  'connections:list': operation({
    request: z.strictObject({}),
    response: z.object({
      connections: z.array(Connection),
      /** What this shell does with typed-in secrets. */
      secretStorage: z.enum(['encrypted', 'memory-only']),
      /** AWS_PROFILE / AWS_REGION, to preselect in forms. */
      defaultProfile: z.string().optional(),
      defaultRegion: z.string().optional(),
      /** The saved connections file could not be used at load (moved aside when it could be). */
      damagedFile: FileProblem.optional(),
      /** Why typed-in keys are kept in memory only although this shell would encrypt them. */
      memoryOnlyBecause: z.enum(['no-encryption', 'no-keyring']).optional(),
    }),
    aws: [],
  }),
  /** Profiles in the shared AWS config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured). No AWS call. */
  'connections:profiles': operation({
    request: z.strictObject({}),
    response: z.object({ profiles: z.array(AwsProfile), configFile: z.string(), credentialsFile: z.string() }),
    aws: [],
  }),
  /** Adds (no connectionId) or edits a saved connection. */
  'connections:save': operation({
    request: z.strictObject({
      connectionId: ConnectionId.optional(),
      name: ConnectionName,
      region: Region,
      endpoint: EndpointUrl.optional(),
      source: CredentialSource,
      assumeRole: AssumeRole.optional(),
      defaultCountry: CountryCode.optional(),
    }),
    response: Connection,
    aws: [],
  }),
  'connections:rename': operation({
    request: z.strictObject({ connectionId: ConnectionId, name: ConnectionName }),
    response: Connection,
    aws: [],
  }),
  'connections:delete': operation({
    request: z.strictObject({ connectionId: ConnectionId }),
    response: z.object({ deleted: z.boolean() }),
    aws: [],
  }),
  /**
   * Resolves the credentials (assuming the role, with the MFA code when needed) and says who they are
   * (sts:GetCallerIdentity; skipped for a custom endpoint) and which pools they can see (cognito-idp:ListUserPools).
   */
  'connections:test': operation({
    request: z.strictObject({ connectionId: ConnectionId, mfaCode: z.string().regex(/^\d{6}$/, messageRef('validation.mfaCode.format')).optional() }),
    response: z.object({
      identity: z.object({ account: z.string(), arn: z.string(), userId: z.string() }).optional(),
      poolCount: z.number().int(),
      /** Up to five pool names, for "connected, and it sees…". */
      samplePools: z.array(z.string()),
      testedAt: z.string(),
    }),
    aws: ['GetCallerIdentity', 'ListUserPools'],
  }),
  /** ListUserPools (cognito-idp:ListUserPools), one page. */
  'pools:list': operation({
    request: OnConnection.extend({
      maxResults: z.number().int().min(1).max(60).default(60),
      nextToken: PageToken.optional(),
    }),
    response: z.object({ pools: z.array(PoolSummary), nextToken: z.string().optional() }),
    aws: ['ListUserPools'],
  }),
  /** DescribeUserPool (cognito-idp:DescribeUserPool), read once per connection and kept 5 minutes (pools:refresh reads it again). */
  'pools:describe': operation({
    request: OnPool,
    response: PoolDetails,
    aws: ['DescribeUserPool'],
  }),
  /** Forgets the cached facts of a pool and its app clients (policy, recovery setting, secrets), so the next reads ask Cognito. No AWS call. */
  'pools:refresh': operation({
    request: OnPool,
    response: z.object({ refreshedAt: z.string() }),
    aws: [],
  }),
  /** ListUserPoolClients + DescribeUserPoolClient per client, the latter kept like the pool's facts (cognito-idp:ListUserPoolClients, cognito-idp:DescribeUserPoolClient). */
  'clients:list': operation({
    request: OnPool.extend({
      maxResults: z.number().int().min(1).max(60).default(60),
      nextToken: PageToken.optional(),
    }),
    response: z.object({ clients: z.array(AppClient), nextToken: z.string().optional() }),
    aws: ['ListUserPoolClients', 'DescribeUserPoolClient'],
  }),
  /**
   * ListUsers with a safely quoted Filter (cognito-idp:ListUsers), one page of at most 60. A phone_number value
   * that reads as a whole number (in the connection's default country, or with +) is searched in E.164.
   */
  'users:search': operation({
    request: OnPool.extend({
      attribute: SearchAttribute.default('username'),
      match: z.enum(['exact', 'prefix']).default('prefix'),
      /** Empty lists every user. */
      value: SearchText.default(''),
      limit: z.number().int().min(1).max(60).default(60),
      paginationToken: PageToken.optional(),
    }),
    response: z.object({
      users: z.array(UserSummary),
      paginationToken: z.string().optional(),
      /** The value Cognito was asked for (a phone number in E.164), so the page can say what was searched. */
      value: z.string(),
    }),
    aws: ['ListUsers'],
  }),
  /**
   * The one search box: finds the caller by what they say. Runs, in parallel, the ListUsers lookups (cognito-idp:ListUsers,
   * at most 3) that make sense for the text: phone_number exactly when it reads as a phone number (E.164, in the
   * connection's default country or with +), username by prefix when it has no spaces, email by prefix when it could be
   * (part of) an email, name by prefix when it has spaces. The first page of each, merged by username in lookup order;
   * a lookup with more says so (moreAvailable) instead of paging.
   */
  'users:find': operation({
    request: OnPool.extend({
      text: SearchText.min(1, messageRef('validation.search.required')),
    }),
    response: z.object({
      users: z.array(FoundUser),
      /** What was looked up, in order; empty when nothing typed could be searched (see phoneNotRead). */
      lookups: z.array(CallerLookup),
      /** The connection's default country, in which numbers without + were read. */
      defaultCountry: z.string().optional(),
      /** The text looked like a phone number but was not searched as one: no country code and no default country, or not a whole number. */
      phoneNotRead: z.enum(['needs-country-code', 'incomplete']).optional(),
    }),
    aws: ['ListUsers'],
  }),
  /**
   * Starts the search for a caller in every user pool of the connection, or of every connection
   * (cognito-idp:ListUserPools, cognito-idp:DescribeUserPool, cognito-idp:ListUsers): the lookups of
   * users:find in each pool, paced within ListUsers' quota per account and region. Answers at once with
   * the search's id; search:progress follows it.
   */
  'search:start': operation({
    request: z.strictObject({
      connectionId: ConnectionId,
      /** Every connection the operator can pick, not only this one. */
      everyConnection: z.boolean().default(false),
      text: SearchText.min(1, messageRef('validation.search.required')),
    }),
    response: z.object({ searchId: SearchId, startedAt: z.string() }),
    aws: ['ListUserPools', 'DescribeUserPool', 'ListUsers'],
  }),
  /** Where a search has got, with the results so far. No AWS call. */
  'search:progress': operation({
    request: z.strictObject({ searchId: SearchId }),
    response: CrossPoolSearchState,
    aws: [],
  }),
  /** Stops a search: nothing more is sent for it; the calls already on their way are cut off. No AWS call. */
  'search:cancel': operation({
    request: z.strictObject({ searchId: SearchId }),
    response: CrossPoolSearchState,
    aws: [],
  }),
  /** AdminGetUser (cognito-idp:AdminGetUser). */
  'users:get': operation({
    request: OnPool.extend({ username: Username }),
    response: UserDetails,
    aws: ['AdminGetUser'],
  }),
  /**
   * AdminGetUser, with the pool's and app client's cached facts: whether ForgotPassword can work and where the
   * code will go (cognito-idp:DescribeUserPool, cognito-idp:DescribeUserPoolClient, cognito-idp:AdminGetUser), and
   * whether the user has a password at all (cognito-idp:AdminGetUserAuthFactors; left out when it cannot be read).
   */
  'recovery:verdict': operation({
    request: OnPool.extend({ clientId: ClientId, username: Username }),
    response: RecoveryVerdict,
    aws: ['DescribeUserPool', 'DescribeUserPoolClient', 'AdminGetUser', 'AdminGetUserAuthFactors'],
  }),
  // How the user signs in, and a lost MFA device (issue 13).
  /** AdminGetUserAuthFactors (cognito-idp:AdminGetUserAuthFactors): the user's sign-in factors and MFA. */
  'users:authFactors': operation({
    request: OnPool.extend({ username: Username }),
    response: UserAuthFactors,
    aws: ['AdminGetUserAuthFactors'],
  }),
  /**
   * "Reset MFA" for a lost device: AdminSetUserMFAPreference turning off SMS, email and TOTP MFA, sent once
   * (cognito-idp:AdminSetUserMFAPreference), after reading what the user had (cognito-idp:AdminGetUserAuthFactors)
   * and whether the pool requires MFA (cognito-idp:DescribeUserPool, cached).
   */
  'users:resetMfa': operation({
    request: OnPool.extend({ username: Username, ...ActionRecord }),
    response: MfaResetResult,
    aws: ['AdminSetUserMFAPreference', 'AdminGetUserAuthFactors', 'DescribeUserPool'],
  }),
  /**
   * ForgotPassword, sent once, with SECRET_HASH computed on the privileged side when the client has a secret
   * (from the cached DescribeUserPoolClient). A lost answer fails with OutcomeUnknown: a code may have gone out.
   */
  'recovery:forgotPassword': operation({
    request: RecoveryTarget,
    response: z.object({
      codeDeliveryDetails: CodeDeliveryDetails.optional(),
      /** ISO time the request was accepted, so the UI can count down the code's one-hour validity. */
      sentAt: z.string(),
      requestId: z.string().optional(),
    }),
    aws: ['ForgotPassword', 'DescribeUserPoolClient'],
  }),
  /** ConfirmForgotPassword, with SECRET_HASH as above. */
  'recovery:confirmForgotPassword': operation({
    request: RecoveryTarget.extend({ confirmationCode: ConfirmationCode, password: Password }),
    response: z.object({ confirmedAt: z.string(), requestId: z.string().optional() }),
    aws: ['ConfirmForgotPassword', 'DescribeUserPoolClient'],
  }),
  /** AdminCreateUser with MessageAction RESEND (cognito-idp:AdminCreateUser): a new invitation for a FORCE_CHANGE_PASSWORD user. */
  'recovery:resendInvitation': operation({
    request: OnPool.extend({
      username: Username,
      /** Where the invitation goes; absent, Cognito's default (SMS). */
      deliveryMediums: z.array(DeliveryMedium).min(1).max(2).optional(),
      ...ActionRecord,
    }),
    response: z.object({ sentAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminCreateUser'],
  }),
  /**
   * AdminResetUserPassword (cognito-idp:AdminResetUserPassword): RESET_REQUIRED plus a code, with real errors even where
   * the app client hides them. AWS requires self-service recovery in the pool; admin-only pools use a temporary password.
   */
  'recovery:adminResetPassword': operation({
    request: OnPool.extend({ username: Username, clientMetadata: ClientMetadata.optional(), ...ActionRecord }),
    response: z.object({ resetAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminResetUserPassword'],
  }),
  /** AdminSetUserPassword with Permanent false (cognito-idp:AdminSetUserPassword): a temporary password, the last resort. */
  'recovery:setTemporaryPassword': operation({
    request: OnPool.extend({ username: Username, temporaryPassword: Password, ...ActionRecord }),
    response: z.object({ setAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminSetUserPassword'],
  }),
  // Sessions, signing out everywhere, and risk (threat protection's auth events).
  /** AdminListUserSessions (cognito-idp:AdminListUserSessions): the user's active sessions, one page of up to 125, eventually consistent. */
  'sessions:list': operation({
    request: OnPool.extend({ username: Username }),
    response: z.object({ sessions: z.array(UserSession) }),
    aws: ['AdminListUserSessions'],
  }),
  /** AdminRevokeUserSession (cognito-idp:AdminRevokeUserSession), sent once: the session's refresh and access tokens stop working. */
  'sessions:revoke': operation({
    request: OnPool.extend({
      username: Username,
      sessionId: SessionId,
      /** Also the sessions linked to it (RevokeAssociatedSessions LINKED). */
      linked: z.boolean().default(false),
      ...ActionRecord,
    }),
    response: z.object({ revokedAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminRevokeUserSession'],
  }),
  /**
   * AdminUserGlobalSignOut (cognito-idp:AdminUserGlobalSignOut), sent once: every refresh token stops working. Apps that check
   * tokens themselves accept ID and access tokens already issued until they expire (an hour by default).
   */
  'sessions:signOutEverywhere': operation({
    request: OnPool.extend({ username: Username, ...ActionRecord }),
    response: z.object({ signedOutAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminUserGlobalSignOut'],
  }),
  /** AdminListUserAuthEvents (cognito-idp:AdminListUserAuthEvents), newest first; a pool without threat protection is a fact, not an error. */
  'risk:events': operation({
    request: OnPool.extend({
      username: Username,
      maxResults: z.number().int().min(1).max(60).default(20),
      nextToken: PageToken.optional(),
    }),
    response: AuthEventsView,
    aws: ['AdminListUserAuthEvents'],
  }),
  /** AdminUpdateAuthEventFeedback (cognito-idp:AdminUpdateAuthEventFeedback), sent once: Valid (it was the user) or Invalid (it was not). */
  'risk:feedback': operation({
    request: OnPool.extend({
      username: Username,
      eventId: z.string().min(1).max(50).regex(/^[\w+-]+$/),
      feedback: FeedbackValue,
      ...ActionRecord,
    }),
    response: z.object({ sentAt: z.string(), requestId: z.string().optional() }),
    aws: ['AdminUpdateAuthEventFeedback'],
  }),
  /** The audit log, newest first, filtered. No AWS call. */
  'audit:list': operation({
    request: z.strictObject({ ...AuditFilters, limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }),
    response: z.object({
      records: z.array(AuditRecord),
      /** How many records match the filters in all. */
      total: z.number().int(),
      /** Lines of the log file that could not be read (e.g. torn by a crash), 1-based. */
      damagedLines: z.array(z.number().int()),
    }),
    aws: [],
  }),
  /**
   * The central audit trail's state. No AWS call of its own: the privileged side delivers in the
   * background (logs:DescribeLogStreams, logs:CreateLogStream, logs:PutLogEvents on the policy's log group).
   */
  'audit:trail': operation({
    request: z.strictObject({}),
    response: AuditTrailState,
    aws: [],
  }),
  /** Every matching audit record as a CSV or JSON file. No AWS call. */
  'audit:export': operation({
    request: z.strictObject({ ...AuditFilters, format: z.enum(['csv', 'json']) }),
    response: z.object({ filename: z.string(), mediaType: z.string(), content: z.string(), count: z.number().int() }),
    aws: [],
  }),
  /** Follows the audit log's hash chain and names the first record changed, removed or reordered, by line. No AWS call. */
  'audit:verify': operation({
    request: z.strictObject({}),
    response: AuditChainReport,
    aws: [],
  }),
  /** The operator's settings and who the OS says the operator is. No AWS call. */
  'settings:get': operation({
    request: z.strictObject({}),
    response: SettingsView,
    aws: [],
  }),
  'settings:update': operation({
    request: z.strictObject({
      operatorDisplayName: Settings.shape.operatorDisplayName,
      callerVerification: CallerVerificationSettings.optional(),
      language: LanguageSetting.optional(),
    }),
    response: SettingsView,
    aws: [],
  }),
  /** What the organization's policy fixes on this machine (read once at start: a change applies at the next start). No AWS call. */
  'policy:get': operation({
    request: z.strictObject({}),
    response: PolicyView,
    aws: [],
  }),
  /** Messages the offline demo emulator "delivered", newest first. Demo connection only; no AWS call. */
  'demo:inbox': operation({
    request: OnDemo,
    response: z.object({ messages: z.array(DemoMessage) }),
    aws: [],
  }),
  /** Empties the demo inbox. Demo connection only. */
  'demo:clearInbox': operation({
    request: OnDemo,
    response: z.object({ cleared: z.number().int() }),
    aws: [],
  }),
  /** Injected faults and throttling of the demo emulator. Demo connection only. */
  'demo:controls': operation({
    request: OnDemo,
    response: DemoControls,
    aws: [],
  }),
  /** Makes the next `count` calls of an operation fail with a Cognito exception and/or answer late. */
  'demo:injectFault': operation({
    request: OnDemo.extend({
      operation: DemoOperation,
      count: z.number().int(messageRef('validation.fault.count')).min(1, messageRef('validation.fault.count')).max(100, messageRef('validation.fault.count')).default(1),
      error: CognitoErrorCode.optional(),
      delayMs: z
        .number()
        .int(messageRef('validation.fault.delay'))
        .min(0, messageRef('validation.fault.delay'))
        .max(60_000, messageRef('validation.fault.delay'))
        .optional(),
    }).refine((r) => r.error !== undefined || (r.delayMs ?? 0) > 0, { message: messageRef('validation.fault.nothing'), path: ['error'] }),
    response: DemoControls,
    aws: [],
  }),
  /** Removes every injected fault. */
  'demo:clearFaults': operation({
    request: OnDemo,
    response: DemoControls,
    aws: [],
  }),
  /** Turns the emulator's request-rate quotas on or off. */
  'demo:setThrottling': operation({
    request: OnDemo.extend({ enabled: z.boolean() }),
    response: DemoControls,
    aws: [],
  }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What a caller passes (defaults may be omitted). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What the service receives after validation (defaults filled in). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

/** The API both transports expose: one function per channel. */
export type RecoveryDeskApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

/** What the core service implements: one function per channel, on validated input. */
export type RecoveryDeskService = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};
