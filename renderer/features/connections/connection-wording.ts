import { CountryCode, type AwsProfile, type Connection, type ResponseOf } from '../../../shared/contract';

// Words for connections. Whether a value is acceptable is the contract's to say (the connection form
// checks with its schemas); the privileged side checks everything again.

export type SecretStorage = ResponseOf<'connections:list'>['secretStorage'];
export type TestResult = ResponseOf<'connections:test'>;

// Region names for ISO 3166 codes, from the browser's own data (no list to keep up to date).
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "United States" for US; the code itself when the browser has no name for it. */
export function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A country code the contract accepts but that names no country: the United Kingdom's common slip, or
 * two letters the browser knows no country for. (The privileged side checks phone numbering knows it.)
 */
export function countryHint(text: string): string | undefined {
  const code = CountryCode.safeParse(text);
  if (!code.success) return undefined;
  if (code.data === 'UK') return 'The United Kingdom’s code is GB.';
  if (countryName(code.data) === code.data) return `${code.data} is not a country code. Use two letters such as US or GB.`;
  return undefined;
}

/** " US is United States." for a typed code that names a country, else nothing: said under the field. */
export function countrySentence(text: string): string {
  const code = CountryCode.safeParse(text);
  return code.success && !countryHint(text) ? ` ${code.data} is ${countryName(code.data)}.` : '';
}

/** Regions with Amazon Cognito user pools, most used first within each area. Any other region can be typed. */
export const COMMON_REGIONS: readonly { id: string; name: string }[] = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-east-2', name: 'US East (Ohio)' },
  { id: 'us-west-1', name: 'US West (N. California)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'ca-central-1', name: 'Canada (Central)' },
  { id: 'ca-west-1', name: 'Canada West (Calgary)' },
  { id: 'sa-east-1', name: 'South America (São Paulo)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
  { id: 'eu-west-2', name: 'Europe (London)' },
  { id: 'eu-west-3', name: 'Europe (Paris)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-central-2', name: 'Europe (Zurich)' },
  { id: 'eu-north-1', name: 'Europe (Stockholm)' },
  { id: 'eu-south-1', name: 'Europe (Milan)' },
  { id: 'eu-south-2', name: 'Europe (Spain)' },
  { id: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { id: 'me-south-1', name: 'Middle East (Bahrain)' },
  { id: 'me-central-1', name: 'Middle East (UAE)' },
  { id: 'af-south-1', name: 'Africa (Cape Town)' },
  { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { id: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { id: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { id: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { id: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { id: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
  { id: 'us-gov-east-1', name: 'AWS GovCloud (US-East)' },
];

/** Where the credentials come from, in a few words. */
export function kindWords(connection: Pick<Connection, 'kind' | 'profile'>): string {
  switch (connection.kind) {
    case 'demo':
      return 'Offline demo';
    case 'profile':
      return connection.profile ? `AWS profile ${connection.profile}` : 'AWS profile';
    case 'default-chain':
      return 'Default AWS credentials';
    case 'access-keys':
      return 'Access keys';
  }
}

export const PROFILE_KIND_WORDS: Record<AwsProfile['kind'], string> = {
  static: 'Static keys',
  sso: 'SSO (IAM Identity Center)',
  'assume-role': 'Assumes a role',
  process: 'Credential process',
  'web-identity': 'Web identity',
  other: 'Other',
};

export function describeProfile(profile: AwsProfile): string {
  return [PROFILE_KIND_WORDS[profile.kind], profile.region ?? 'no region set'].join(' · ');
}

/** The short line under a connection's name: where its credentials come from, the region, the account. */
export function describeConnection(connection: Connection): string {
  if (connection.kind === 'demo') return 'Offline demo data, ready to use';
  return [kindWords(connection), connection.region, connection.accountId && `account ${connection.accountId}`].filter(Boolean).join(' · ');
}

/** The role's name out of its ARN, for short lines. */
export function roleName(roleArn: string): string {
  return roleArn.split('/').pop() || roleArn;
}

/** What happens to the typed-in keys of a saved connection, or undefined when it has none. */
export function secretsWords(connection: Connection): { text: string; needsKeys: boolean } | undefined {
  if (connection.kind !== 'access-keys') return undefined;
  if (!connection.secretsAvailable) return { text: 'Re-enter keys: this session has restarted', needsKeys: true };
  if (connection.secretStorage === 'memory-only') {
    return { text: 'Kept in memory until you close Recovery Desk (browser shell)', needsKeys: false };
  }
  return { text: 'Encrypted on this computer', needsKeys: false };
}

/** Said next to the secret fields: where what is typed there will be kept. */
export function storageSentence(storage: SecretStorage): string {
  return storage === 'encrypted'
    ? 'Keys you type here are encrypted on this computer. They are never shown again, here or anywhere else.'
    : 'Keys you type here are kept in memory only, until you close Recovery Desk (browser shell); then you type them again. They are never shown again.';
}

/** "Connected as … (account N)" and "It sees N pools: a, b, c…", one sentence each. */
export function testResultLines(result: TestResult, connection: Pick<Connection, 'kind'>): string[] {
  const lines: string[] = [];
  if (result.identity) lines.push(`Connected as ${result.identity.arn} (account ${result.identity.account}).`);
  else if (connection.kind === 'demo') lines.push('The offline demo answers.');
  // Who the credentials belong to is only asked of AWS itself, not of a custom endpoint.
  else lines.push('Connected to the custom endpoint (it does not say whose keys these are).');
  if (result.poolCount === 0) {
    lines.push('It sees no user pools in this region.');
  } else {
    const more = result.poolCount > result.samplePools.length ? '…' : '';
    const noun = result.poolCount === 1 ? 'user pool' : 'user pools';
    lines.push(`It sees ${result.poolCount} ${noun}: ${result.samplePools.join(', ')}${more}.`);
  }
  return lines;
}

/** The `aws sso login` command an SsoLoginRequired error names, if any. */
export function ssoLoginCommand(...texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    // The profile is bare, or quoted when it has other characters (as electron/core writes it).
    const match = text?.match(/aws sso login(?:\s+--profile\s+(?:"[^"]*"|[\w+=,.@:/-]+))?/);
    if (match) return match[0].replace(/(?<!")[.,:]+$/, '');
  }
  return undefined;
}

/** Next to the name in the connection picker: where the credentials come from and the region. */
export function pickerMeta(connection: Connection): string {
  if (connection.kind === 'demo') return 'practice data, offline';
  const kind =
    connection.kind === 'profile' ? `profile ${connection.profile ?? ''}`.trim() : connection.kind === 'default-chain' ? 'default credentials' : 'access keys';
  return `${kind} · ${connection.region}`;
}

/** The line beside the picker: what the picker does not already say (account, role, endpoint). */
export function connectionDetails(connection: Connection): string {
  if (connection.kind === 'demo') return 'Offline demo data, ready to use';
  return [
    connection.accountId && `account ${connection.accountId}`,
    connection.assumeRoleArn && `role ${roleName(connection.assumeRoleArn)}`,
    !connection.secretsAvailable && 're-enter its keys (Manage connections)',
  ]
    .filter(Boolean)
    .join(' · ');
}
