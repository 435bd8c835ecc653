import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getHomeDir } from '@smithy/shared-ini-file-loader';
import { profileKind, sharedConfigPaths } from '../../electron/core/aws-profiles';

describe('shared config files and profile kinds', () => {
  it('finds the files as the SDK does: the environment first, else ~/.aws, with ~/ expanded', () => {
    const home = getHomeDir();
    expect(sharedConfigPaths({})).toEqual({ configFile: join(home, '.aws', 'config'), credentialsFile: join(home, '.aws', 'credentials') });
    expect(sharedConfigPaths({ AWS_CONFIG_FILE: '/etc/aws/config', AWS_SHARED_CREDENTIALS_FILE: '~/creds' })).toEqual({
      configFile: '/etc/aws/config',
      credentialsFile: join(home, 'creds'),
    });
  });

  it('names the kind in the order the SDK tries them', () => {
    expect(profileKind({ aws_access_key_id: 'AKIA', aws_secret_access_key: 'x' })).toBe('static');
    expect(profileKind({ role_arn: 'arn:aws:iam::1:role/R', source_profile: 'base' })).toBe('assume-role');
    expect(profileKind({ role_arn: 'arn:aws:iam::1:role/R', credential_source: 'Ec2InstanceMetadata' })).toBe('assume-role');
    // A web identity profile has a role_arn too, but no source.
    expect(profileKind({ role_arn: 'arn:aws:iam::1:role/R', web_identity_token_file: '/t' })).toBe('web-identity');
    expect(profileKind({ credential_process: '/bin/creds' })).toBe('process');
    expect(profileKind({ sso_session: 'corp', sso_account_id: '1', sso_role_name: 'R' })).toBe('sso');
    expect(profileKind({ sso_start_url: 'https://x.awsapps.com/start' })).toBe('sso');
    expect(profileKind({ region: 'eu-west-1' })).toBe('other');
  });
});
