import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles, loadSsoSessionData } from '@smithy/shared-ini-file-loader';
import type { AwsProfile } from '../../shared/contract';

/** The shared config and credentials files, found as the SDK finds them. */
export interface SharedConfigPaths {
  configFile: string;
  credentialsFile: string;
}

/**
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials, with a
 * leading ~/ expanded: the SDK's own rule (getConfigFilepath, loadSharedConfigFiles), read from
 * `env` so the backend's environment decides. The paths are passed to every SDK loader.
 */
export function sharedConfigPaths(env: NodeJS.ProcessEnv): SharedConfigPaths {
  const home = getHomeDir();
  const expand = (path: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

type ProfileData = Record<string, string | undefined>;

/** Every profile of both files, merged the way the SDK merges them (the credentials file wins). */
export async function readProfiles(paths: SharedConfigPaths): Promise<Record<string, ProfileData>> {
  // ignoreCache: the operator may have run `aws configure` since the last look.
  const files = await loadSharedConfigFiles({ configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true });
  const merged: Record<string, ProfileData> = {};
  for (const file of [files.configFile, files.credentialsFile]) {
    for (const [name, values] of Object.entries(file)) {
      // loadSharedConfigFiles keeps sso-session and services sections under prefixed keys.
      if (name.startsWith('sso-session.') || name.startsWith('services.')) continue;
      merged[name] = { ...merged[name], ...values };
    }
  }
  return merged;
}

/** The profiles an operator can pick, with what kind of credentials each gives. Never a key. */
export async function listProfiles(paths: SharedConfigPaths): Promise<AwsProfile[]> {
  const profiles = await readProfiles(paths);
  const sessions = await loadSsoSessionData({ configFilepath: paths.configFile }).catch(() => ({}) as Record<string, ProfileData>);
  return Object.entries(profiles)
    .map(([name, data]): AwsProfile => {
      const kind = profileKind(data);
      const ssoStartUrl = data.sso_start_url ?? (data.sso_session ? sessions[data.sso_session]?.sso_start_url : undefined);
      return {
        name,
        kind,
        ...(data.region ? { region: data.region } : {}),
        ...(kind === 'sso' && ssoStartUrl ? { ssoStartUrl } : {}),
        ...(data.role_arn ? { roleArn: data.role_arn } : {}),
      };
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** In the order the SDK's fromIni tries them (credential-provider-ini resolveProfileData). */
export function profileKind(data: ProfileData): AwsProfile['kind'] {
  if (data.role_arn && (data.source_profile || data.credential_source)) return 'assume-role';
  if (data.aws_access_key_id) return 'static';
  if (data.web_identity_token_file) return 'web-identity';
  if (data.credential_process) return 'process';
  if (data.sso_session || data.sso_start_url) return 'sso';
  return 'other';
}
