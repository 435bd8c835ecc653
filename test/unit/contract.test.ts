import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

const forgot = contract['recovery:forgotPassword'].request;
const confirm = contract['recovery:confirmForgotPassword'].request;
const base = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1', clientId: 'staffconsolepublic000001', username: 'alice.verified' };

function rejects(schema: typeof forgot | typeof confirm, request: unknown, path: string) {
  const result = schema.safeParse(request);
  expect(result.success, `expected ${path} to be rejected`).toBe(false);
  if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toContain(path);
}

describe('recovery request schemas carry the Cognito API model', () => {
  it('accept a complete ForgotPassword request with every seed-document parameter', () => {
    const parsed = forgot.parse({
      ...base,
      userContextData: { IpAddress: '203.0.113.7', EncodedData: 'abc' },
      analyticsMetadata: { AnalyticsEndpointId: 'endpoint-1' },
      clientMetadata: { ticket: 'HD-1234' },
    });
    expect(parsed.clientMetadata).toEqual({ ticket: 'HD-1234' });
  });

  it('accept Unicode usernames (letters, marks, symbols, numbers, punctuation)', () => {
    for (const username of ['zoë.ångström', 'José', '山田太郎', 'a"b', 'x\\', 'e\u0301', '+15555550142', 'user@example.com']) {
      expect(forgot.safeParse({ ...base, username }).success, username).toBe(true);
    }
  });

  it('reject usernames with spaces or control characters, or over 128 characters', () => {
    rejects(forgot, { ...base, username: 'alice verified' }, 'username');
    rejects(forgot, { ...base, username: 'tab\there' }, 'username');
    rejects(forgot, { ...base, username: '' }, 'username');
    rejects(forgot, { ...base, username: 'a'.repeat(129) }, 'username');
    expect(forgot.safeParse({ ...base, username: 'a'.repeat(128) }).success).toBe(true);
  });

  it('reject malformed client ids and pool ids', () => {
    rejects(forgot, { ...base, clientId: 'client-with-dash' }, 'clientId');
    rejects(forgot, { ...base, clientId: 'x'.repeat(129) }, 'clientId');
    rejects(forgot, { ...base, userPoolId: 'no-underscore' }, 'userPoolId');
    rejects(forgot, { ...base, userPoolId: 'us-east-1_bad!' }, 'userPoolId');
    rejects(forgot, { ...base, userPoolId: `us-east-1_${'a'.repeat(50)}` }, 'userPoolId');
  });

  it('reject codes and passwords that break the model, without echoing them', () => {
    const ok = { ...base, confirmationCode: '123456', password: 'Correct-Horse-9' };
    expect(confirm.safeParse(ok).success).toBe(true);
    rejects(confirm, { ...ok, confirmationCode: '123 456' }, 'confirmationCode');
    rejects(confirm, { ...ok, confirmationCode: 'x'.repeat(2049) }, 'confirmationCode');
    rejects(confirm, { ...ok, password: 'has a space' }, 'password');
    rejects(confirm, { ...ok, password: 'x'.repeat(257) }, 'password');
    rejects(confirm, { ...ok, password: '' }, 'password');
    const result = confirm.safeParse({ ...ok, password: 'Secret Value 42' });
    expect(JSON.stringify(result.error?.issues)).not.toContain('Secret Value 42');
  });

  it('reject unknown fields rather than silently passing them on', () => {
    rejects(forgot, { ...base, SecretHash: 'forged' }, '');
  });

  it('cap user search pages at 60 and the searched value at 200 characters', () => {
    const search = contract['users:search'].request;
    const onPool = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01' };
    expect(search.parse(onPool)).toMatchObject({ attribute: 'username', match: 'prefix', value: '', limit: 60 });
    expect(search.safeParse({ ...onPool, limit: 61 }).success).toBe(false);
    expect(search.safeParse({ ...onPool, attribute: 'custom:department' }).success).toBe(false);
    expect(search.safeParse({ ...onPool, value: 'v'.repeat(201) }).success).toBe(false);
  });

  it('search what the text shows: trimmed and composed (NFC) before any search', () => {
    const onPool = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1' };
    const decomposed = 'zoe\u0308';
    expect(contract['users:search'].request.parse({ ...onPool, value: ` ${decomposed} ` }).value).toBe('zo\u00eb');
    expect(contract['users:find'].request.parse({ ...onPool, text: `\u00a0 alice \t` }).text).toBe('alice');
    expect(contract['users:find'].request.parse({ ...onPool, text: decomposed }).text).toBe('zo\u00eb');
    // Spaces alone are nothing to find; the 200 characters count after trimming.
    expect(contract['users:find'].request.safeParse({ ...onPool, text: '   ' }).success).toBe(false);
    expect(contract['users:find'].request.safeParse({ ...onPool, text: ` ${'v'.repeat(200)} ` }).success).toBe(true);
    expect(contract['users:find'].request.safeParse({ ...onPool, text: 'v'.repeat(201) }).success).toBe(false);
  });

  it('take a connection\'s default country as two letters, in either case', () => {
    const save = contract['connections:save'].request;
    const connection = { name: 'Prod', region: 'eu-west-1', source: { kind: 'default-chain' } };
    expect(save.parse({ ...connection, defaultCountry: ' gb ' }).defaultCountry).toBe('GB');
    expect(save.parse(connection).defaultCountry).toBeUndefined();
    for (const defaultCountry of ['', 'USA', 'U5', 'United States']) {
      const result = save.safeParse({ ...connection, defaultCountry });
      expect(result.success, defaultCountry).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('defaultCountry');
    }
  });
});
