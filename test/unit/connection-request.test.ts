import { describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/contract';
import {
  connectionFormSchema,
  connectionFormValues,
  fieldOfIssuePath,
  shownRegion,
  toSaveRequest,
  type ConnectionFormContext,
  type ConnectionFormValues,
} from '../../renderer/features/connections/connection-request';
import type { Translate } from '../../renderer/i18n/use-t';
import { translate } from '../support/translate';

const en = translate('en');
const de = translate('de');

const profiles = [
  { name: 'default', kind: 'static', region: 'us-east-1' },
  { name: 'helpdesk-sso', kind: 'sso', region: 'eu-west-1' },
] as const;
const context: ConnectionFormContext = { profiles: [...profiles], defaultRegion: 'us-west-2' };

const savedKeys: Connection = {
  id: 'branch',
  name: 'Branch',
  kind: 'access-keys',
  region: 'us-east-1',
  needsMfaCode: false,
  secretsAvailable: true,
  builtIn: false,
};

function form(change: (values: ConnectionFormValues) => void = () => {}): ConnectionFormValues {
  const values = connectionFormValues(undefined);
  values.name = 'Production';
  change(values);
  return values;
}

/** Each refused field's path and message, in the contract's order (focus follows the page's), in a language. */
function refusals(values: ConnectionFormValues, with_: ConnectionFormContext = context, t: Translate = en): string[][] {
  return connectionFormSchema(with_, t).safeParse(values).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];
}

describe('the connection form', () => {
  it('starts from the edited connection, without its secrets', () => {
    const values = connectionFormValues({ ...savedKeys, endpoint: 'http://127.0.0.1:9229', defaultCountry: 'US', assumeRoleArn: 'arn:aws:iam::123456789012:role/Helpdesk' });
    expect(values).toEqual({
      name: 'Branch',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9229',
      defaultCountry: 'US',
      source: { kind: 'access-keys', profile: undefined, accessKeyId: '', secretAccessKey: '', sessionToken: '' },
      assumeRole: { enabled: true, roleArn: 'arn:aws:iam::123456789012:role/Helpdesk', externalId: '', mfaSerial: '' },
    });
  });

  it('shows the typed region, else the chosen profile\'s, else AWS_REGION', () => {
    expect(shownRegion(form(), context)).toBe('us-east-1');
    expect(shownRegion(form(), { ...context, defaultProfile: 'helpdesk-sso' })).toBe('eu-west-1');
    expect(shownRegion(form((v) => (v.source.profile = 'helpdesk-sso')), context)).toBe('eu-west-1');
    expect(shownRegion(form((v) => (v.region = 'ap-south-1')), context)).toBe('ap-south-1');
    expect(shownRegion(form((v) => (v.source.kind = 'default-chain')), context)).toBe('us-west-2');
    expect(shownRegion(form(), { profiles: [] })).toBe('');
  });

  it('makes the connections:save request: the suggestion when nothing was chosen, blank optional fields left out, the role only when switched on', () => {
    expect(toSaveRequest(form((v) => (v.endpoint = '  ')), context)).toEqual({ name: 'Production', region: 'us-east-1', source: { kind: 'profile', profile: 'default' } });
    const keys = form((v) => {
      v.source.kind = 'access-keys';
      v.source.accessKeyId = ' AKIAIOSFODNN7EXAMPLE ';
      v.source.secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
      v.region = ' eu-west-1 ';
      v.endpoint = 'http://127.0.0.1:9229';
      v.defaultCountry = 'gb';
      v.assumeRole = { enabled: true, roleArn: 'arn:aws:iam::123456789012:role/Helpdesk', externalId: '', mfaSerial: 'arn:aws:iam::123456789012:mfa/dana' };
    });
    expect(toSaveRequest(keys, { ...context, editing: savedKeys })).toEqual({
      connectionId: 'branch',
      name: 'Production',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9229',
      defaultCountry: 'gb',
      source: { kind: 'access-keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      assumeRole: { roleArn: 'arn:aws:iam::123456789012:role/Helpdesk', mfaSerial: 'arn:aws:iam::123456789012:mfa/dana' },
    });
    keys.assumeRole.enabled = false;
    keys.source.kind = 'default-chain';
    expect(toSaveRequest(keys, context)).not.toHaveProperty('assumeRole');
    expect(toSaveRequest(keys, context).source).toEqual({ kind: 'default-chain' });
  });

  it("refuses with the contract's messages, on the fields that hold the values", () => {
    expect(
      refusals(
        form((v) => {
          v.name = ' ';
          v.region = 'Europe West';
          v.endpoint = 'ftp://files.example.com';
          v.defaultCountry = 'Britain';
          v.assumeRole = { enabled: true, roleArn: 'helpdesk-role', externalId: '', mfaSerial: '' };
        }),
      ),
    ).toEqual([
      ['name', 'Give the connection a name, for example “Production (eu-west-1)”.'],
      ['region', 'A region looks like eu-west-1: lower-case letters, dashes and a number, no spaces.'],
      ['endpoint', 'An endpoint starts with http:// or https://, for example https://cognito.example.com or http://127.0.0.1:9229.'],
      ['assumeRole.roleArn', 'A role ARN looks like arn:aws:iam::123456789012:role/Helpdesk.'],
      ['defaultCountry', 'A country is its two-letter code (ISO 3166), for example US or GB.'],
    ]);
    expect(refusals(form((v) => (v.name = 'x'.repeat(81))))).toEqual([['name', 'A connection name has at most 80 characters; this one has 81.']]);
    expect(refusals(form(), { profiles: [] })).toEqual([
      ['region', 'Choose a region, for example eu-west-1.'],
      ['source.profile', 'Choose the AWS profile to use.'],
    ]);
  });

  it('asks for the keys this screen needs, and names a country code that names no country', () => {
    const newKeys = form((v) => (v.source.kind = 'access-keys'));
    expect(refusals(newKeys)).toEqual([
      ['source.accessKeyId', en('connections.form.accessKeyId.missing')],
      ['source.secretAccessKey', en('connections.form.secretAccessKey.missing')],
    ]);
    // Saved keys: both empty keep them; one typed means replacing both.
    expect(refusals(newKeys, { ...context, editing: savedKeys })).toEqual([]);
    newKeys.source.accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
    expect(refusals(newKeys, { ...context, editing: savedKeys })).toEqual([
      ['source.secretAccessKey', en('connections.form.secretAccessKey.missingForNewKeyId')],
    ]);
    expect(refusals(form((v) => (v.defaultCountry = 'uk')))).toEqual([['defaultCountry', en('connections.country.ukIsGb')]]);
    expect(refusals(form((v) => (v.defaultCountry = 'QQ')))).toEqual([['defaultCountry', en('connections.country.unknown', { code: 'QQ' })]]);
    expect(refusals(form((v) => (v.defaultCountry = 'us')))).toEqual([]);
  });

  it("says the form's own problems in the operator's language", () => {
    expect(refusals(form((v) => (v.source.kind = 'access-keys')), context, de)).toEqual([
      ['source.accessKeyId', 'Geben Sie die Zugriffsschlüssel-ID ein.'],
      ['source.secretAccessKey', 'Geben Sie den geheimen Zugriffsschlüssel ein.'],
    ]);
    expect(refusals(form((v) => (v.defaultCountry = 'QQ')), context, de)).toEqual([['defaultCountry', 'QQ ist kein Ländercode. Verwenden Sie zwei Buchstaben wie DE oder AT.']]);
  });

  it('outputs the request the contract parsed', () => {
    expect(connectionFormSchema(context, en).parse(form((v) => (v.defaultCountry = ' us ')))).toEqual({
      name: 'Production',
      region: 'us-east-1',
      defaultCountry: 'US',
      source: { kind: 'profile', profile: 'default' },
    });
  });

  it("puts the privileged side's issues on the fields that hold their paths", () => {
    expect(fieldOfIssuePath('endpoint')).toBe('endpoint');
    expect(fieldOfIssuePath('source.accessKeyId')).toBe('source.accessKeyId');
    expect(fieldOfIssuePath('source')).toBe('source.kind');
    expect(fieldOfIssuePath('assumeRole')).toBe('assumeRole.roleArn');
    expect(fieldOfIssuePath('assumeRole.sessionName')).toBeUndefined();
    expect(fieldOfIssuePath('(request)')).toBeUndefined();
  });
});
