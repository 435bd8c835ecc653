import { createHash } from 'node:crypto';
import { withDemoActivity } from './seed-activity';

// The demo data written on first start. Deterministic (no randomness, fixed dates) so the ids below
// can be quoted in tests and docs, and every machine shows the same demo.

export const DEMO_REGION = 'us-east-1';
export const DEMO_ACCOUNT_ID = '000000000000';

export const DEMO_STAFF_POOL_ID = 'us-east-1_AcmeStaff1';
export const DEMO_STAFF_POOL_NAME = 'Acme Staff';
export const DEMO_CUSTOMER_POOL_ID = 'us-east-1_AcmeCust01';
export const DEMO_CUSTOMER_POOL_NAME = 'Acme Customers';
/** AccountRecoverySetting admin_only: self-service recovery is off. */
export const DEMO_ADMIN_ONLY_POOL_ID = 'us-east-1_AcmeAdmin1';
export const DEMO_ADMIN_ONLY_POOL_NAME = 'Acme Admin-only';
/** No AccountRecoverySetting at all: Cognito's older rule (verified phone, then verified email). */
export const DEMO_LEGACY_POOL_ID = 'us-east-1_AcmeLegacy1';
export const DEMO_LEGACY_POOL_NAME = 'Acme Legacy';

export const DEMO_STAFF_PUBLIC_CLIENT_ID = 'staffconsolepublic000001';
export const DEMO_STAFF_SECRET_CLIENT_ID = 'staffconsolesecret000001';
/** Demo only: protects nothing real. 52 characters of [A-Za-z0-9]. */
export const DEMO_STAFF_CLIENT_SECRET = 'acmeDemoStaffBackendSecret7qx2vb9lm4rt8kp3zw6nc1hy5f';
export const DEMO_CUSTOMER_CLIENT_ID = 'customerapppublic0000001';
export const DEMO_ADMIN_ONLY_CLIENT_ID = 'adminonlypublic000000001';
export const DEMO_LEGACY_CLIENT_ID = 'legacypublic00000000001';

/** The Staff pool keeps this many previous passwords (ConfirmForgotPassword refuses them). */
export const DEMO_STAFF_PASSWORD_HISTORY_SIZE = 3;

/** Every seeded user's password (erin.new-hire's temporary one). */
export const DEMO_INITIAL_PASSWORD = 'Initial-Passw0rd!';

export const DEMO_STAFF_USERS = {
  verified: 'alice.verified',
  phoneOnly: 'bob.phone-only',
  unverified: 'carol.unverified',
  disabled: 'dave.disabled',
  newHire: 'erin.new-hire',
  unicode: 'zoë.ångström',
  both: 'frank.both',
  /** Email is also the MFA factor, so the code goes by SMS although email comes first. */
  emailMfa: 'iris.email-mfa',
  /** RESET_REQUIRED (an admin reset): ForgotPassword works and confirming makes them CONFIRMED. */
  resetRequired: 'jack.reset-required',
  /** Signed up, never confirmed: nothing verified. */
  unconfirmed: 'kate.unconfirmed',
  /** EXTERNAL_PROVIDER (signs in with Google): no password to reset. */
  external: 'leo.external',
  /** Findable by the alias "mia" (preferred_username) and by her verified email. */
  alias: 'mia.alias',
} as const;

/** mia.alias's sign-in aliases. */
export const DEMO_STAFF_ALIASES = { preferredUsername: 'mia', email: 'mia@acme.example' } as const;

/**
 * Customers-pool cases (its app client hides user existence). Named to sort before "customer…", so
 * the customer list still ends with customer260.
 */
export const DEMO_CUSTOMER_USERS = {
  /** SMS is the MFA factor, so the code goes by email although phone comes first. */
  smsMfa: 'ben.sms-mfa',
  /** Disabled: the app client answers with a simulated delivery. */
  disabled: 'bea.disabled',
  /** Nothing verified: the app client answers with a simulated delivery. */
  unverified: 'ada.unverified',
  /** No password at all: signs in with a code emailed to her (EMAIL_OTP). */
  passwordless: 'amy.passwordless',
  /** A password and a passkey (WEB_AUTHN). */
  passkey: 'cara.passkey',
} as const;

/** The first sign-in factors the Customers pool allows (choice-based sign-in, USER_AUTH). */
export const DEMO_CUSTOMER_SIGN_IN_FACTORS = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] as const;

export const DEMO_ADMIN_ONLY_USERS = { adminOnly: 'nina.admin-only' } as const;
export const DEMO_LEGACY_USERS = { legacy: 'oscar.legacy' } as const;

export const DEMO_CUSTOMER_COUNT = 260;
/** customer001 … customer260. */
export function demoCustomerUsername(n: number): string {
  return `customer${String(n).padStart(3, '0')}`;
}

// Shapes as cognito-local stores them (its User, UserPool and AppClient); the adapter checks them
// against its types when it writes the seed.

export interface SeedAttribute {
  Name: string;
  Value: string;
}

export interface SeedUser {
  Username: string;
  Attributes: SeedAttribute[];
  Enabled: boolean;
  UserStatus: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';
  /** Empty: the user has no password (created in a passwordless pool). */
  Password: string;
  MFAOptions?: { DeliveryMedium: 'SMS'; AttributeName: 'phone_number' }[];
  UserMFASettingList?: ('SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP')[];
  PreferredMfaSetting?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
  UserCreateDate: Date;
  UserLastModifiedDate: Date;
  RefreshTokens: string[];
  /** Registered passkeys: the emulator's own field (AdminGetUserAuthFactors lists WEB_AUTHN). */
  WebAuthnCredentials?: { CredentialId: string; FriendlyName: string; CreatedAt: Date }[];
}

export interface SeedPool {
  Id: string;
  Name: string;
  Arn: string;
  CreationDate: Date;
  LastModifiedDate: Date;
  Policies: {
    PasswordPolicy: {
      MinimumLength: number;
      RequireUppercase: boolean;
      RequireLowercase: boolean;
      RequireNumbers: boolean;
      RequireSymbols: boolean;
      TemporaryPasswordValidityDays: number;
      PasswordHistorySize?: number;
    };
    /** Choice-based sign-in: the first factors the pool allows. Absent: passwords only. */
    SignInPolicy?: { AllowedFirstAuthFactors: string[] };
  };
  /** Absent: Cognito's older rule applies. */
  AccountRecoverySetting?: { RecoveryMechanisms: { Name: 'verified_email' | 'verified_phone_number' | 'admin_only'; Priority: number }[] };
  AliasAttributes?: string[];
  AutoVerifiedAttributes?: string[];
  MfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  AdminCreateUserConfig: { AllowAdminCreateUserOnly: boolean; UnusedAccountValidityDays: number };
  EstimatedNumberOfUsers: number;
  /** Threat protection: AUDIT or ENFORCED keep users' auth events. */
  UserPoolAddOns?: { AdvancedSecurityMode: 'OFF' | 'AUDIT' | 'ENFORCED' };
  UserPoolTags?: Record<string, string>;
}

export interface SeedClient {
  ClientId: string;
  ClientName: string;
  ClientSecret?: string;
  UserPoolId: string;
  CreationDate: Date;
  LastModifiedDate: Date;
  ExplicitAuthFlows: string[];
  PreventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  EnableTokenRevocation: boolean;
  TokenValidityUnits: { AccessToken: 'hours'; IdToken: 'hours'; RefreshToken: 'days' };
}

export interface DemoSeed {
  pools: { pool: SeedPool; users: SeedUser[] }[];
  clients: SeedClient[];
}

export function buildDemoSeed(): DemoSeed {
  const staffUsers = buildStaffUsers();
  const customerUsers = buildCustomerUsers();
  const adminOnlyUsers = [
    person(DEMO_ADMIN_ONLY_POOL_ID, {
      username: DEMO_ADMIN_ONLY_USERS.adminOnly,
      given: 'Nina',
      family: 'Admin-Only',
      email: { address: 'nina@acme.example', verified: true },
      created: '2024-04-02T09:00:00.000Z',
    }),
  ];
  const legacyUsers = [
    person(DEMO_LEGACY_POOL_ID, {
      username: DEMO_LEGACY_USERS.legacy,
      given: 'Oscar',
      family: 'Legacy',
      email: { address: 'oscar@acme.example', verified: true },
      phone: { number: '+15555550147', verified: true },
      created: '2024-04-03T09:00:00.000Z',
    }),
  ];
  return {
    pools: [
      { pool: staffPool(staffUsers.length), users: withDemoActivity(staffUsers) },
      { pool: customerPool(customerUsers.length), users: customerUsers },
      { pool: adminOnlyPool(adminOnlyUsers.length), users: adminOnlyUsers },
      { pool: legacyPool(legacyUsers.length), users: legacyUsers },
    ],
    clients: [
      client(DEMO_STAFF_PUBLIC_CLIENT_ID, 'staff-portal (no secret)', DEMO_STAFF_POOL_ID, 'LEGACY'),
      { ...client(DEMO_STAFF_SECRET_CLIENT_ID, 'staff-backend (secret)', DEMO_STAFF_POOL_ID, 'LEGACY'), ClientSecret: DEMO_STAFF_CLIENT_SECRET },
      client(DEMO_CUSTOMER_CLIENT_ID, 'customer-app', DEMO_CUSTOMER_POOL_ID, 'ENABLED'),
      client(DEMO_ADMIN_ONLY_CLIENT_ID, 'admin-only-portal', DEMO_ADMIN_ONLY_POOL_ID, 'LEGACY'),
      client(DEMO_LEGACY_CLIENT_ID, 'legacy-portal', DEMO_LEGACY_POOL_ID, 'LEGACY'),
    ],
  };
}

const POOLS_CREATED = new Date('2024-01-08T09:00:00.000Z');

function staffPool(userCount: number): SeedPool {
  return {
    Id: DEMO_STAFF_POOL_ID,
    Name: DEMO_STAFF_POOL_NAME,
    Arn: poolArn(DEMO_STAFF_POOL_ID),
    CreationDate: POOLS_CREATED,
    LastModifiedDate: POOLS_CREATED,
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
        PasswordHistorySize: DEMO_STAFF_PASSWORD_HISTORY_SIZE,
      },
    },
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
    AliasAttributes: ['email', 'preferred_username'],
    AutoVerifiedAttributes: ['email'],
    MfaConfiguration: 'OPTIONAL',
    // Staff accounts are created by admins, as in most workforce pools.
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 },
    EstimatedNumberOfUsers: userCount,
    // Threat protection keeps its users' auth events; no other demo pool has it.
    UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
  };
}

function customerPool(userCount: number): SeedPool {
  return {
    Id: DEMO_CUSTOMER_POOL_ID,
    Name: DEMO_CUSTOMER_POOL_NAME,
    Arn: poolArn(DEMO_CUSTOMER_POOL_ID),
    CreationDate: POOLS_CREATED,
    LastModifiedDate: POOLS_CREATED,
    Policies: {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: false,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 7,
      },
      // Customers may sign in with a password, a code sent to their email, or a passkey.
      SignInPolicy: { AllowedFirstAuthFactors: [...DEMO_CUSTOMER_SIGN_IN_FACTORS] },
    },
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Name: 'verified_phone_number', Priority: 1 },
        { Name: 'verified_email', Priority: 2 },
      ],
    },
    // Optional so a customer can have SMS MFA (ben.sms-mfa).
    MfaConfiguration: 'OPTIONAL',
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    EstimatedNumberOfUsers: userCount,
  };
}

function adminOnlyPool(userCount: number): SeedPool {
  return {
    ...workforcePool(DEMO_ADMIN_ONLY_POOL_ID, DEMO_ADMIN_ONLY_POOL_NAME, userCount),
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
  };
}

function legacyPool(userCount: number): SeedPool {
  // No AccountRecoverySetting, as in pools created before Cognito had the setting.
  return workforcePool(DEMO_LEGACY_POOL_ID, DEMO_LEGACY_POOL_NAME, userCount);
}

/** The small extra pools (and Acme Scale's base): a plain policy, admin-created users, no recovery setting. */
export function workforcePool(id: string, name: string, userCount: number): SeedPool {
  return {
    Id: id,
    Name: name,
    Arn: poolArn(id),
    CreationDate: POOLS_CREATED,
    LastModifiedDate: POOLS_CREATED,
    Policies: {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 7,
      },
    },
    AutoVerifiedAttributes: ['email'],
    MfaConfiguration: 'OFF',
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 },
    EstimatedNumberOfUsers: userCount,
  };
}

export function client(clientId: string, name: string, userPoolId: string, prevent: SeedClient['PreventUserExistenceErrors']): SeedClient {
  return {
    ClientId: clientId,
    ClientName: name,
    UserPoolId: userPoolId,
    CreationDate: POOLS_CREATED,
    LastModifiedDate: POOLS_CREATED,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: prevent,
    EnableTokenRevocation: true,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
  };
}

export interface PersonSpec {
  username: string;
  given: string;
  family: string;
  /** Default "given family"; some languages put the family name first. */
  name?: string;
  email?: { address: string; verified: boolean };
  phone?: { number: string; verified: boolean };
  enabled?: boolean;
  status?: SeedUser['UserStatus'];
  /** SMS MFA also sets the legacy MFAOptions, as Cognito does. */
  mfa?: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
  preferredUsername?: string;
  /** Extra attributes, e.g. a federated user's identities. */
  attributes?: Record<string, string>;
  /** false: no password (signs in without one). */
  password?: boolean;
  /** The names of the passkeys the user registered. */
  passkeys?: string[];
  created: string;
}

function buildStaffUsers(): SeedUser[] {
  const u = DEMO_STAFF_USERS;
  const specs: PersonSpec[] = [
    { username: u.verified, given: 'Alice', family: 'Verified', email: { address: 'alice@acme.example', verified: true }, created: '2024-01-15T09:00:00.000Z' },
    { username: u.phoneOnly, given: 'Bob', family: 'Phone-Only', phone: { number: '+15555550142', verified: true }, created: '2024-01-16T09:30:00.000Z' },
    { username: u.unverified, given: 'Carol', family: 'Unverified', email: { address: 'carol@acme.example', verified: false }, created: '2024-01-17T10:00:00.000Z' },
    { username: u.disabled, given: 'Dave', family: 'Disabled', email: { address: 'dave@acme.example', verified: true }, enabled: false, created: '2024-01-18T10:30:00.000Z' },
    { username: u.newHire, given: 'Erin', family: 'New-Hire', email: { address: 'erin@acme.example', verified: true }, status: 'FORCE_CHANGE_PASSWORD', created: '2024-06-03T08:00:00.000Z' },
    { username: u.unicode, given: 'Zoë', family: 'Ångström', email: { address: 'zoe@acme.example', verified: true }, created: '2024-02-01T11:00:00.000Z' },
    {
      username: u.both,
      given: 'Frank',
      family: 'Both',
      email: { address: 'frank@acme.example', verified: true },
      phone: { number: '+15555550143', verified: true },
      created: '2024-02-02T11:30:00.000Z',
    },
    {
      username: u.emailMfa,
      given: 'Iris',
      family: 'Email-MFA',
      email: { address: 'iris@acme.example', verified: true },
      phone: { number: '+15555550144', verified: true },
      mfa: 'EMAIL_OTP',
      created: '2024-02-05T09:00:00.000Z',
    },
    { username: u.resetRequired, given: 'Jack', family: 'Reset-Required', email: { address: 'jack@acme.example', verified: true }, status: 'RESET_REQUIRED', created: '2024-02-06T09:00:00.000Z' },
    { username: u.unconfirmed, given: 'Kate', family: 'Unconfirmed', email: { address: 'kate@acme.example', verified: false }, status: 'UNCONFIRMED', created: '2024-02-07T09:00:00.000Z' },
    {
      username: u.external,
      given: 'Leo',
      family: 'External',
      email: { address: 'leo@acme.example', verified: true },
      status: 'EXTERNAL_PROVIDER',
      attributes: { identities: JSON.stringify([{ userId: '104857600123456789012', providerName: 'Google', providerType: 'Google', primary: true, dateCreated: 1707296400000 }]) },
      created: '2024-02-07T10:00:00.000Z',
    },
    {
      username: u.alias,
      given: 'Mia',
      family: 'Alias',
      email: { address: DEMO_STAFF_ALIASES.email, verified: true },
      preferredUsername: DEMO_STAFF_ALIASES.preferredUsername,
      created: '2024-02-08T09:00:00.000Z',
    },
  ];
  return specs.map((spec) => person(DEMO_STAFF_POOL_ID, spec));
}

// Small fixed lists of different lengths, so names repeat the way real customer bases do.
const GIVEN_NAMES = ['Amelia', 'Benjamin', 'Chloe', 'Daniel', 'Emma', 'Felix', 'Grace', 'Henry', 'Isla', 'Jack', 'Lena', 'Mateo', 'Nora'];
const FAMILY_NAMES = ['Anderson', 'Brown', 'Chen', 'Dubois', 'Garcia', 'Ivanova', 'Johnson', 'Kim', 'Martin', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Smith', 'Tanaka', 'Williams'];

function buildCustomerUsers(): SeedUser[] {
  const base = Date.parse('2024-03-01T08:00:00.000Z');
  const customers = Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, index) => {
    const n = index + 1;
    const username = demoCustomerUsername(n);
    return person(DEMO_CUSTOMER_POOL_ID, {
      username,
      given: GIVEN_NAMES[index % GIVEN_NAMES.length] ?? 'Sam',
      family: FAMILY_NAMES[index % FAMILY_NAMES.length] ?? 'Doe',
      email: { address: `${username}@example.net`, verified: true },
      ...(n % 2 === 0 ? { phone: { number: `+1555010${String(n).padStart(4, '0')}`, verified: true } } : {}),
      // One new customer every 37 minutes from March 2024.
      created: new Date(base + index * 37 * 60_000).toISOString(),
    });
  });
  const alice = person(DEMO_CUSTOMER_POOL_ID, {
    username: DEMO_STAFF_USERS.verified,
    given: 'Alice',
    family: 'Verified',
    email: { address: 'alice@example.net', verified: true },
    created: '2024-03-02T12:00:00.000Z',
  });
  const c = DEMO_CUSTOMER_USERS;
  const cases = [
    {
      username: c.smsMfa,
      given: 'Ben',
      family: 'SMS-MFA',
      email: { address: 'ben@example.net', verified: true },
      phone: { number: '+15550109001', verified: true },
      mfa: 'SMS_MFA',
      created: '2024-03-03T12:00:00.000Z',
    },
    { username: c.disabled, given: 'Bea', family: 'Disabled', email: { address: 'bea@example.net', verified: true }, enabled: false, created: '2024-03-04T12:00:00.000Z' },
    { username: c.unverified, given: 'Ada', family: 'Unverified', email: { address: 'ada@example.net', verified: false }, created: '2024-03-05T12:00:00.000Z' },
    { username: c.passwordless, given: 'Amy', family: 'Passwordless', email: { address: 'amy@example.net', verified: true }, password: false, created: '2024-03-06T12:00:00.000Z' },
    {
      username: c.passkey,
      given: 'Cara',
      family: 'Passkey',
      email: { address: 'cara@example.net', verified: true },
      passkeys: ['Cara’s phone'],
      created: '2024-03-07T12:00:00.000Z',
    },
  ] satisfies PersonSpec[];
  return [...customers, alice, ...cases.map((spec) => person(DEMO_CUSTOMER_POOL_ID, spec))];
}

export function person(poolId: string, spec: PersonSpec): SeedUser {
  const attributes: Record<string, string> = {
    sub: stableUuid(`${poolId}/${spec.username}`),
    given_name: spec.given,
    family_name: spec.family,
    name: spec.name ?? `${spec.given} ${spec.family}`,
  };
  if (spec.email) {
    attributes.email = spec.email.address;
    attributes.email_verified = String(spec.email.verified);
  }
  if (spec.phone) {
    attributes.phone_number = spec.phone.number;
    attributes.phone_number_verified = String(spec.phone.verified);
  }
  if (spec.preferredUsername) attributes.preferred_username = spec.preferredUsername;
  Object.assign(attributes, spec.attributes);
  const created = new Date(spec.created);
  const mfa: Partial<SeedUser> = !spec.mfa
    ? {}
    : {
        UserMFASettingList: [spec.mfa],
        PreferredMfaSetting: spec.mfa,
        ...(spec.mfa === 'SMS_MFA' ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
      };
  return {
    Username: spec.username,
    // cognito-local keeps attributes sorted by name.
    Attributes: Object.entries(attributes)
      .map(([Name, Value]) => ({ Name, Value }))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1)),
    Enabled: spec.enabled ?? true,
    UserStatus: spec.status ?? 'CONFIRMED',
    Password: spec.password === false ? '' : DEMO_INITIAL_PASSWORD,
    UserCreateDate: created,
    UserLastModifiedDate: created,
    RefreshTokens: [],
    ...mfa,
    ...(spec.passkeys
      ? {
          WebAuthnCredentials: spec.passkeys.map((FriendlyName, index) => ({
            CredentialId: stableUuid(`${poolId}/${spec.username}/passkey/${index}`),
            FriendlyName,
            CreatedAt: created,
          })),
        }
      : {}),
  };
}

function poolArn(poolId: string): string {
  return `arn:aws:cognito-idp:${DEMO_REGION}:${DEMO_ACCOUNT_ID}:userpool/${poolId}`;
}

/** A name-based (version 5 style) UUID, so every user's sub is the same on every machine. */
function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`recovery-desk-demo:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
