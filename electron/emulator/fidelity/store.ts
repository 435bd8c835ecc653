import type { ListUsersFilter } from '../list-users-filter';
import type { IndexedField } from '../user-index';
import type { UserActivity } from './user-activity';

// What the fidelity layer reads and writes in cognito-local: pools, app clients and user records.
// Only the adapter implements it (it alone may touch cognito-local internals); the layer keeps its
// own state (codes, attempt counts, password history) in memory.

export interface StoredAttribute {
  Name: string;
  Value?: string;
}

export interface StoredUser extends UserActivity {
  Username: string;
  Attributes: StoredAttribute[];
  Enabled: boolean;
  /** CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED, EXTERNAL_PROVIDER… */
  UserStatus: string;
  /** cognito-local keeps it in plain text; only the layer's password checks read it. */
  Password: string;
  UserCreateDate: Date;
  UserLastModifiedDate: Date;
  MFAOptions?: { DeliveryMedium?: string; AttributeName?: string }[];
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
  /** Passkeys the user registered (the emulator's own field: cognito-local has none). */
  WebAuthnCredentials?: StoredPasskey[];
}

export interface StoredPasskey {
  CredentialId: string;
  FriendlyName?: string;
  CreatedAt: Date;
}

export interface StoredClient {
  ClientId: string;
  UserPoolId: string;
  ClientName?: string;
  ClientSecret?: string;
  PreventUserExistenceErrors?: string;
}

export interface RecoveryMechanism {
  Name?: string;
  Priority?: number;
}

export interface StoredPasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  PasswordHistorySize?: number;
  /** How long an administrator's temporary password works; 0 or absent means 7. */
  TemporaryPasswordValidityDays?: number;
}

export interface StoredPool {
  Id: string;
  Name?: string;
  Policies?: {
    PasswordPolicy?: StoredPasswordPolicy;
    /** Choice-based sign-in (USER_AUTH): which first factors the pool allows. Absent: passwords only. */
    SignInPolicy?: { AllowedFirstAuthFactors?: string[] };
  };
  MfaConfiguration?: string;
  AccountRecoverySetting?: { RecoveryMechanisms?: RecoveryMechanism[] };
  AliasAttributes?: string[];
  UsernameAttributes?: string[];
  UsernameConfiguration?: { CaseSensitive?: boolean };
  /** Standard attributes by name; custom ones as custom:<name>. */
  SchemaAttributes?: { Name?: string }[];
  /** Threat protection: AUDIT or ENFORCED keep auth events (fidelity/user-activity.ts). */
  UserPoolAddOns?: { AdvancedSecurityMode?: string };
}

/** The fields a password reset (or a sign-in's activity) changes; the adapter keeps every other field of the record. */
export interface UserUpdate extends UserActivity {
  Password?: string;
  UserStatus?: string;
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
  /** The legacy SMS MFA record (AdminGetUser's MFAOptions); [] removes it. */
  MFAOptions?: NonNullable<StoredUser['MFAOptions']>;
  UserLastModifiedDate: Date;
}

export interface CognitoStore {
  findClient(clientId: string): Promise<StoredClient | undefined>;
  describePool(poolId: string): Promise<StoredPool | undefined>;
  /** By the exact username (the record's key); aliases are resolved by the layer. */
  getUser(poolId: string, username: string): Promise<StoredUser | undefined>;
  /**
   * The users whose `field` equals `value` without regard to case, in username order: the candidates,
   * from an index; the caller tests what Cognito compares exactly (case, verification).
   */
  usersWith(poolId: string, field: IndexedField, value: string): Promise<StoredUser[]>;
  /** One page of ListUsers in username order, after `after`; `more` when another page follows. */
  pageUsers(poolId: string, filter: ListUsersFilter | undefined, after: string | undefined, limit: number): Promise<{ users: StoredUser[]; more: boolean }>;
  /** The first user, in username order, whose record passes `test`; records are read in place, so `test` must not change them. */
  findUserWhere(poolId: string, test: (user: Readonly<StoredUser>) => boolean): Promise<StoredUser | undefined>;
  updateUser(poolId: string, username: string, update: UserUpdate): Promise<void>;
}

export function attributeOf(user: Pick<StoredUser, 'Attributes'>, name: string): string | undefined {
  return user.Attributes.find((attribute) => attribute.Name === name)?.Value;
}
