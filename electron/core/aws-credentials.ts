import { fromIni, fromNodeProviderChain, fromSSO, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AssumeRole } from '../../shared/contract';
import { profileKind, readProfiles, type SharedConfigPaths } from './aws-profiles';
import { isSsoLoginProblem, RecoveryDeskError, ssoLoginRequired, withCallContext } from './errors';

/** The SDK's credential provider type, taken from its own provider so no transitive package is imported. */
export type AwsCredentialIdentityProvider = ReturnType<typeof fromIni>;
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

/** Where a connection's own credentials come from, before any role is assumed on top. */
export type CredentialSource =
  | { kind: 'static'; credentials: AwsCredentialIdentity }
  | { kind: 'profile'; profile: string }
  | { kind: 'default-chain'; profile?: string | undefined }
  | {
      kind: 'access-keys';
      keys: () => Promise<AwsCredentialIdentity | undefined>;
      /** The keys were sealed by another user, computer or keyring (else: kept in memory only, gone since a restart). */
      sealedElsewhere: boolean;
    };

export interface CredentialOptions {
  source: CredentialSource;
  assumeRole?: AssumeRole | undefined;
  /** The connection's region: STS is called there. */
  region: string;
  paths: SharedConfigPaths;
  /** The code connections:test was given; used once. Without one, a role that needs MFA fails with MfaCodeRequired. */
  mfaCode?: string | undefined;
  /** RoleSessionName when the connection sets none (shows in CloudTrail). */
  defaultSessionName: string;
}

/**
 * One connection's credentials, resolved with the SDK's own providers: fromIni for a profile (static
 * keys, source_profile/role_arn chains, credential_process, IAM Identity Center), the default chain
 * (environment, container, instance role), typed-in keys, and fromTemporaryCredentials for a role on
 * top. Memoized until five minutes before expiry; a failure is never cached.
 */
export function createCredentialProvider(options: CredentialOptions): AwsCredentialIdentityProvider {
  const { source, assumeRole, region, paths } = options;
  const profile = source.kind === 'profile' ? source.profile : source.kind === 'default-chain' ? source.profile : undefined;
  let unusedCode = options.mfaCode;
  const mfaCodeProvider = async (serial: string): Promise<string> => {
    const code = unusedCode;
    unusedCode = undefined;
    if (code) return code;
    throw new RecoveryDeskError('MfaCodeRequired', { cause: 'fresh-code', params: { mfaSerial: serial } });
  };
  const files = { filepath: paths.credentialsFile, configFilepath: paths.configFile };

  let base: AwsCredentialIdentityProvider;
  switch (source.kind) {
    case 'static':
      base = async () => source.credentials;
      break;
    case 'profile': {
      const ini = fromIni({ ...files, profile: source.profile, mfaCodeProvider, ignoreCache: true, clientConfig: { region } });
      const sso = fromSSO({ ...files, profile: source.profile, clientConfig: { region } });
      base = async (properties) => {
        // fromIni hands an SSO profile to fromSSO without the file paths it was given (SDK 3.1169), so
        // it would read the default files instead of these: call fromSSO with them directly.
        const data = (await readProfiles(paths))[source.profile];
        return data && profileKind(data) === 'sso' ? sso(properties) : ini(properties);
      };
      break;
    }
    case 'default-chain':
      base = fromNodeProviderChain({ ...files, ...(source.profile ? { profile: source.profile } : {}), mfaCodeProvider, clientConfig: { region } });
      break;
    case 'access-keys':
      base = async () => {
        const keys = await source.keys();
        if (!keys) throw new RecoveryDeskError('SecretsUnavailable', source.sealedElsewhere ? { cause: 'other-keyring' } : {});
        return keys;
      };
      break;
  }
  const own = memoize(guard(base, { stage: 'credentials', ...(profile ? { profile } : {}) }, profile));
  if (!assumeRole) return own;

  const role = fromTemporaryCredentials({
    masterCredentials: own,
    params: {
      RoleArn: assumeRole.roleArn,
      RoleSessionName: assumeRole.sessionName ?? options.defaultSessionName,
      ...(assumeRole.externalId ? { ExternalId: assumeRole.externalId } : {}),
      ...(assumeRole.mfaSerial ? { SerialNumber: assumeRole.mfaSerial } : {}),
    },
    mfaCodeProvider,
    clientConfig: { region },
  });
  return memoize(guard(role, { stage: 'credentials', service: 'sts', operation: 'AssumeRole', ...(profile ? { profile } : {}) }, profile));
}

/** Turns an SSO sign-in problem into its own error naming the profile; tags anything else with where it happened. */
function guard(provider: AwsCredentialIdentityProvider, context: Parameters<typeof withCallContext>[1], profile: string | undefined): AwsCredentialIdentityProvider {
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      if (error instanceof RecoveryDeskError) throw error;
      if (isSsoLoginProblem(error)) throw ssoLoginRequired(profile);
      throw withCallContext(error, context);
    }
  };
}

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

function memoize(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async (properties) => {
    if (current && !(current.expiration && current.expiration.getTime() - Date.now() < REFRESH_BEFORE_EXPIRY_MS)) return current;
    pending ??= provider(properties)
      .then((credentials) => {
        current = credentials;
        return credentials;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
