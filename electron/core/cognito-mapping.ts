import type {
  AdminGetUserCommandOutput,
  AttributeType,
  UserPoolClientType,
  UserPoolType,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AppClient, PoolDetails, UserDetails, UserSummary } from '../../shared/contract';
import { knownAuthFactors } from '../../shared/auth-factors';

// SDK shapes → contract shapes. Only what the contract declares is copied, so nothing else
// (a client secret above all) can reach the renderer.

export function toPoolDetails(pool: UserPoolType, userPoolId: string): PoolDetails {
  const policy = pool.Policies?.PasswordPolicy;
  return {
    id: pool.Id ?? userPoolId,
    name: pool.Name ?? '',
    createdAt: pool.CreationDate?.toISOString(),
    lastModifiedAt: pool.LastModifiedDate?.toISOString(),
    passwordPolicy: {
      // Cognito's defaults when a pool was created without a policy.
      minimumLength: policy?.MinimumLength ?? 8,
      requireUppercase: policy?.RequireUppercase ?? false,
      requireLowercase: policy?.RequireLowercase ?? false,
      requireNumbers: policy?.RequireNumbers ?? false,
      requireSymbols: policy?.RequireSymbols ?? false,
      temporaryPasswordValidityDays: policy?.TemporaryPasswordValidityDays,
      passwordHistorySize: policy?.PasswordHistorySize,
    },
    recoveryMechanisms: (pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])
      .flatMap((m) => (m.Name && m.Priority ? [{ name: m.Name, priority: m.Priority }] : []))
      .sort((a, b) => a.priority - b.priority),
    usernameAttributes: pool.UsernameAttributes ?? [],
    aliasAttributes: pool.AliasAttributes ?? [],
    autoVerifiedAttributes: pool.AutoVerifiedAttributes ?? [],
    mfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    estimatedNumberOfUsers: pool.EstimatedNumberOfUsers,
    ...signInFactorsOf(pool),
  };
}

/** The pool's choice-based sign-in factors, when it has a sign-in policy. */
function signInFactorsOf(pool: UserPoolType): Pick<PoolDetails, 'signInFactors'> {
  const allowed = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  if (!allowed) return {};
  return { signInFactors: knownAuthFactors(allowed) };
}

export function toAppClient(clientId: string, details: UserPoolClientType | undefined, listedName?: string): AppClient {
  return {
    clientId,
    clientName: details?.ClientName ?? listedName ?? '',
    hasSecret: Boolean(details?.ClientSecret),
    preventUserExistenceErrors: details?.PreventUserExistenceErrors ?? 'LEGACY',
  };
}

function attribute(attributes: AttributeType[], name: string): string | undefined {
  return attributes.find((a) => a.Name === name)?.Value;
}

export function toUserSummary(user: UserType): UserSummary {
  const attributes = user.Attributes ?? [];
  return {
    username: user.Username ?? '',
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled ?? true,
    email: attribute(attributes, 'email'),
    emailVerified: attribute(attributes, 'email_verified') === 'true',
    phoneNumber: attribute(attributes, 'phone_number'),
    phoneNumberVerified: attribute(attributes, 'phone_number_verified') === 'true',
    name: attribute(attributes, 'name'),
    sub: attribute(attributes, 'sub'),
    createdAt: user.UserCreateDate?.toISOString(),
    lastModifiedAt: user.UserLastModifiedDate?.toISOString(),
  };
}

export function toUserDetails(user: AdminGetUserCommandOutput): UserDetails {
  const attributes = user.UserAttributes ?? [];
  return {
    ...toUserSummary({
      Username: user.Username,
      Attributes: attributes,
      UserStatus: user.UserStatus,
      Enabled: user.Enabled,
      UserCreateDate: user.UserCreateDate,
      UserLastModifiedDate: user.UserLastModifiedDate,
    }),
    attributes: attributes.map((a) => ({ name: a.Name ?? '', value: a.Value ?? '' })),
    preferredMfa: user.PreferredMfaSetting || undefined,
    // Older users record SMS MFA only in MFAOptions.
    mfaMethods: user.UserMFASettingList ?? (user.MFAOptions ?? []).flatMap((o) => (o.DeliveryMedium ? [`${o.DeliveryMedium}_MFA`] : [])),
  };
}
