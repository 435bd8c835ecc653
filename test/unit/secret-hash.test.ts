import { describe, expect, it } from 'vitest';
import { computeSecretHash } from '../../electron/core/secret-hash';

// Vectors computed independently with OpenSSL:
//   printf '%s' "$USERNAME$CLIENT_ID" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
describe('computeSecretHash', () => {
  it('matches an OpenSSL-computed HMAC-SHA256 over username + client id', () => {
    expect(
      computeSecretHash('alice.verified', 'staffconsolesecret000001', 'k7Zq2mW9xR4tY8uP1sD6fG3hJ5lA0cV2bN7mQ9wE4rT6yU8iO1pS'),
    ).toBe('9MHTScul2lD2H4ZoP18DDUxwBe8QYQxwMdkF1rN6kSs=');
  });

  it('hashes a Unicode username as UTF-8', () => {
    expect(computeSecretHash('zoë.ångström', 'abc123', 'secretsecretsecretsecret')).toBe(
      'JsX8pDMV5WEVS7KPX9uCsvgqLemsH9i9Q+JE0fJfaSA=',
    );
  });

  it('depends on the exact username sent, so an alias gets its own hash', () => {
    const secret = 'secretsecretsecretsecret';
    expect(computeSecretHash('alice@acme.example', 'abc123', secret)).not.toBe(computeSecretHash('alice.verified', 'abc123', secret));
  });
});
