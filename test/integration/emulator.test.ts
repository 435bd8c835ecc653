import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  NotAuthorizedException,
  paginateListUsers,
  ResourceNotFoundException,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DemoMessage } from '../../shared/contract';
import { computeSecretHash } from '../../electron/core/secret-hash';
import {
  DEMO_ADMIN_ONLY_POOL_ID,
  DEMO_CUSTOMER_CLIENT_ID,
  DEMO_CUSTOMER_COUNT,
  DEMO_CUSTOMER_POOL_ID,
  DEMO_CUSTOMER_USERS,
  DEMO_INITIAL_PASSWORD,
  DEMO_LEGACY_POOL_ID,
  DEMO_STAFF_CLIENT_SECRET,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_SECRET_CLIENT_ID,
  DEMO_STAFF_USERS,
  demoCustomerUsername,
  startDemoEmulator,
  type DemoEmulator,
} from '../../electron/emulator';

const NEW_PASSWORD = 'Reset-by-helpdesk-42!';

function sdkClient(emulator: DemoEmulator): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
    maxAttempts: 1,
  });
}

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

function signIn(client: CognitoIdentityProviderClient, clientId: string, username: string, password: string) {
  return client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
}

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('offline demo emulator', () => {
  const tempDirs: string[] = [];
  const terminal: MockInstance[] = [];
  let dataDir: string;
  let emulator: DemoEmulator;
  let client: CognitoIdentityProviderClient;

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'recovery-desk-emulator-'));
    tempDirs.push(dir);
    return dir;
  }

  beforeAll(async () => {
    // The SDK v3 client itself (the test's, not the emulator's) warns once per process on Node < 22;
    // let it do so before the terminal is watched.
    new CognitoIdentityProviderClient({ region: 'us-east-1' }).destroy();
    await new Promise((resolve) => setImmediate(resolve)); // process warnings are written a tick later
    // Installed before the first start, so output while cognito-local loads is caught too.
    // (Vitest routes console.* itself, so console is watched as well as the streams.)
    terminal.push(vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) terminal.push(vi.spyOn(console, method));
    dataDir = await tempDir();
    emulator = await startDemoEmulator({ dataDir });
    client = sdkClient(emulator);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
    for (const spy of terminal) spy.mockRestore();
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('listens on 127.0.0.1 at a free port and reports it as the endpoint', () => {
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.endpoint).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.region).toBe('us-east-1');
  });

  it('keeps cognito-local data in its own folder: clients.json and one file per pool', async () => {
    const pools = [DEMO_ADMIN_ONLY_POOL_ID, DEMO_CUSTOMER_POOL_ID, DEMO_LEGACY_POOL_ID, DEMO_STAFF_POOL_ID];
    expect((await readdir(join(dataDir, 'emulator'))).sort()).toEqual(['clients.json', ...pools.map((id) => `${id}.json`)].sort());
  });

  it('seeds the pools with their password policies and recovery settings', async () => {
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(pools.UserPools?.map((pool) => [pool.Id, pool.Name])).toEqual([
      [DEMO_ADMIN_ONLY_POOL_ID, 'Acme Admin-only'],
      [DEMO_CUSTOMER_POOL_ID, 'Acme Customers'],
      [DEMO_LEGACY_POOL_ID, 'Acme Legacy'],
      [DEMO_STAFF_POOL_ID, 'Acme Staff'],
    ]);
    expect(pools.NextToken).toBeUndefined();

    const { UserPool: staff } = await client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_STAFF_POOL_ID }));
    expect(staff?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
      PasswordHistorySize: 3,
    });
    expect(staff?.AccountRecoverySetting?.RecoveryMechanisms).toEqual([
      { Name: 'verified_email', Priority: 1 },
      { Name: 'verified_phone_number', Priority: 2 },
    ]);
    expect(staff?.AliasAttributes).toEqual(['email', 'preferred_username']);
    expect(staff?.AutoVerifiedAttributes).toEqual(['email']);
    expect(staff?.MfaConfiguration).toBe('OPTIONAL');
    // Not cognito-local's CLI default of ["email"]: usernames are free-form.
    expect(staff?.UsernameAttributes ?? []).toEqual([]);

    const { UserPool: customers } = await client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID }));
    expect(customers?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 8,
      RequireUppercase: false,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: false,
    });
    expect(customers?.AccountRecoverySetting?.RecoveryMechanisms).toEqual([
      { Name: 'verified_phone_number', Priority: 1 },
      { Name: 'verified_email', Priority: 2 },
    ]);
    // Optional, so a customer can have SMS MFA.
    expect(customers?.MfaConfiguration).toBe('OPTIONAL');

    const { UserPool: adminOnly } = await client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_ADMIN_ONLY_POOL_ID }));
    expect(adminOnly?.AccountRecoverySetting?.RecoveryMechanisms).toEqual([{ Name: 'admin_only', Priority: 1 }]);
    const { UserPool: legacy } = await client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_LEGACY_POOL_ID }));
    expect(legacy?.AccountRecoverySetting).toBeUndefined();
  });

  it('seeds app clients with and without a secret; only DescribeUserPoolClient reveals it', async () => {
    const staffClients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: DEMO_STAFF_POOL_ID, MaxResults: 60 }));
    expect(staffClients.UserPoolClients).toEqual([
      { ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, ClientName: 'staff-portal (no secret)', UserPoolId: DEMO_STAFF_POOL_ID },
      { ClientId: DEMO_STAFF_SECRET_CLIENT_ID, ClientName: 'staff-backend (secret)', UserPoolId: DEMO_STAFF_POOL_ID },
    ]);

    const secret = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: DEMO_STAFF_POOL_ID, ClientId: DEMO_STAFF_SECRET_CLIENT_ID }));
    expect(secret.UserPoolClient?.ClientSecret).toBe(DEMO_STAFF_CLIENT_SECRET);
    expect(DEMO_STAFF_CLIENT_SECRET).toMatch(/^[A-Za-z0-9]{52}$/);
    expect(secret.UserPoolClient?.PreventUserExistenceErrors).toBe('LEGACY');
    expect(secret.UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

    const open = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: DEMO_STAFF_POOL_ID, ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID }));
    expect(open.UserPoolClient?.ClientSecret).toBeUndefined();

    const customer = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, ClientId: DEMO_CUSTOMER_CLIENT_ID }));
    expect(customer.UserPoolClient).toMatchObject({ ClientName: 'customer-app', PreventUserExistenceErrors: 'ENABLED' });
    expect(customer.UserPoolClient?.ClientSecret).toBeUndefined();
  });

  it('pages pools and clients by MaxResults with NextToken', async () => {
    const first = await client.send(new ListUserPoolsCommand({ MaxResults: 3 }));
    expect(first.UserPools?.map((pool) => pool.Id)).toEqual([DEMO_ADMIN_ONLY_POOL_ID, DEMO_CUSTOMER_POOL_ID, DEMO_LEGACY_POOL_ID]);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await client.send(new ListUserPoolsCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(second.UserPools?.map((pool) => pool.Id)).toEqual([DEMO_STAFF_POOL_ID]);
    expect(second.NextToken).toBeUndefined();

    const clients1 = await client.send(new ListUserPoolClientsCommand({ UserPoolId: DEMO_STAFF_POOL_ID, MaxResults: 1 }));
    expect(clients1.UserPoolClients).toHaveLength(1);
    const clients2 = await client.send(new ListUserPoolClientsCommand({ UserPoolId: DEMO_STAFF_POOL_ID, MaxResults: 1, NextToken: clients1.NextToken }));
    expect(clients2.NextToken).toBeUndefined();
    expect([clients1, clients2].flatMap((page) => page.UserPoolClients?.map((c) => c.ClientId))).toEqual([DEMO_STAFF_PUBLIC_CLIENT_ID, DEMO_STAFF_SECRET_CLIENT_ID]);

    // A pool's client token is no good for another pool.
    const wrongPool = await failure(
      client.send(new ListUserPoolClientsCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, MaxResults: 1, NextToken: clients1.NextToken })),
    );
    expect(wrongPool).toBeInstanceOf(InvalidParameterException);

    const noMax = await failure(client.send(new ListUserPoolsCommand({ MaxResults: undefined as unknown as number })));
    expect(noMax).toBeInstanceOf(InvalidParameterException);
  });

  it('pages through every customer with Limit 60: no duplicates, none missing, stable order', async () => {
    const pages: UserType[][] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Limit: 60, PaginationToken: token }));
      pages.push(page.Users ?? []);
      token = page.PaginationToken;
    } while (token !== undefined && pages.length < 20);

    const expected = [
      DEMO_STAFF_USERS.verified,
      ...Object.values(DEMO_CUSTOMER_USERS),
      ...Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, i) => demoCustomerUsername(i + 1)),
    ];
    const usernames = pages.flat().map((user) => user.Username);
    expect(pages.map((page) => page.length)).toEqual([60, 60, 60, 60, 26]);
    // The special cases sort first, so the list still ends with the last customer.
    expect(usernames.at(-1)).toBe(demoCustomerUsername(DEMO_CUSTOMER_COUNT));
    expect(new Set(usernames).size).toBe(usernames.length);
    expect([...usernames].sort()).toEqual([...expected].sort());
    expect(usernames).toEqual([...usernames].sort());

    // The SDK's own paginator understands the tokens.
    let viaPaginator = 0;
    for await (const page of paginateListUsers({ client, pageSize: 25 }, { UserPoolId: DEMO_CUSTOMER_POOL_ID })) {
      expect(page.Users?.length ?? 0).toBeLessThanOrEqual(25);
      viaPaginator += page.Users?.length ?? 0;
    }
    expect(viaPaginator).toBe(expected.length);
  });

  it('returns a seeded customer with their attributes', async () => {
    const { Users } = await client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Filter: 'email = "customer042@example.net"' }));
    expect(Users).toHaveLength(1);
    const attributes = Object.fromEntries((Users?.[0]?.Attributes ?? []).map((a) => [a.Name, a.Value]));
    expect(Users?.[0]).toMatchObject({ Username: 'customer042', Enabled: true, UserStatus: 'CONFIRMED' });
    expect(attributes).toMatchObject({
      email: 'customer042@example.net',
      email_verified: 'true',
      phone_number: '+15550100042',
      phone_number_verified: 'true',
    });
    expect(attributes.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(attributes.name).toBe(`${attributes.given_name} ${attributes.family_name}`);
  });

  it('filters by prefix across pages, and a token only continues the same filter', async () => {
    const usernames: string[] = [];
    let token: string | undefined;
    let firstToken: string | undefined;
    do {
      const page = await client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Filter: 'username ^= "cust"', Limit: 60, PaginationToken: token }));
      usernames.push(...(page.Users ?? []).map((user) => user.Username ?? ''));
      token = page.PaginationToken;
      firstToken ??= token;
    } while (token !== undefined);
    expect(usernames).toHaveLength(DEMO_CUSTOMER_COUNT);
    expect(usernames.every((name) => name.startsWith('customer'))).toBe(true);

    const mismatch = await failure(
      client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Filter: 'username ^= "customer1"', Limit: 60, PaginationToken: firstToken })),
    );
    expect(mismatch).toBeInstanceOf(InvalidParameterException);
    const garbage = await failure(client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, PaginationToken: 'not-a-token' })));
    expect(garbage).toBeInstanceOf(InvalidParameterException);
    const tooMany = await failure(client.send(new ListUsersCommand({ UserPoolId: DEMO_CUSTOMER_POOL_ID, Limit: 61 })));
    expect(tooMany).toBeInstanceOf(InvalidParameterException);
    expect(tooMany.message).toContain('less than or equal to 60');
  });

  it('finds staff by exact email and by escaped Unicode values', async () => {
    const byEmail = await client.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'email = "alice@acme.example"' }));
    expect(byEmail.Users?.map((user) => user.Username)).toEqual([DEMO_STAFF_USERS.verified]);
    const byName = await client.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'name ^= "Zo\\u00eb"'.replace('\\u00eb', 'ë') }));
    expect(byName.Users?.map((user) => user.Username)).toEqual([DEMO_STAFF_USERS.unicode]);
    // A backslash-escaped character in the value means the character itself, as in real Cognito.
    const escaped = await client.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID, Filter: 'username = "alice\\.verified"' }));
    expect(escaped.Users?.map((user) => user.Username)).toEqual([DEMO_STAFF_USERS.verified]);
  });

  it('resets a password end to end: ForgotPassword → inbox code → ConfirmForgotPassword → sign-in', async () => {
    const before = Date.now();
    const forgot = await client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: DEMO_STAFF_USERS.verified }));
    expect(forgot.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });

    const [message] = emulator.inbox();
    expect(DemoMessage.parse(message)).toMatchObject({
      deliveryMedium: 'EMAIL',
      destination: 'alice@acme.example',
      username: DEMO_STAFF_USERS.verified,
      userPoolId: DEMO_STAFF_POOL_ID,
      clientId: DEMO_STAFF_PUBLIC_CLIENT_ID,
    });
    expect(message?.code).toMatch(/^\d{6}$/);
    expect(Date.parse(message?.sentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    const wrong = await failure(
      client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID,
          Username: DEMO_STAFF_USERS.verified,
          ConfirmationCode: message?.code === '000000' ? '111111' : '000000',
          Password: NEW_PASSWORD,
        }),
      ),
    );
    expect(wrong).toBeInstanceOf(CodeMismatchException);

    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID,
        Username: DEMO_STAFF_USERS.verified,
        ConfirmationCode: message?.code ?? '',
        Password: NEW_PASSWORD,
      }),
    );
    const session = await signIn(client, DEMO_STAFF_PUBLIC_CLIENT_ID, DEMO_STAFF_USERS.verified, NEW_PASSWORD);
    expect(session.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const old = await failure(signIn(client, DEMO_STAFF_PUBLIC_CLIENT_ID, DEMO_STAFF_USERS.verified, DEMO_INITIAL_PASSWORD));
    expect(old).toBeInstanceOf(NotAuthorizedException);
    // The same username in the other pool was not touched.
    const otherPool = await signIn(client, DEMO_CUSTOMER_CLIENT_ID, DEMO_STAFF_USERS.verified, DEMO_INITIAL_PASSWORD);
    expect(otherPool.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('captures codes for a Unicode username, newest first', async () => {
    await client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: DEMO_STAFF_USERS.unicode }));
    const [newest, previous] = emulator.inbox();
    expect(newest).toMatchObject({ username: 'zoë.ångström', destination: 'zoe@acme.example' });
    expect(previous?.username).toBe(DEMO_STAFF_USERS.verified);
    expect(newest?.id).not.toBe(previous?.id);
  });

  it('answers with Cognito exception names the SDK maps, without retrying', async () => {
    const unknownUser = await failure(client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: 'nobody.here' })));
    expect(unknownUser).toBeInstanceOf(UserNotFoundException);
    expect(unknownUser.name).toBe('UserNotFoundException');

    const unknownPool = await failure(client.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Missing00' })));
    expect(unknownPool).toBeInstanceOf(ResourceNotFoundException);

    const unknownClient = await failure(client.send(new ForgotPasswordCommand({ ClientId: 'nosuchclient0000000000000', Username: 'x' })));
    expect(unknownClient).toBeInstanceOf(ResourceNotFoundException);

    // A rule refusal is a named 400 the SDK does not retry.
    const inboxSize = emulator.inbox().length;
    const unverified = await failure(client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: DEMO_STAFF_USERS.unverified })));
    expect(unverified).toBeInstanceOf(InvalidParameterException);
    expect(unverified.$metadata?.httpStatusCode).toBe(400);
    expect(emulator.inbox()).toHaveLength(inboxSize);
  });

  it('sends a phone-only user their code by SMS (cognito-local alone cannot)', async () => {
    const phoneOnly = await client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: DEMO_STAFF_USERS.phoneOnly }));
    expect(phoneOnly.CodeDeliveryDetails).toEqual({ DeliveryMedium: 'SMS', AttributeName: 'phone_number', Destination: '+*******0142' });
    expect(emulator.inbox()[0]).toMatchObject({ username: DEMO_STAFF_USERS.phoneOnly, deliveryMedium: 'SMS', destination: '+15555550142' });
  });

  it('restarts from the same data folder without re-seeding and keeps the inbox', async () => {
    const SecretHash = computeSecretHash(DEMO_STAFF_USERS.both, DEMO_STAFF_SECRET_CLIENT_ID, DEMO_STAFF_CLIENT_SECRET);
    await client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_SECRET_CLIENT_ID, Username: DEMO_STAFF_USERS.both, SecretHash }));
    const code = emulator.inbox()[0]?.code ?? '';
    await client.send(
      new ConfirmForgotPasswordCommand({ ClientId: DEMO_STAFF_SECRET_CLIENT_ID, Username: DEMO_STAFF_USERS.both, ConfirmationCode: code, Password: NEW_PASSWORD, SecretHash }),
    );
    const inboxBefore = emulator.inbox();

    client.destroy();
    await emulator.close();
    emulator = await startDemoEmulator({ dataDir });
    client = sdkClient(emulator);

    expect(emulator.inbox()).toEqual(inboxBefore);
    expect(inboxBefore.map((m) => m.username)).toEqual([DEMO_STAFF_USERS.both, DEMO_STAFF_USERS.phoneOnly, DEMO_STAFF_USERS.unicode, DEMO_STAFF_USERS.verified]);
    // A re-seed would have restored the initial password.
    const changed = await signIn(client, DEMO_STAFF_SECRET_CLIENT_ID, DEMO_STAFF_USERS.both, NEW_PASSWORD);
    expect(changed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(await failure(signIn(client, DEMO_STAFF_SECRET_CLIENT_ID, DEMO_STAFF_USERS.both, DEMO_INITIAL_PASSWORD))).toBeInstanceOf(NotAuthorizedException);

    expect(await emulator.clearInbox()).toBe(inboxBefore.length);
    expect(emulator.inbox()).toEqual([]);
    expect(await emulator.clearInbox()).toBe(0);
  });

  it('close() frees the port, and a second instance can take it', async () => {
    const other = await startDemoEmulator({ dataDir: await tempDir() });
    const port = other.port;
    expect(port).not.toBe(emulator.port);
    expect(await portIsFree(port)).toBe(false);
    const otherClient = sdkClient(other);
    await otherClient.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    otherClient.destroy();
    await other.close();
    await other.close(); // idempotent
    expect(await portIsFree(port)).toBe(true);

    const again = await startDemoEmulator({ dataDir: await tempDir(), port });
    expect(again.endpoint).toBe(`http://127.0.0.1:${port}`);
    await again.close();
  });

  it('printed nothing to the terminal', () => {
    const calls = terminal.flatMap((spy) => spy.mock.calls.map((args) => String(args[0])));
    expect(calls).toEqual([]);
  });
});
