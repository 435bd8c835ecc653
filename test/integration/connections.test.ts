import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { channels, type Channel, type RequestOf, type ResponseOf } from '../../shared/contract';
import { DEMO_AUTH_EVENTS, DEMO_SESSIONS } from '../../electron/emulator/seed-activity';
import type { ApiError, Result } from '../../shared/errors';
import { createBackend, type Backend } from '../../electron/core/backend';
import { createMemoryVault, type SecretVault } from '../../electron/core/secret-vault';
import { DEMO_STAFF_CLIENT_SECRET, DEMO_STAFF_SECRET_CLIENT_ID, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';
import { startFailingCognito, startRecordingProxy, type StandIn } from './helpers/cognito-stand-ins';
import { startStsStandIn, STS_STAND_IN_USER_ACCOUNT, type StsStandIn } from './helpers/sts-stand-in';
import { wordsFor } from '../support/translate';

// Connections the way AWS users already connect: profiles from temporary shared config files, role
// chains, IAM Identity Center, typed-in keys, roles on top, custom endpoints; all through the
// dispatcher as both shells use it. Cognito is the real embedded emulator: the demo's, and a second
// instance on another port standing for "a Cognito elsewhere". STS is a stand-in (helpers/).

const STAFF = 'us-east-1_AcmeStaff1';
const STAFF_PUBLIC = 'staffconsolepublic000001';
const SECOND_SITE_POOL = 'Second site only';
const ACCOUNT = '123456789012';
const HELPDESK_ROLE = `arn:aws:iam::${ACCOUNT}:role/Helpdesk`;
const DENIED_ROLE = `arn:aws:iam::${ACCOUNT}:role/NotForYou`;

// Keys that exist only in this test, against the emulator and the stand-ins.
const PROFILE_KEY = { id: 'AKIASTATICPROFILE001', secret: 'staticProfileSecretValue0000000000000001' };
const BASE_KEY = { id: 'AKIABASEPROFILE00001', secret: 'baseProfileSecretValue00000000000000001' };
const EXPIRED_KEY = { id: 'ASIAEXPIREDPROFILE01', secret: 'expiredProfileSecretValue000000000001', token: 'expiredProfileSessionToken000000000001' };
const TYPED = { accessKeyId: 'AKIATYPEDINKEY000001', secretAccessKey: 'typedInSecretValue/AbCdEfGhIjKlMnOp0001', sessionToken: 'typedInSessionTokenValue0000000000000000001' };
const OTHER_TYPED = { accessKeyId: 'AKIATYPEDINKEY000002', secretAccessKey: 'otherTypedInSecretValue/AbCdEfGhIjKl0002' };

const LEGACY_SSO_URL = 'https://legacy-example.awsapps.com/start';

let root: string;
let second: DemoEmulator;
let secondProxy: StandIn;
let sts: StsStandIn;
let configFile: string;
let credentialsFile: string;
let fileEnv: NodeJS.ProcessEnv;
const originalEnv: Record<string, string | undefined> = {};

/** Sets process.env for the SDK's own lookups (HOME for the SSO cache, AWS_ENDPOINT_URL_STS); restored after. */
function setProcessEnv(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (!(name in originalEnv)) originalEnv[name] = process.env[name];
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recovery-desk-connections-'));
  second = await startDemoEmulator({ dataDir: join(root, 'second-site'), throttling: false });
  const admin = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: second.endpoint, credentials: { accessKeyId: 'setup', secretAccessKey: 'setup' }, maxAttempts: 1 });
  await admin.send(new CreateUserPoolCommand({ PoolName: SECOND_SITE_POOL }));
  admin.destroy();
  secondProxy = await startRecordingProxy(second.endpoint);
  sts = await startStsStandIn({ expiredKeyIds: [EXPIRED_KEY.id], deniedRoleArns: [DENIED_ROLE] });

  await mkdir(join(root, 'aws'));
  configFile = join(root, 'aws', 'config');
  credentialsFile = join(root, 'aws', 'credentials');
  await writeFile(
    credentialsFile,
    [
      '[static-site]',
      `aws_access_key_id = ${PROFILE_KEY.id}`,
      `aws_secret_access_key = ${PROFILE_KEY.secret}`,
      '[base]',
      `aws_access_key_id = ${BASE_KEY.id}`,
      `aws_secret_access_key = ${BASE_KEY.secret}`,
      '[expired-base]',
      `aws_access_key_id = ${EXPIRED_KEY.id}`,
      `aws_secret_access_key = ${EXPIRED_KEY.secret}`,
      `aws_session_token = ${EXPIRED_KEY.token}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    configFile,
    [
      '[profile static-site]',
      'region = us-east-1',
      '[profile helpdesk-role]',
      `role_arn = ${HELPDESK_ROLE}`,
      'source_profile = base',
      'external_id = helpdesk-external-1',
      'region = us-east-1',
      '[profile expired-role]',
      `role_arn = ${HELPDESK_ROLE}`,
      'source_profile = expired-base',
      '[profile denied-role]',
      `role_arn = ${DENIED_ROLE}`,
      'source_profile = base',
      '[profile legacy-sso]',
      `sso_start_url = ${LEGACY_SSO_URL}`,
      'sso_region = us-east-1',
      `sso_account_id = ${ACCOUNT}`,
      'sso_role_name = Helpdesk',
      'region = eu-west-1',
      '[profile corp-sso]',
      'sso_session = corp',
      `sso_account_id = ${ACCOUNT}`,
      'sso_role_name = Helpdesk',
      '[sso-session corp]',
      'sso_start_url = https://corp-example.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile tool]',
      'credential_process = /bin/false',
      '[profile ci]',
      `role_arn = ${HELPDESK_ROLE}`,
      'web_identity_token_file = /nonexistent/token',
      '[profile mfa-role]',
      `role_arn = ${HELPDESK_ROLE}`,
      'source_profile = base',
      `mfa_serial = arn:aws:iam::${ACCOUNT}:mfa/helpdesk`,
      '',
    ].join('\n'),
  );
  fileEnv = { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };

  // The SDK reads these from process.env itself. Nothing of the machine's own AWS setup may leak in.
  const home = join(root, 'home');
  await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  setProcessEnv({
    HOME: home,
    USERPROFILE: home,
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_CONFIG_FILE: undefined,
    AWS_SHARED_CREDENTIALS_FILE: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined,
  });
});

afterAll(async () => {
  for (const [name, value] of Object.entries(originalEnv)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  await secondProxy?.close();
  await sts?.close();
  await second?.close();
  await rm(root, { recursive: true, force: true });
});

interface Desk {
  dataDir: string;
  backend: Backend;
  /** Every Result this desk returned, for the secrecy checks. */
  replies: Array<{ channel: string; result: Result<unknown> }>;
  demoEndpoint(): string | undefined;
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  fail(channel: Channel, request: unknown): Promise<ApiError>;
  close(): Promise<void>;
}

const desks: Desk[] = [];
afterAll(async () => {
  for (const desk of desks) await desk.backend.close().catch(() => undefined);
});

async function openDesk(options: { dataDir?: string; vault?: SecretVault; env?: NodeJS.ProcessEnv } = {}): Promise<Desk> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(root, 'desk-')));
  let demo: DemoEmulator | undefined;
  const backend = createBackend({
    dataDir,
    env: options.env ?? fileEnv,
    ...(options.vault ? { vault: options.vault } : {}),
    startDemo: async () => (demo = await startDemoEmulator({ dataDir, throttling: false })),
  });
  const replies: Desk['replies'] = [];
  const dispatch = async (channel: string, request: unknown) => {
    const result = await backend.dispatch(channel, request);
    replies.push({ channel, result });
    return result;
  };
  const desk: Desk = {
    dataDir,
    backend,
    replies,
    demoEndpoint: () => demo?.endpoint,
    async call(channel, request) {
      const result = await dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as ResponseOf<typeof channel>;
    },
    async fail(channel, request) {
      const result = await dispatch(channel, request);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    close: () => backend.close(),
  };
  desks.push(desk);
  return desk;
}

/** Simulates an OS vault: reversed and base64, so the plain text never reaches the file. */
function reversingVault(): SecretVault {
  return {
    storage: 'encrypted',
    seal: async (plain) => Buffer.from([...plain].reverse().join(''), 'utf8').toString('base64'),
    open: async (sealed) => [...Buffer.from(sealed, 'base64').toString('utf8')].reverse().join(''),
  };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const poolNames = (pools: Array<{ name: string }>) => pools.map((p) => p.name);
const profileSource = (profile: string) => ({ kind: 'profile' as const, profile });

describe('profiles from the shared config and credentials files', () => {
  it('lists every profile with its kind and region, from the files the environment names, and never a key', async () => {
    const desk = await openDesk();
    const result = await desk.backend.dispatch('connections:profiles', {});
    expect(result.ok).toBe(true);
    const { profiles, configFile: listedConfig, credentialsFile: listedCredentials } = (result as { data: ResponseOf<'connections:profiles'> }).data;
    expect(listedConfig).toBe(configFile);
    expect(listedCredentials).toBe(credentialsFile);
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    expect(byName['static-site']).toEqual({ name: 'static-site', kind: 'static', region: 'us-east-1' });
    expect(byName['helpdesk-role']).toMatchObject({ kind: 'assume-role', roleArn: HELPDESK_ROLE, region: 'us-east-1' });
    expect(byName['legacy-sso']).toMatchObject({ kind: 'sso', ssoStartUrl: LEGACY_SSO_URL, region: 'eu-west-1' });
    expect(byName['corp-sso']).toMatchObject({ kind: 'sso', ssoStartUrl: 'https://corp-example.awsapps.com/start' });
    expect(byName.tool).toMatchObject({ kind: 'process' });
    expect(byName.ci).toMatchObject({ kind: 'web-identity' });
    expect(byName.base).toMatchObject({ kind: 'static' });
    expect(Object.keys(byName)).not.toContain('corp');
    const json = JSON.stringify(result);
    for (const secret of [PROFILE_KEY.id, PROFILE_KEY.secret, BASE_KEY.secret, EXPIRED_KEY.secret, EXPIRED_KEY.token]) expect(json).not.toContain(secret);
  });

  it('a static-keys profile against another endpoint lists that endpoint\'s pools, signed with the profile\'s key', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Second site', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('static-site') });
    expect(saved).toMatchObject({ kind: 'profile', profile: 'static-site', endpoint: secondProxy.endpoint, builtIn: false, needsMfaCode: false, secretsAvailable: true });

    const before = secondProxy.seen.length;
    const test = await desk.call('connections:test', { connectionId: saved.id });
    // A custom endpoint: no STS identity, the pool listing is the test.
    expect(test.identity).toBeUndefined();
    expect(test.samplePools.length).toBeLessThanOrEqual(5);
    const { pools } = await desk.call('pools:list', { connectionId: saved.id });
    expect(test.poolCount).toBe(pools.length);
    expect(poolNames(pools)).toContain(SECOND_SITE_POOL);
    expect(new Set(secondProxy.seen.slice(before).map((c) => c.signedWith))).toEqual(new Set([PROFILE_KEY.id]));
  });

  it('a role_arn + source_profile chain assumes the role through STS and calls Cognito with the assumed credentials', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Helpdesk role', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('helpdesk-role') });
    const stsBefore = sts.calls.length;
    const seenBefore = secondProxy.seen.length;
    const { pools } = await desk.call('pools:list', { connectionId: saved.id });
    expect(poolNames(pools)).toContain(SECOND_SITE_POOL);

    const assumed = sts.calls.slice(stsBefore).filter((c) => c.action === 'AssumeRole');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]).toMatchObject({ signedWith: BASE_KEY.id, params: { RoleArn: HELPDESK_ROLE, ExternalId: 'helpdesk-external-1' } });
    const cognitoKeys = new Set(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith));
    expect(cognitoKeys.size).toBe(1);
    const [assumedKey] = [...cognitoKeys];
    expect(assumedKey).toMatch(/^ASIA/);
    expect(sts.issued.get(assumedKey ?? '')?.roleArn).toBe(HELPDESK_ROLE);

    // The session is kept: a second call assumes nothing new.
    await desk.call('users:search', { connectionId: saved.id, userPoolId: STAFF, value: 'alice' });
    expect(sts.calls.slice(stsBefore).filter((c) => c.action === 'AssumeRole')).toHaveLength(1);
  });

  it('without a custom endpoint, the test asks STS who the credentials are and remembers the account', async () => {
    // The SDK's own per-service endpoint setting sends Cognito calls to the second emulator.
    setProcessEnv({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: secondProxy.endpoint });
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'Helpdesk via STS', region: 'us-east-1', source: profileSource('helpdesk-role') });
      expect(saved.accountId).toBeUndefined();
      const test = await desk.call('connections:test', { connectionId: saved.id });
      expect(test.identity).toEqual({ account: ACCOUNT, arn: expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\/Helpdesk\//), userId: expect.any(String) });
      expect(test.samplePools).toContain(SECOND_SITE_POOL);
      const getCallerIdentity = sts.calls.filter((c) => c.action === 'GetCallerIdentity').at(-1);
      expect(getCallerIdentity?.signedWith).toMatch(/^ASIA/);
      const { connections } = await desk.call('connections:list', {});
      expect(connections.find((c) => c.id === saved.id)?.accountId).toBe(ACCOUNT);

      const plain = await desk.call('connections:save', { name: 'Static via STS', region: 'us-east-1', source: profileSource('static-site') });
      const plainTest = await desk.call('connections:test', { connectionId: plain.id });
      expect(plainTest.identity).toMatchObject({ account: STS_STAND_IN_USER_ACCOUNT, arn: `arn:aws:iam::${STS_STAND_IN_USER_ACCOUNT}:user/helpdesk` });
      expect(sts.calls.at(-1)).toMatchObject({ action: 'GetCallerIdentity', signedWith: PROFILE_KEY.id });
    } finally {
      setProcessEnv({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: undefined });
    }
  });

  it('a saved default-chain connection takes the environment\'s keys, as the SDK\'s chain does', async () => {
    const envKey = { id: 'AKIAENVIRONMENTKEY01', secret: 'environmentSecretValue00000000000000001' };
    setProcessEnv({ AWS_ACCESS_KEY_ID: envKey.id, AWS_SECRET_ACCESS_KEY: envKey.secret });
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'Whatever the machine has', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'default-chain' } });
      expect(saved).toMatchObject({ kind: 'default-chain', builtIn: false });
      const seenBefore = secondProxy.seen.length;
      await desk.call('pools:list', { connectionId: saved.id });
      expect(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith)).toEqual([envKey.id]);
    } finally {
      setProcessEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    }
  });

  it('an IAM Identity Center profile whose cached token expired asks for `aws sso login --profile <name>`', async () => {
    const desk = await openDesk();
    const cache = join(process.env.HOME ?? '', '.aws', 'sso', 'cache');
    const expired = new Date(Date.now() - 3600_000).toISOString();
    // The SDK finds the token by the SHA-1 of the start URL (legacy profiles) or of the sso-session name.
    const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
    await writeFile(join(cache, `${sha1(LEGACY_SSO_URL)}.json`), JSON.stringify({ startUrl: LEGACY_SSO_URL, region: 'us-east-1', accessToken: 'expired-sso-access-token', expiresAt: expired }));
    await writeFile(join(cache, `${sha1('corp')}.json`), JSON.stringify({ startUrl: 'https://corp-example.awsapps.com/start', region: 'us-east-1', accessToken: 'expired-sso-access-token', expiresAt: expired }));

    for (const profile of ['legacy-sso', 'corp-sso']) {
      const saved = await desk.call('connections:save', { name: `SSO ${profile}`, region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource(profile) });
      const seenBefore = secondProxy.seen.length;
      const error = await desk.fail('pools:list', { connectionId: saved.id });
      expect(error.code).toBe('SsoLoginRequired');
      expect(wordsFor(error).message).toContain(`aws sso login --profile ${profile}`);
      expect(wordsFor(error).guidance).toContain(`aws sso login --profile ${profile}`);
      expect(JSON.stringify(error)).not.toContain('expired-sso-access-token');
      const tested = await desk.fail('connections:test', { connectionId: saved.id });
      expect(tested.code).toBe('SsoLoginRequired');
      // Nothing reached Cognito without credentials.
      expect(secondProxy.seen.length).toBe(seenBefore);
    }
  });
});

describe('typed-in access keys and a role on top', () => {
  it('never returns the keys from any channel, for the demo or the saved connection, success or failure', async () => {
    const desk = await openDesk({ vault: reversingVault() });
    await desk.call('pools:list', { connectionId: 'demo' });
    const saved = await desk.call('connections:save', { name: 'Typed keys', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
    expect(saved).toMatchObject({ kind: 'access-keys', secretStorage: 'encrypted', secretsAvailable: true });
    const spare = await desk.call('connections:save', { name: 'Spare', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...OTHER_TYPED } });

    const covered = new Set<string>();
    const usedCodes: string[] = [];
    const on = (connectionId: string) => ({ connectionId, userPoolId: STAFF });
    for (const connectionId of ['demo', saved.id]) {
      const codeFor = async (username: string) => {
        const inbox = connectionId === 'demo' ? (await desk.call('demo:inbox', { connectionId: 'demo' })).messages : second.inbox();
        return inbox.find((m) => m.username === username)?.code ?? '000000';
      };
      const requests: Array<[Channel, unknown]> = [
        ['connections:list', {}],
        ['connections:profiles', {}],
        ['connections:test', { connectionId }],
        ['pools:list', { connectionId }],
        ['pools:describe', on(connectionId)],
        ['clients:list', on(connectionId)],
        ['pools:refresh', on(connectionId)],
        ['users:search', { ...on(connectionId), value: 'alice' }],
        ['users:find', { ...on(connectionId), text: '+1 (555) 555-0142' }],
        ['users:get', { ...on(connectionId), username: 'alice.verified' }],
        ['users:get', { ...on(connectionId), username: 'nobody-here' }],
        ['recovery:verdict', { ...on(connectionId), clientId: STAFF_PUBLIC, username: 'alice.verified' }],
        ['recovery:forgotPassword', { ...on(connectionId), clientId: STAFF_PUBLIC, username: 'alice.verified', ticket: 'HD-1' }],
        // With the secret client, so the client secret is read into the facts cache (and must stay there).
        ['recovery:forgotPassword', { ...on(connectionId), clientId: DEMO_STAFF_SECRET_CLIENT_ID, username: 'mia.alias' }],
      ];
      for (const [channel, request] of requests) {
        await desk.backend.dispatch(channel, request).then((result) => desk.replies.push({ channel, result }));
        covered.add(channel);
      }
      const code = await codeFor('alice.verified');
      usedCodes.push(code, await codeFor('mia.alias'));
      const more: Array<[Channel, unknown]> = [
        ['recovery:confirmForgotPassword', { ...on(connectionId), clientId: STAFF_PUBLIC, username: 'alice.verified', confirmationCode: code, password: 'Walk-Every-Channel-42!' }],
        ['recovery:confirmForgotPassword', { ...on(connectionId), clientId: STAFF_PUBLIC, username: 'alice.verified', confirmationCode: '999999', password: 'Walk-Every-Channel-43!' }],
        ['recovery:resendInvitation', { ...on(connectionId), username: 'erin.new-hire' }],
        ['recovery:adminResetPassword', { ...on(connectionId), username: 'frank.both' }],
        ['recovery:setTemporaryPassword', { ...on(connectionId), username: 'carol.unverified', temporaryPassword: 'Temporary-Walk-42!' }],
        ['sessions:list', { ...on(connectionId), username: 'alice.verified' }],
        ['sessions:revoke', { ...on(connectionId), username: 'alice.verified', sessionId: DEMO_SESSIONS.phone }],
        ['sessions:signOutEverywhere', { ...on(connectionId), username: 'zoë.ångström' }],
        ['risk:events', { ...on(connectionId), username: 'alice.verified' }],
        ['risk:feedback', { ...on(connectionId), username: 'alice.verified', eventId: DEMO_AUTH_EVENTS.risky, feedback: 'Valid' }],
        ['users:authFactors', { ...on(connectionId), username: 'iris.email-mfa' }],
        ['users:resetMfa', { ...on(connectionId), username: 'iris.email-mfa' }],
      ];
      for (const [channel, request] of more) {
        await desk.backend.dispatch(channel, request).then((result) => desk.replies.push({ channel, result }));
        covered.add(channel);
      }
      // The search across pools: started, followed, stopped.
      const started = await desk.backend.dispatch('search:start', { connectionId, text: 'alice' });
      desk.replies.push({ channel: 'search:start', result: started });
      covered.add('search:start');
      const searchId = started.ok ? (started.data as { searchId: string }).searchId : '00000000-0000-4000-8000-000000000000';
      for (const channel of ['search:progress', 'search:cancel'] as const) {
        await desk.backend.dispatch(channel, { searchId }).then((result) => desk.replies.push({ channel, result }));
        covered.add(channel);
      }
    }
    const once: Array<[Channel, unknown]> = [
      ['connections:save', { connectionId: saved.id, name: 'Typed keys (edited)', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys' } }],
      ['connections:rename', { connectionId: saved.id, name: 'Typed keys' }],
      // Refused by the schema: the refusal must not quote what was typed.
      ['connections:save', { name: 'Bad', region: 'us-east-1', source: { kind: 'access-keys', accessKeyId: TYPED.accessKeyId, secretAccessKey: `${TYPED.secretAccessKey} x`, sessionToken: `${TYPED.sessionToken} y` } }],
      ['connections:save', { name: 'Bad', region: 'us-east-1', source: { kind: 'access-keys', accessKeyId: `${TYPED.accessKeyId.toLowerCase()}`, secretAccessKey: TYPED.secretAccessKey } }],
      ['connections:delete', { connectionId: spare.id }],
      ['audit:list', {}],
      ['audit:export', { format: 'csv' }],
      ['audit:export', { format: 'json' }],
      ['audit:trail', {}],
      ['audit:verify', {}],
      ['settings:get', {}],
      ['settings:update', { operatorDisplayName: 'Walker' }],
      ['policy:get', {}],
      ['demo:inbox', { connectionId: 'demo' }],
      ['demo:clearInbox', { connectionId: 'demo' }],
      ['demo:controls', { connectionId: 'demo' }],
      ['demo:injectFault', { connectionId: 'demo', operation: 'ListUsers', error: 'InternalError' }],
      ['demo:clearFaults', { connectionId: 'demo' }],
      ['demo:setThrottling', { connectionId: 'demo', enabled: false }],
      ['demo:inbox', { connectionId: saved.id }],
    ];
    for (const [channel, request] of once) {
      await desk.backend.dispatch(channel, request).then((result) => desk.replies.push({ channel, result }));
      covered.add(channel);
    }

    expect([...covered].sort()).toEqual([...channels].sort());
    // The walk really used the saved connection: its calls were signed with the typed-in key.
    expect(secondProxy.seen.some((c) => c.signedWith === TYPED.accessKeyId)).toBe(true);
    const okChannels = new Set(desk.replies.filter((r) => r.result.ok).map((r) => r.channel));
    expect(okChannels).toContain('recovery:confirmForgotPassword');

    const secrets = [TYPED.accessKeyId, TYPED.accessKeyId.toLowerCase(), TYPED.secretAccessKey, TYPED.sessionToken, OTHER_TYPED.accessKeyId, OTHER_TYPED.secretAccessKey];
    for (const { channel, result } of desk.replies) {
      const json = JSON.stringify(result);
      for (const secret of secrets) expect(json, `${channel} leaked a key`).not.toContain(secret);
    }
    const audit = await readFile(join(desk.dataDir, 'audit', 'audit-log.jsonl'), 'utf8');
    for (const secret of secrets) expect(audit).not.toContain(secret);

    // Encrypted on disk: the file holds the sealed form only, and it opens again after a restart.
    const onDisk = await readFile(join(desk.dataDir, 'connections.json'), 'utf8');
    for (const secret of secrets) expect(onDisk).not.toContain(secret);
    expect(onDisk).toContain('"sealed"');
    await desk.close();

    // The diagnostic log has every call of the walk, and none of the keys, codes, passwords or the client secret.
    const logs = join(desk.dataDir, 'logs');
    const log = (await Promise.all((await readdir(logs)).map((file) => readFile(join(logs, file), 'utf8')))).join('');
    expect(log).toContain('"event":"cognito-call"');
    expect(log).toMatch(/"operation":"ConfirmForgotPassword","kind":"write","outcome":"OK","requestId":"[0-9a-f-]{36}"/);
    expect(log).toMatch(/"channel":"recovery:confirmForgotPassword"/);
    const neverLogged = [...secrets, ...usedCodes.filter((c) => c !== '000000'), 'Walk-Every-Channel-42!', 'Walk-Every-Channel-43!', 'Temporary-Walk-42!', DEMO_STAFF_CLIENT_SECRET];
    for (const secret of neverLogged) expect(log, 'the diagnostic log holds a secret').not.toContain(secret);
    const restarted = await openDesk({ dataDir: desk.dataDir, vault: reversingVault() });
    const listed = await restarted.call('connections:list', {});
    expect(listed.secretStorage).toBe('encrypted');
    expect(listed.connections.find((c) => c.id === saved.id)).toMatchObject({ secretsAvailable: true, secretStorage: 'encrypted' });
    const seenBefore = secondProxy.seen.length;
    await restarted.call('pools:list', { connectionId: saved.id });
    expect(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith)).toEqual([TYPED.accessKeyId]);
  });

  it('with the memory-only vault, never writes the keys at all, and after a restart asks for them again', async () => {
    const desk = await openDesk({ vault: createMemoryVault() });
    const saved = await desk.call('connections:save', { name: 'Memory keys', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
    expect(saved).toMatchObject({ secretStorage: 'memory-only', secretsAvailable: true });
    expect((await desk.call('connections:list', {})).secretStorage).toBe('memory-only');
    await desk.call('pools:list', { connectionId: saved.id });
    const onDisk = await readFile(join(desk.dataDir, 'connections.json'), 'utf8');
    for (const secret of [TYPED.accessKeyId, TYPED.secretAccessKey, TYPED.sessionToken]) expect(onDisk).not.toContain(secret);
    expect(onDisk).not.toContain('"sealed"');
    await desk.close();

    const restarted = await openDesk({ dataDir: desk.dataDir, vault: createMemoryVault() });
    const listed = await restarted.call('connections:list', {});
    expect(listed.connections.find((c) => c.id === saved.id)).toMatchObject({ secretsAvailable: false, secretStorage: 'memory-only' });
    const seenBefore = secondProxy.seen.length;
    const error = await restarted.fail('pools:list', { connectionId: saved.id });
    expect(error.code).toBe('SecretsUnavailable');
    expect(wordsFor(error).guidance).toMatch(/enter the access key id and secret access key again/i);
    expect((await restarted.fail('connections:test', { connectionId: saved.id })).code).toBe('SecretsUnavailable');
    expect(secondProxy.seen.length).toBe(seenBefore);

    // Only half the keys is not enough when none are stored.
    const half = await restarted.fail('connections:save', { connectionId: saved.id, name: 'Memory keys', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', secretAccessKey: TYPED.secretAccessKey } });
    expect(half.code).toBe('InvalidRequest');
    await restarted.call('connections:save', { connectionId: saved.id, name: 'Memory keys', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...OTHER_TYPED } });
    await restarted.call('pools:list', { connectionId: saved.id });
    expect(secondProxy.seen.at(-1)?.signedWith).toBe(OTHER_TYPED.accessKeyId);
  });

  it('keys the desktop encrypted stay sealed when the browser shell (memory only) opens the same data folder', async () => {
    const desktop = await openDesk({ vault: reversingVault() });
    const saved = await desktop.call('connections:save', { name: 'Desktop keys', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
    await desktop.close();

    const browser = await openDesk({ dataDir: desktop.dataDir, vault: createMemoryVault() });
    expect((await browser.call('connections:list', {})).connections.find((c) => c.id === saved.id)).toMatchObject({ secretStorage: 'encrypted', secretsAvailable: false });
    const error = await browser.fail('pools:list', { connectionId: saved.id });
    expect(error.code).toBe('SecretsUnavailable');
    expect(wordsFor(error).message).toMatch(/encrypted by another/);
    // An edit that types no keys keeps the sealed ones for the desktop.
    await browser.call('connections:rename', { connectionId: saved.id, name: 'Desktop keys, renamed' });
    await browser.call('connections:save', { connectionId: saved.id, name: 'Desktop keys, edited', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys' } });
    await browser.close();

    const again = await openDesk({ dataDir: desktop.dataDir, vault: reversingVault() });
    await again.call('pools:list', { connectionId: saved.id });
    expect(secondProxy.seen.at(-1)?.signedWith).toBe(TYPED.accessKeyId);
  });

  it('on edit, omitted secrets keep the stored ones; a new secret alone keeps the key id', async () => {
    const desk = await openDesk({ vault: reversingVault() });
    const saved = await desk.call('connections:save', { name: 'Edit me', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
    await desk.call('connections:save', { connectionId: saved.id, name: 'Edited', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys' } });
    await desk.call('pools:list', { connectionId: saved.id });
    expect(secondProxy.seen.at(-1)?.signedWith).toBe(TYPED.accessKeyId);
    await desk.call('connections:save', { connectionId: saved.id, name: 'Edited', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', secretAccessKey: OTHER_TYPED.secretAccessKey } });
    await desk.call('pools:list', { connectionId: saved.id });
    expect(secondProxy.seen.at(-1)?.signedWith).toBe(TYPED.accessKeyId);
  });

  it('assumes a role on top of typed-in keys, with the external id and the MFA code given to the test', async () => {
    const desk = await openDesk();
    const mfaSerial = `arn:aws:iam::${ACCOUNT}:mfa/operator`;
    const saved = await desk.call('connections:save', {
      name: 'Typed keys + role',
      region: 'us-east-1',
      endpoint: secondProxy.endpoint,
      source: { kind: 'access-keys', ...TYPED },
      assumeRole: { roleArn: HELPDESK_ROLE, externalId: 'helpdesk-external-2', mfaSerial, sessionName: 'operator-test' },
    });
    expect(saved).toMatchObject({ assumeRoleArn: HELPDESK_ROLE, needsMfaCode: true });

    const stsBefore = sts.calls.length;
    const seenBefore = secondProxy.seen.length;
    expect((await desk.fail('pools:list', { connectionId: saved.id })).code).toBe('MfaCodeRequired');
    expect((await desk.fail('connections:test', { connectionId: saved.id })).code).toBe('MfaCodeRequired');
    expect(sts.calls.length).toBe(stsBefore);
    expect(secondProxy.seen.length).toBe(seenBefore);

    const test = await desk.call('connections:test', { connectionId: saved.id, mfaCode: '123456' });
    expect(test.samplePools).toContain(SECOND_SITE_POOL);
    const assume = sts.calls.slice(stsBefore).filter((c) => c.action === 'AssumeRole');
    expect(assume).toHaveLength(1);
    expect(assume[0]).toMatchObject({
      signedWith: TYPED.accessKeyId,
      params: { RoleArn: HELPDESK_ROLE, ExternalId: 'helpdesk-external-2', SerialNumber: mfaSerial, TokenCode: '123456', RoleSessionName: 'operator-test' },
    });
    // From now on the role session is used: every Cognito call signed with the assumed key, none with the typed-in one.
    await desk.call('pools:describe', { connectionId: saved.id, userPoolId: STAFF });
    const keys = new Set(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith));
    expect(keys.size).toBe(1);
    expect(sts.issued.get([...keys][0] ?? '')?.roleArn).toBe(HELPDESK_ROLE);
  });

  it('a profile whose role needs MFA is marked so, and takes the code from the test', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'MFA profile', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('mfa-role') });
    expect(saved.needsMfaCode).toBe(true);
    expect((await desk.fail('pools:list', { connectionId: saved.id })).code).toBe('MfaCodeRequired');
    const stsBefore = sts.calls.length;
    await desk.call('connections:test', { connectionId: saved.id, mfaCode: '654321' });
    expect(sts.calls.slice(stsBefore).find((c) => c.action === 'AssumeRole')?.params).toMatchObject({ TokenCode: '654321', SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/helpdesk` });
    await desk.call('pools:list', { connectionId: saved.id });
  });
});

describe('saved connections', () => {
  it('moves a corrupt connections.json aside, says so, and starts empty', async () => {
    for (const content of ['{ not json', JSON.stringify({ version: 1, connections: [{ id: 'x', name: 42 }] })]) {
      const dataDir = await mkdtemp(join(root, 'corrupt-'));
      await writeFile(join(dataDir, 'connections.json'), content);
      const desk = await openDesk({ dataDir });
      const listed = await desk.call('connections:list', {});
      expect(listed.damagedFile).toMatchObject({ file: 'connections', movedTo: expect.stringMatching(/connections\.json\.damaged-/) });
      expect(listed.connections.map((c) => c.id)).toEqual(['demo']);
      const files = await readdir(dataDir);
      expect(files.filter((f) => f.startsWith('connections.json.damaged-'))).toHaveLength(1);
      expect(await readFile(join(dataDir, files.find((f) => f.startsWith('connections.json.damaged-')) ?? ''), 'utf8')).toBe(content);
      // And it keeps working.
      await desk.call('connections:save', { name: 'Fresh', region: 'us-east-1', source: profileSource('static-site') });
      expect((await desk.call('connections:list', {})).connections.map((c) => c.name)).toContain('Fresh');
    }
  });

  it('edits, renames and deletes; an edit takes effect on the next call', async () => {
    const desk = await openDesk();
    await desk.call('pools:list', { connectionId: 'demo' });
    const demoEndpoint = desk.demoEndpoint() ?? '';
    const saved = await desk.call('connections:save', { name: 'Moving', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('static-site') });
    expect(saved.id).toMatch(/^moving-[0-9a-f]{6}$/);
    expect(poolNames((await desk.call('pools:list', { connectionId: saved.id })).pools)).toContain(SECOND_SITE_POOL);

    const edited = await desk.call('connections:save', { connectionId: saved.id, name: 'Moved', region: 'us-east-1', endpoint: demoEndpoint, source: profileSource('static-site') });
    expect(edited).toMatchObject({ id: saved.id, name: 'Moved', endpoint: demoEndpoint });
    expect(poolNames((await desk.call('pools:list', { connectionId: saved.id })).pools)).not.toContain(SECOND_SITE_POOL);

    const renamed = await desk.call('connections:rename', { connectionId: saved.id, name: 'Demo copy' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Demo copy', endpoint: demoEndpoint });
    expect((await desk.call('connections:list', {})).connections.find((c) => c.id === saved.id)?.name).toBe('Demo copy');

    // Saved to disk: a restart sees the same connection.
    await desk.close();
    const restarted = await openDesk({ dataDir: desk.dataDir });
    expect((await restarted.call('connections:list', {})).connections.find((c) => c.id === saved.id)).toMatchObject({ name: 'Demo copy', kind: 'profile' });

    expect(await restarted.call('connections:delete', { connectionId: saved.id })).toEqual({ deleted: true });
    expect((await restarted.call('connections:list', {})).connections.map((c) => c.id)).toEqual(['demo']);
    expect((await restarted.fail('pools:list', { connectionId: saved.id })).code).toBe('ConnectionNotFound');
    expect(await restarted.call('connections:delete', { connectionId: saved.id })).toEqual({ deleted: false });
    expect((await restarted.fail('connections:rename', { connectionId: saved.id, name: 'Gone' })).code).toBe('ConnectionNotFound');
  });

  it('refuses to edit, rename or delete the built-in connections', async () => {
    const desk = await openDesk({ env: { ...fileEnv, AWS_PROFILE: 'static-site', RECOVERY_DESK_ENDPOINT_URL: secondProxy.endpoint } });
    const { connections, defaultProfile } = await desk.call('connections:list', {});
    expect(defaultProfile).toBe('static-site');
    expect(connections.find((c) => c.id === 'aws-environment')).toMatchObject({
      name: 'AWS profile static-site',
      kind: 'default-chain',
      builtIn: true,
      profile: 'static-site',
      // From the profile, as the SDK would pick it.
      region: 'us-east-1',
      endpoint: secondProxy.endpoint,
    });
    for (const connectionId of ['demo', 'aws-environment']) {
      for (const [channel, request] of [
        ['connections:rename', { connectionId, name: 'Mine now' }],
        ['connections:delete', { connectionId }],
        ['connections:save', { connectionId, name: 'Mine now', region: 'us-east-1', source: { kind: 'default-chain' } }],
      ] as const) {
        const error = await desk.fail(channel, request);
        expect(error.code).toBe('InvalidRequest');
        expect(wordsFor(error).message).toMatch(/comes with Recovery Desk/);
      }
    }
    // The environment's default chain with AWS_PROFILE signs with that profile's keys.
    const seenBefore = secondProxy.seen.length;
    expect(poolNames((await desk.call('pools:list', { connectionId: 'aws-environment' })).pools)).toContain(SECOND_SITE_POOL);
    expect(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith)).toEqual([PROFILE_KEY.id]);
  });

  it('switching between two connections with different endpoints returns each one\'s own pools, signed with its own keys', async () => {
    const desk = await openDesk();
    await desk.call('pools:list', { connectionId: 'demo' });
    const demoProxy = await startRecordingProxy(desk.demoEndpoint() ?? '');
    try {
      const a = await desk.call('connections:save', { name: 'Site A', region: 'us-east-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
      const b = await desk.call('connections:save', { name: 'Site B', region: 'us-east-1', endpoint: demoProxy.endpoint, source: { kind: 'access-keys', ...OTHER_TYPED } });
      const seenBefore = secondProxy.seen.length;
      for (let round = 0; round < 2; round++) {
        expect(poolNames((await desk.call('pools:list', { connectionId: a.id })).pools)).toContain(SECOND_SITE_POOL);
        expect(poolNames((await desk.call('pools:list', { connectionId: b.id })).pools)).not.toContain(SECOND_SITE_POOL);
      }
      expect(new Set(secondProxy.seen.slice(seenBefore).map((c) => c.signedWith))).toEqual(new Set([TYPED.accessKeyId]));
      expect(new Set(demoProxy.seen.map((c) => c.signedWith))).toEqual(new Set([OTHER_TYPED.accessKeyId]));
    } finally {
      await demoProxy.close();
    }
  });
});

describe('failures, each with its own guidance', () => {
  const noSecretsIn = (error: ApiError) => {
    const json = JSON.stringify(error);
    for (const secret of [TYPED.accessKeyId, TYPED.secretAccessKey, TYPED.sessionToken, EXPIRED_KEY.id, EXPIRED_KEY.secret, EXPIRED_KEY.token, BASE_KEY.secret]) {
      expect(json).not.toContain(secret);
    }
    expect(wordsFor(error).guidance).not.toBe('');
    expect(wordsFor(error).tellCaller).not.toBe('');
  };

  it('expired credentials: STS refuses the source profile\'s expired session', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Expired', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('expired-role') });
    const error = await desk.fail('pools:list', { connectionId: saved.id });
    expect(error).toMatchObject({ code: 'CredentialsExpired', retryable: false });
    expect(wordsFor(error).message).toContain('expired-role');
    noSecretsIn(error);
    expect((await desk.fail('connections:test', { connectionId: saved.id })).code).toBe('CredentialsExpired');
  });

  it('expired credentials: Cognito answers ExpiredTokenException', async () => {
    const standIn = await startFailingCognito(() => ({ type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }));
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'Expired at Cognito', region: 'us-east-1', endpoint: standIn.endpoint, source: { kind: 'access-keys', ...TYPED } });
      const error = await desk.fail('users:search', { connectionId: saved.id, userPoolId: STAFF });
      expect(error.code).toBe('CredentialsExpired');
      noSecretsIn(error);
    } finally {
      await standIn.close();
    }
  });

  it('access denied names the IAM action the role lacks, from AWS\'s message or from the operation', async () => {
    const standIn = await startFailingCognito((operation) =>
      operation === 'ListUsers'
        ? { type: 'AccessDeniedException', message: `User: arn:aws:iam::${ACCOUNT}:user/helpdesk is not authorized to perform: cognito-idp:ListUsers on resource: arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${STAFF} because no identity-based policy allows the cognito-idp:ListUsers action` }
        : { type: 'AccessDeniedException', message: 'Access denied' },
    );
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'Denied', region: 'us-east-1', endpoint: standIn.endpoint, source: { kind: 'access-keys', ...TYPED } });
      const listUsers = await desk.fail('users:search', { connectionId: saved.id, userPoolId: STAFF });
      expect(listUsers.code).toBe('AccessDenied');
      expect(wordsFor(listUsers).message).toContain('cognito-idp:ListUsers');
      expect(wordsFor(listUsers).message).toContain(`arn:aws:iam::${ACCOUNT}:user/helpdesk`);
      expect(wordsFor(listUsers).guidance).toContain('cognito-idp:ListUsers');
      expect(listUsers.requestId).toMatch(/^stand-in-\d+$/);
      noSecretsIn(listUsers);
      const describePool = await desk.fail('pools:describe', { connectionId: saved.id, userPoolId: STAFF });
      expect(describePool.code).toBe('AccessDenied');
      expect(wordsFor(describePool).message).toContain('cognito-idp:DescribeUserPool');
    } finally {
      await standIn.close();
    }
  });

  it('access denied to assume the role names sts:AssumeRole', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Not for you', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('denied-role') });
    const error = await desk.fail('pools:list', { connectionId: saved.id });
    expect(error.code).toBe('AccessDenied');
    expect(wordsFor(error).message).toContain('sts:AssumeRole');
    expect(wordsFor(error).message).toContain(DENIED_ROLE);
    noSecretsIn(error);
  });

  it('a user pool of another region is refused before any call; an unknown pool still says to check the region', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Ireland', region: 'eu-west-1', endpoint: secondProxy.endpoint, source: { kind: 'access-keys', ...TYPED } });
    const seenBefore = secondProxy.seen.length;
    const error = await desk.fail('pools:describe', { connectionId: saved.id, userPoolId: STAFF });
    expect(error.code).toBe('WrongRegion');
    expect(wordsFor(error).message).toContain('us-east-1');
    expect(wordsFor(error).message).toContain('eu-west-1');
    expect((await desk.fail('recovery:forgotPassword', { connectionId: saved.id, userPoolId: STAFF, clientId: STAFF_PUBLIC, username: 'alice.verified' })).code).toBe('WrongRegion');
    expect(secondProxy.seen.length).toBe(seenBefore);
    noSecretsIn(error);

    const missing = await desk.fail('pools:describe', { connectionId: 'demo', userPoolId: 'us-east-1_NoSuchPool' });
    expect(missing.code).toBe('ResourceNotFound');
    expect(wordsFor(missing).guidance).toMatch(/region/);
  });

  it('an endpoint that is down is a network error naming the host', async () => {
    const port = await closedPort();
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Down', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, source: { kind: 'access-keys', ...TYPED } });
    const error = await desk.fail('pools:list', { connectionId: saved.id });
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(wordsFor(error).message).toContain(`127.0.0.1:${port}`);
    noSecretsIn(error);
    expect((await desk.fail('connections:test', { connectionId: saved.id })).code).toBe('NetworkError');
  });

  it('a signature AWS calls expired means the computer\'s clock is off', async () => {
    const standIn = await startFailingCognito(() => ({ type: 'InvalidSignatureException', message: 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)' }));
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'Skewed', region: 'us-east-1', endpoint: standIn.endpoint, source: { kind: 'access-keys', ...TYPED } });
      const error = await desk.fail('pools:list', { connectionId: saved.id });
      expect(error.code).toBe('ClockSkew');
      expect(wordsFor(error).guidance).toMatch(/clock/);
      noSecretsIn(error);
    } finally {
      await standIn.close();
    }
  });

  it('a profile that is not in the files is missing credentials, naming the profile', async () => {
    const desk = await openDesk();
    const saved = await desk.call('connections:save', { name: 'Typo', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('no-such-profile') });
    const error = await desk.fail('pools:list', { connectionId: saved.id });
    expect(error.code).toBe('CredentialsMissing');
    expect(wordsFor(error).message).toContain('no-such-profile');
    noSecretsIn(error);
  });

  it('STS itself is checked: a closed STS endpoint is a network error naming it', async () => {
    const port = await closedPort();
    setProcessEnv({ AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` });
    try {
      const desk = await openDesk();
      const saved = await desk.call('connections:save', { name: 'No STS', region: 'us-east-1', endpoint: secondProxy.endpoint, source: profileSource('helpdesk-role') });
      const error = await desk.fail('connections:test', { connectionId: saved.id });
      expect(error.code).toBe('NetworkError');
      expect(wordsFor(error).message).toContain(`127.0.0.1:${port}`);
    } finally {
      setProcessEnv({ AWS_ENDPOINT_URL_STS: sts.endpoint });
    }
  });
});
