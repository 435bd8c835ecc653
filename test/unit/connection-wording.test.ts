import { describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/contract';
import {
  connectionDetails,
  countryHint,
  countryName,
  countrySentence,
  describeConnection,
  describeProfile,
  kindWords,
  pickerDescription,
  pickerMeta,
  secretsWords,
  storageSentence,
  testResultLines,
} from '../../renderer/features/connections/connection-wording';
import { translate } from '../support/translate';

const en = translate('en');
const de = translate('de');

const demo: Connection = { id: 'demo', name: 'Offline demo', kind: 'demo', region: 'us-east-1', needsMfaCode: false, secretsAvailable: true, builtIn: true };
const keys: Connection = {
  id: 'branch',
  name: 'Branch',
  kind: 'access-keys',
  region: 'eu-west-1',
  needsMfaCode: false,
  secretStorage: 'memory-only',
  secretsAvailable: true,
  builtIn: false,
};
const profile: Connection = { ...keys, id: 'ops', kind: 'profile', profile: 'helpdesk-sso', secretStorage: undefined, accountId: '123456789012' };

describe('connection words', () => {
  it('names countries in the page’s language, and says which typed codes name none', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('QQ', 'de')).toBe('QQ');
    expect(countryHint('uk', en)).toBe(en('connections.country.ukIsGb'));
    expect(countryHint('QQ', en)).toBe(en('connections.country.unknown', { code: 'QQ' }));
    expect(countryHint('Britain', en)).toBeUndefined();
    expect(countryHint('gb', en)).toBeUndefined();
    expect(countrySentence('gb', en)).toBe(en('connections.country.named', { code: 'GB', country: 'United Kingdom' }));
    expect(countrySentence('us', de)).toBe('US steht für Vereinigte Staaten.');
    expect(countrySentence('uk', en)).toBeUndefined();
    expect(countrySentence('', en)).toBeUndefined();
  });

  it('says where the credentials come from, the region and the account', () => {
    expect(kindWords(profile, en)).toBe(en('connections.kind.profile', { profile: 'helpdesk-sso' }));
    expect(kindWords({ kind: 'profile' }, en)).toBe(en('connections.kind.profileUnnamed'));
    expect(kindWords({ kind: 'default-chain' }, en)).toBe(en('connections.kind.defaultChain'));
    expect(describeConnection(demo, en)).toBe(en('connections.describe.demo'));
    expect(describeConnection(profile, en)).toBe(
      [en('connections.kind.profile', { profile: 'helpdesk-sso' }), 'eu-west-1', en('connections.describe.account', { account: '123456789012' })].join(' · '),
    );
    expect(describeConnection(profile, de)).toBe('AWS-Profil helpdesk-sso · eu-west-1 · Konto 123456789012');
    expect(describeProfile({ name: 'helpdesk-sso', kind: 'sso', region: 'eu-west-1' }, en)).toBe(`${en('connections.profileKind.sso')} · eu-west-1`);
    expect(describeProfile({ name: 'legacy', kind: 'assume-role' }, en)).toBe(`${en('connections.profileKind.assumeRole')} · ${en('connections.profile.noRegion')}`);
  });

  it('in the picker: the kind and region in short, and a connection whose keys are gone', () => {
    expect(pickerMeta(demo, en)).toBe(en('connections.picker.demo'));
    expect(pickerMeta(profile, en)).toBe(en('connections.picker.profile', { profile: 'helpdesk-sso', region: 'eu-west-1' }));
    expect(pickerMeta(keys, en)).toBe(en('connections.picker.accessKeys', { region: 'eu-west-1' }));
    expect(pickerDescription(keys, en)).toBe(describeConnection(keys, en));
    expect(pickerDescription({ ...keys, secretsAvailable: false }, en)).toBe(`${describeConnection(keys, en)} · ${en('connections.picker.reenterKeys')}`);
    expect(connectionDetails(demo, en)).toBe(en('connections.describe.demo'));
    expect(connectionDetails(keys, en)).toBe('');
    expect(connectionDetails({ ...profile, assumeRoleArn: 'arn:aws:iam::123456789012:role/Helpdesk', secretsAvailable: false }, en)).toBe(
      [
        en('connections.describe.account', { account: '123456789012' }),
        en('connections.details.role', { role: 'Helpdesk' }),
        en('connections.details.reenterKeys'),
      ].join(' · '),
    );
  });

  it('says where typed keys are kept, and when they must be typed again', () => {
    expect(secretsWords(profile, en)).toBeUndefined();
    expect(secretsWords(keys, en)).toEqual({ text: en('connections.secrets.memoryOnly'), needsKeys: false });
    expect(secretsWords({ ...keys, secretStorage: 'encrypted' }, en)).toEqual({ text: en('connections.secrets.encrypted'), needsKeys: false });
    expect(secretsWords({ ...keys, secretsAvailable: false }, en)).toEqual({ text: en('connections.secrets.lost'), needsKeys: true });
    expect(storageSentence('encrypted', en)).toBe(en('connections.storage.encrypted'));
    expect(storageSentence('memory-only', en)).toBe(en('connections.storage.memoryOnly'));
  });

  it('words a test: who the keys are, and the pools seen, counted in the language', () => {
    const testedAt = '2026-11-26T11:24:05Z';
    const identity = { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/Helpdesk/dana', userId: 'AROA:dana' };
    expect(testResultLines({ identity, poolCount: 0, samplePools: [], testedAt }, profile, en)).toEqual([
      en('connections.test.identity', { arn: identity.arn, account: identity.account }),
      en('connections.test.noPools'),
    ]);
    expect(testResultLines({ poolCount: 1, samplePools: ['Acme Staff'], testedAt }, demo, en)).toEqual([
      en('connections.test.demo'),
      'It sees 1 user pool: Acme Staff.',
    ]);
    const seven = { poolCount: 7, samplePools: ['a', 'b', 'c', 'd', 'e'], testedAt };
    expect(testResultLines(seven, keys, en)).toEqual([en('connections.test.customEndpoint'), 'It sees 7 user pools, among them a, b, c, d, and e.']);
    expect(testResultLines({ poolCount: 2, samplePools: ['Acme Staff', 'Acme Customers'], testedAt }, demo, de)).toEqual([
      'Die Offline-Demo antwortet.',
      'Über diese Verbindung sind 2 Benutzerpools sichtbar: Acme Staff und Acme Customers.',
    ]);
    expect(testResultLines({ poolCount: 1, samplePools: ['Acme Staff'], testedAt }, demo, de)[1]).toBe('Über diese Verbindung ist 1 Benutzerpool sichtbar: Acme Staff.');
    expect(testResultLines(seven, keys, de)[1]).toBe('Über diese Verbindung sind 7 Benutzerpools sichtbar, darunter a, b, c, d und e.');
  });
});
