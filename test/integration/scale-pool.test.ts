import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  paginateListUsers,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_INITIAL_PASSWORD,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  SCALE_CLIENT_ID,
  SCALE_POOL_ID,
  SCALE_POOL_NAME,
  scaleUsername,
  startDemoEmulator,
  type DemoEmulator,
  type StartDemoEmulatorOptions,
} from '../../electron/emulator';
import { buildScaleSeed } from '../../electron/emulator/scale-seed';

// The Acme Scale pool through the real SDK: N generated users added at start, written once for a given
// N (a start with the same N leaves the file alone), regenerated when N changes, and untouched without N.

const USERS = 500;
let dataDir: string;
const poolFile = () => join(dataDir, 'emulator', `${SCALE_POOL_ID}.json`);
const fileIdentity = async (path: string) => {
  const { ino, mtimeMs, size } = await stat(path);
  return { ino, mtimeMs, size };
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-scale-pool-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function withEmulator<T>(options: Omit<StartDemoEmulatorOptions, 'dataDir'>, use: (emulator: DemoEmulator, cognito: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
  const emulator = await startDemoEmulator({ dataDir, throttling: false, env: {}, ...options });
  const cognito = new CognitoIdentityProviderClient({ region: emulator.region, endpoint: emulator.endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
  try {
    return await use(emulator, cognito);
  } finally {
    cognito.destroy();
    await emulator.close();
  }
}

async function listAllUsernames(cognito: CognitoIdentityProviderClient): Promise<string[]> {
  const usernames: string[] = [];
  for await (const page of paginateListUsers({ client: cognito, pageSize: 60 }, { UserPoolId: SCALE_POOL_ID })) {
    usernames.push(...(page.Users ?? []).map((user) => user.Username ?? ''));
  }
  return usernames;
}

const expectedUsernames = (count: number) => Array.from({ length: count }, (_, index) => scaleUsername(index + 1)).sort();

describe('the Acme Scale pool', () => {
  it(`is generated with ${USERS} users that page through ListUsers, with its client beside the demo's`, async () => {
    await withEmulator({ scaleUsers: USERS }, async (emulator, cognito) => {
      expect(emulator.scalePool).toMatchObject({ userCount: USERS, outcome: 'generated' });
      expect((await listAllUsernames(cognito)).sort()).toEqual(expectedUsernames(USERS));

      const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: SCALE_POOL_ID }));
      expect(UserPool).toMatchObject({ Id: SCALE_POOL_ID, Name: SCALE_POOL_NAME, MfaConfiguration: 'OPTIONAL' });
      const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: SCALE_POOL_ID, ClientId: SCALE_CLIENT_ID }));
      expect(UserPoolClient?.ClientSecret).toBeUndefined();
      // clients.json is shared: the demo's own clients are still there.
      const staffClients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: DEMO_STAFF_POOL_ID }));
      expect(staffClients.UserPoolClients?.map((client) => client.ClientId)).toContain(DEMO_STAFF_PUBLIC_CLIENT_ID);

      // A generated user signs in with the demo's password.
      const signer = buildScaleSeed(USERS).users.find((user) => user.UserStatus === 'CONFIRMED' && user.Enabled && !user.PreferredMfaSetting);
      const auth = await cognito.send(
        new InitiateAuthCommand({ ClientId: SCALE_CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: signer?.Username ?? '', PASSWORD: DEMO_INITIAL_PASSWORD } }),
      );
      expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
    });
  });

  it('is kept, file untouched, at a start with the same N (here from RECOVERY_DESK_DEMO_USERS) or without N', async () => {
    const before = await fileIdentity(poolFile());
    const clientsBefore = await readFile(join(dataDir, 'emulator', 'clients.json'), 'utf8');
    await withEmulator({ env: { RECOVERY_DESK_DEMO_USERS: String(USERS) } }, async (emulator, cognito) => {
      expect(emulator.scalePool).toMatchObject({ userCount: USERS, outcome: 'kept' });
      expect(await listAllUsernames(cognito)).toHaveLength(USERS);
    });
    await withEmulator({}, async (emulator) => {
      expect(emulator.scalePool).toBeUndefined();
    });
    expect(await fileIdentity(poolFile())).toEqual(before);
    expect(await readFile(join(dataDir, 'emulator', 'clients.json'), 'utf8')).toBe(clientsBefore);
  });

  it('is regenerated when N changes', async () => {
    const before = await fileIdentity(poolFile());
    await withEmulator({ scaleUsers: USERS + 100 }, async (emulator, cognito) => {
      expect(emulator.scalePool).toMatchObject({ userCount: USERS + 100, outcome: 'generated' });
      expect((await listAllUsernames(cognito)).sort()).toEqual(expectedUsernames(USERS + 100));
    });
    expect((await fileIdentity(poolFile())).ino).not.toBe(before.ino);
  });
});
