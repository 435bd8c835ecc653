import { CountryCode, DEMO_CONNECTION_ID, type AwsProfile, type Connection, type ResponseOf } from '../../../shared/contract';
import type { MessageId } from '../../i18n/messages';
import type { Translate } from '../../i18n/use-t';

// Words for connections, in the page's language (the page's `t`). Whether a value is acceptable is the
// contract's to say (the connection form checks with its schemas); the privileged side checks everything again.

export type SecretStorage = ResponseOf<'connections:list'>['secretStorage'];
export type TestResult = ResponseOf<'connections:test'>;

/** Between facts on one short line ("AWS profile ops · eu-west-1"): a mark for the eye, the same in every language. */
const SEPARATOR = ' · ';

// Region names for ISO 3166 codes, from the browser's own data (no list to keep up to date), one per language.
const regionNames = new Map<string, Intl.DisplayNames>();

/** "United States" for US (in `locale`'s words: "Vereinigte Staaten"); the code itself when the browser has no name for it. */
export function countryName(code: string, locale = 'en'): string {
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      regionNames.set(locale, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A country code the contract accepts but that names no country: the United Kingdom's common slip, or
 * two letters the browser knows no country for. (The privileged side checks phone numbering knows it.)
 */
export function countryHint(text: string, t: Translate): string | undefined {
  const code = CountryCode.safeParse(text);
  if (!code.success) return undefined;
  if (code.data === 'UK') return t('connections.country.ukIsGb');
  // Whether a country has a name is the same in every language: asked in English.
  if (countryName(code.data) === code.data) return t('connections.country.unknown', { code: code.data });
  return undefined;
}

/** "US is United States." for a typed code that names a country, else nothing: said under the field. */
export function countrySentence(text: string, t: Translate): string | undefined {
  const code = CountryCode.safeParse(text);
  if (!code.success || countryHint(text, t)) return undefined;
  return t('connections.country.named', { code: code.data, country: countryName(code.data, t.intl.locale) });
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
export function kindWords(connection: Pick<Connection, 'kind' | 'profile'>, t: Translate): string {
  switch (connection.kind) {
    case 'demo':
      return t('connections.kind.demo');
    case 'profile':
      return connection.profile ? t('connections.kind.profile', { profile: connection.profile }) : t('connections.kind.profileUnnamed');
    case 'default-chain':
      return t('connections.kind.defaultChain');
    case 'access-keys':
      return t('connections.kind.accessKeys');
  }
}

const PROFILE_KIND_WORDS: Readonly<Record<AwsProfile['kind'], MessageId>> = {
  static: 'connections.profileKind.static',
  sso: 'connections.profileKind.sso',
  'assume-role': 'connections.profileKind.assumeRole',
  process: 'connections.profileKind.process',
  'web-identity': 'connections.profileKind.webIdentity',
  other: 'connections.profileKind.other',
};

/** "SSO (IAM Identity Center) · eu-west-1": what kind of profile, and its region. */
export function describeProfile(profile: AwsProfile, t: Translate): string {
  return [t(PROFILE_KIND_WORDS[profile.kind]), profile.region ?? t('connections.profile.noRegion')].join(SEPARATOR);
}

/** The short line under a connection's name: where its credentials come from, the region, the account. */
export function describeConnection(connection: Connection, t: Translate): string {
  if (connection.kind === 'demo') return t('connections.describe.demo');
  return [kindWords(connection, t), connection.region, connection.accountId && t('connections.describe.account', { account: connection.accountId })]
    .filter(Boolean)
    .join(SEPARATOR);
}

/** The role's name out of its ARN, for short lines. */
export function roleName(roleArn: string): string {
  return roleArn.split('/').pop() || roleArn;
}

/** What happens to the typed-in keys of a saved connection, or undefined when it has none. */
export function secretsWords(connection: Connection, t: Translate): { text: string; needsKeys: boolean } | undefined {
  if (connection.kind !== 'access-keys') return undefined;
  if (!connection.secretsAvailable) return { text: t('connections.secrets.lost'), needsKeys: true };
  if (connection.secretStorage === 'memory-only') return { text: t('connections.secrets.memoryOnly'), needsKeys: false };
  return { text: t('connections.secrets.encrypted'), needsKeys: false };
}

/** Said next to the secret fields: where what is typed there will be kept. */
export function storageSentence(storage: SecretStorage, t: Translate): string {
  return storage === 'encrypted' ? t('connections.storage.encrypted') : t('connections.storage.memoryOnly');
}

/** "Connected as … (account N)" and "It sees N user pools: a, b, and c.", one sentence each. */
export function testResultLines(result: TestResult, connection: Pick<Connection, 'kind'>, t: Translate): string[] {
  const lines: string[] = [];
  if (result.identity) lines.push(t('connections.test.identity', { arn: result.identity.arn, account: result.identity.account }));
  else if (connection.kind === 'demo') lines.push(t('connections.test.demo'));
  // Who the credentials belong to is only asked of AWS itself, not of a custom endpoint.
  else lines.push(t('connections.test.customEndpoint'));
  const count = result.poolCount;
  // The pools' names as the language lists them ("a, b, and c"; "a, b und c").
  const names = t.intl.formatList(result.samplePools, { type: 'conjunction' });
  if (count === 0) lines.push(t('connections.test.noPools'));
  else if (count > result.samplePools.length) lines.push(t('connections.test.poolsSample', { count, names }));
  else lines.push(t('connections.test.pools', { count, names }));
  return lines;
}

/** A connection's name as the operator reads it: the built-in demo's in the page's language, any other as it was given. */
/** A connection's own name is data, kept as it was typed in any language: marked so (only the demo's is the page's words). */
export function connectionNameTranslate(connection: { id: string }): 'no' | undefined {
  return connection.id === DEMO_CONNECTION_ID ? undefined : 'no';
}

export function connectionName(connection: { id: string; name: string }, t: Translate): string {
  return connection.id === DEMO_CONNECTION_ID ? t('connections.kind.demo') : connection.name;
}

/** Next to the name in the connection picker: where the credentials come from and the region. */
export function pickerMeta(connection: Connection, t: Translate): string {
  const { region } = connection;
  switch (connection.kind) {
    case 'demo':
      return t('connections.picker.demo');
    case 'profile':
      return connection.profile ? t('connections.picker.profile', { profile: connection.profile, region }) : t('connections.picker.profileUnnamed', { region });
    case 'default-chain':
      return t('connections.picker.defaultChain', { region });
    case 'access-keys':
      return t('connections.picker.accessKeys', { region });
  }
}

/** In the picker's list, under a connection's name: its short line, whether the organization sets it, and whether its keys must be typed again. */
export function pickerDescription(connection: Connection, t: Translate): string {
  const lost = connection.kind !== 'demo' && !connection.secretsAvailable;
  return [describeConnection(connection, t), connection.setByOrganization && t('connections.describe.setByOrganization'), lost && t('connections.picker.reenterKeys')]
    .filter(Boolean)
    .join(SEPARATOR);
}

/** The line beside the picker: what the picker does not already say (account, role, endpoint). */
export function connectionDetails(connection: Connection, t: Translate): string {
  if (connection.kind === 'demo') return t('connections.describe.demo');
  return [
    connection.setByOrganization && t('connections.describe.setByOrganization'),
    connection.accountId && t('connections.describe.account', { account: connection.accountId }),
    connection.assumeRoleArn && t('connections.details.role', { role: roleName(connection.assumeRoleArn) }),
    !connection.secretsAvailable && t('connections.details.reenterKeys'),
  ]
    .filter(Boolean)
    .join(SEPARATOR);
}
