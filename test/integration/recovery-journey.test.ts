import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ResponseOf } from '../../shared/contract';
import { computeSecretHash } from '../../electron/core/secret-hash';
import { DEMO_INITIAL_PASSWORD, DEMO_STAFF_CLIENT_SECRET } from '../../electron/emulator/seed';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// The whole core, exactly as both shells use it (dispatcher → service → SDK v3), against the
// real embedded emulator.
const STAFF = 'us-east-1_AcmeStaff1';
const CUSTOMERS = 'us-east-1_AcmeCust01';
const PUBLIC_CLIENT = 'staffconsolepublic000001';
const SECRET_CLIENT = 'staffconsolesecret000001';

let t: TestBackend;
const call: TestBackend['call'] = (channel, request) => t.call(channel, request);
const fail: TestBackend['fail'] = (channel, request) => t.fail(channel, request);
const endpoint = () => t.emulator()?.endpoint ?? '';

beforeAll(async () => {
  t = await startTestBackend('journey');
});

afterAll(async () => {
  await t?.close();
});

async function newestCodeFor(username: string): Promise<string> {
  const { messages } = await call('demo:inbox', { connectionId: 'demo' });
  const message = messages.find((m) => m.username === username);
  if (!message) throw new Error(`no demo message for ${username}`);
  return message.code;
}

async function signIn(username: string, password: string, clientId: string, secret?: string) {
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: endpoint(),
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
    maxAttempts: 1,
  });
  try {
    return await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: {
          USERNAME: username,
          PASSWORD: password,
          ...(secret ? { SECRET_HASH: computeSecretHash(username, clientId, secret) } : {}),
        },
      }),
    );
  } finally {
    client.destroy();
  }
}

describe('reading pools, clients and users', () => {
  it('offers the offline demo connection', async () => {
    const { connections } = await call('connections:list', {});
    expect(connections).toContainEqual(expect.objectContaining({ id: 'demo', kind: 'demo' }));
  });

  it('lists both demo pools and describes their different policies and recovery settings', async () => {
    const { pools } = await call('pools:list', { connectionId: 'demo' });
    expect(pools.map((p) => p.id)).toEqual(expect.arrayContaining([STAFF, CUSTOMERS]));

    const staff = await call('pools:describe', { connectionId: 'demo', userPoolId: STAFF });
    expect(staff.passwordPolicy).toMatchObject({ minimumLength: 12, requireUppercase: true, requireSymbols: true });
    expect(staff.recoveryMechanisms.map((m) => m.name)).toEqual(['verified_email', 'verified_phone_number']);

    const customers = await call('pools:describe', { connectionId: 'demo', userPoolId: CUSTOMERS });
    expect(customers.passwordPolicy).toMatchObject({ minimumLength: 8, requireUppercase: false, requireSymbols: false });
    expect(customers.recoveryMechanisms.map((m) => m.name)).toEqual(['verified_phone_number', 'verified_email']);
  });

  it('says which app client has a secret without ever returning the secret', async () => {
    const result = await t.backend.dispatch('clients:list', { connectionId: 'demo', userPoolId: STAFF });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(DEMO_STAFF_CLIENT_SECRET);
    const { clients } = (result as { data: ResponseOf<'clients:list'> }).data;
    expect(clients.find((c) => c.clientId === SECRET_CLIENT)?.hasSecret).toBe(true);
    expect(clients.find((c) => c.clientId === PUBLIC_CLIENT)?.hasSecret).toBe(false);
  });

  it('pages through every one of the 250+ customers, 60 at a time, with no repeats or gaps', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call('users:search', { connectionId: 'demo', userPoolId: CUSTOMERS, limit: 60, paginationToken: token });
      expect(page.users.length).toBeLessThanOrEqual(60);
      seen.push(...page.users.map((u) => u.username));
      token = page.paginationToken;
      pages += 1;
    } while (token && pages < 50);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((u) => /^customer\d{3}$/.test(u))).toHaveLength(260);
  });

  it('finds users by email exactly and by username prefix', async () => {
    const byEmail = await call('users:search', { connectionId: 'demo', userPoolId: STAFF, attribute: 'email', match: 'exact', value: 'alice@acme.example' });
    expect(byEmail.users.map((u) => u.username)).toEqual(['alice.verified']);
    const byPrefix = await call('users:search', { connectionId: 'demo', userPoolId: CUSTOMERS, attribute: 'username', match: 'prefix', value: 'customer25' });
    expect(byPrefix.users.map((u) => u.username).sort()).toEqual(
      ['customer250', 'customer251', 'customer252', 'customer253', 'customer254', 'customer255', 'customer256', 'customer257', 'customer258', 'customer259'],
    );
  });

  it('treats quotes and backslashes in a search as literal text: no error, no extra matches', async () => {
    for (const value of ['a"b', 'x\\', '" or username ^= "', '\\"']) {
      for (const match of ['exact', 'prefix'] as const) {
        const page = await call('users:search', { connectionId: 'demo', userPoolId: STAFF, attribute: 'username', match, value });
        expect(page.users, `${match} ${value}`).toEqual([]);
      }
    }
  });

  it('reads a user with status, verified flags and attributes, Unicode usernames included', async () => {
    const alice = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'alice.verified' });
    expect(alice).toMatchObject({ status: 'CONFIRMED', enabled: true, emailVerified: true, email: 'alice@acme.example' });
    const bob = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'bob.phone-only' });
    expect(bob).toMatchObject({ phoneNumberVerified: true, emailVerified: false });
    const dave = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'dave.disabled' });
    expect(dave.enabled).toBe(false);
    const erin = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'erin.new-hire' });
    expect(erin.status).toBe('FORCE_CHANGE_PASSWORD');
    const zoe = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'zoë.ångström' });
    expect(zoe.username).toBe('zoë.ångström');
  });

  it('answers an unknown user with UserNotFound', async () => {
    expect(await fail('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'nobody.here' })).toMatchObject({ code: 'UserNotFound' });
  });
});

describe('the recovery journey', () => {
  it('sends a code through an app client with a secret, rejects a wrong code, accepts the right one, and the user signs in', async () => {
    const target = { connectionId: 'demo', userPoolId: STAFF, clientId: SECRET_CLIENT, username: 'alice.verified' };
    const sent = await call('recovery:forgotPassword', { ...target, clientMetadata: { ticket: 'HD-1001' } });
    expect(sent.codeDeliveryDetails).toMatchObject({ deliveryMedium: 'EMAIL', attributeName: 'email' });
    expect(Date.now() - Date.parse(sent.sentAt)).toBeLessThan(60_000);

    const code = await newestCodeFor('alice.verified');
    expect(code).toMatch(/^\S+$/);
    const wrong = code === '000000' ? '111111' : '000000';

    const mismatch = await fail('recovery:confirmForgotPassword', { ...target, confirmationCode: wrong, password: 'Brand-New-Pass-42' });
    expect(mismatch).toMatchObject({ code: 'CodeMismatch', retryable: false });
    expect(JSON.stringify(mismatch)).not.toContain('Brand-New-Pass-42');

    const confirmed = await call('recovery:confirmForgotPassword', { ...target, confirmationCode: code, password: 'Brand-New-Pass-42' });
    expect(Date.parse(confirmed.confirmedAt)).not.toBeNaN();

    const auth = await signIn('alice.verified', 'Brand-New-Pass-42', SECRET_CLIENT, DEMO_STAFF_CLIENT_SECRET);
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(signIn('alice.verified', DEMO_INITIAL_PASSWORD, SECRET_CLIENT, DEMO_STAFF_CLIENT_SECRET)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    const after = await call('users:get', { connectionId: 'demo', userPoolId: STAFF, username: 'alice.verified' });
    expect(after.status).toBe('CONFIRMED');
  });

  it('recovers a user with a Unicode username through a client without a secret', async () => {
    const target = { connectionId: 'demo', userPoolId: STAFF, clientId: PUBLIC_CLIENT, username: 'zoë.ångström' };
    await call('recovery:forgotPassword', target);
    const code = await newestCodeFor('zoë.ångström');
    await call('recovery:confirmForgotPassword', { ...target, confirmationCode: code, password: 'Ünïcode-Pass-42!' });
    const auth = await signIn('zoë.ångström', 'Ünïcode-Pass-42!', PUBLIC_CLIENT);
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('never sends invalid input: nothing reaches the emulator and no code is delivered', async () => {
    const before = (await call('demo:inbox', { connectionId: 'demo' })).messages.length;
    const error = await fail('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: PUBLIC_CLIENT, username: 'frank both' });
    expect(error).toMatchObject({ code: 'InvalidRequest' });
    expect(error.issues?.map((i) => i.path)).toEqual(['username']);
    expect((await call('demo:inbox', { connectionId: 'demo' })).messages.length).toBe(before);
  });

  it('answers an unknown user on a LEGACY client with UserNotFound and delivers nothing', async () => {
    const before = (await call('demo:inbox', { connectionId: 'demo' })).messages.length;
    const error = await fail('recovery:forgotPassword', { connectionId: 'demo', userPoolId: STAFF, clientId: PUBLIC_CLIENT, username: 'nobody.here' });
    expect(error.code).toBe('UserNotFound');
    expect((await call('demo:inbox', { connectionId: 'demo' })).messages.length).toBe(before);
  });

  it('refuses an unknown connection with its own error', async () => {
    expect(await fail('pools:list', { connectionId: 'prod-eu' })).toMatchObject({ code: 'ConnectionNotFound' });
  });
});
