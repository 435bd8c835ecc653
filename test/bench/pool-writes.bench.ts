import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { DEMO_STAFF_POOL_ID, SCALE_POOL_ID, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';

// How fast a pool is seeded through the API: AdminCreateUser calls in parallel through the SDK, each
// acknowledged only once its user is on disk. Target, printed after the run: ≥ 500 users/s (issue 14),
// both into a small pool (the demo's Acme Staff, growing run after run) and into the Acme Scale pool
// of 50,000 users, where each change is appended to the pool's journal rather than rewriting 30 MB.
const USERS_PER_SECOND_TARGET = 500;
const USERS_PER_RUN = 1_000;
const CALLS_IN_PARALLEL = 32;
const POOLS = [
  { name: 'Acme Staff (a few thousand users)', poolId: DEMO_STAFF_POOL_ID, scaleUsers: undefined },
  { name: 'Acme Scale (50,000 users)', poolId: SCALE_POOL_ID, scaleUsers: 50_000 },
] as const;

let dataDir: string;
const sites: { emulator: DemoEmulator; client: CognitoIdentityProviderClient; usersPerSecond: number[] }[] = [];
let created = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-pool-writes-bench-'));
  for (const [at, pool] of POOLS.entries()) {
    // Throttling off: the bench outruns Cognito's per-second quotas on purpose.
    const emulator = await startDemoEmulator({ dataDir: join(dataDir, String(at)), throttling: false, env: {}, ...(pool.scaleUsers ? { scaleUsers: pool.scaleUsers } : {}) });
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
    sites.push({ emulator, client, usersPerSecond: [] });
  }
}, 120_000);

afterAll(async () => {
  const lines = POOLS.map((pool, at) => {
    const rates = sites[at]?.usersPerSecond ?? [];
    const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
    return `  ${pool.name}: runs ${rates.map((rate) => rate.toFixed(0)).join(', ')} users/s; median ${median.toFixed(0)} (target ≥ ${USERS_PER_SECOND_TARGET}): ${median >= USERS_PER_SECOND_TARGET ? 'met' : 'MISSED'}`;
  });
  console.log(`\nSeeding through AdminCreateUser, ${CALLS_IN_PARALLEL} calls in parallel, ${USERS_PER_RUN} users a run\n${lines.join('\n')}\n`);
  for (const { client, emulator } of sites) {
    client.destroy();
    await emulator.close();
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function createUsers(client: CognitoIdentityProviderClient, poolId: string, count: number): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < count) {
      next += 1;
      created += 1;
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: `seeded-${created}`,
          TemporaryPassword: 'Seeded-Temporary-1!',
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'email', Value: `seeded-${created}@example.com` }],
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: CALLS_IN_PARALLEL }, caller));
}

describe('seeding a pool through the API', () => {
  bench(
    `AdminCreateUser, ${CALLS_IN_PARALLEL} in parallel, ${USERS_PER_RUN} users into each pool`,
    async () => {
      for (const [at, pool] of POOLS.entries()) {
        const site = sites[at];
        if (!site) throw new Error(`No emulator for ${pool.name}.`);
        const started = performance.now();
        await createUsers(site.client, pool.poolId, USERS_PER_RUN);
        site.usersPerSecond.push(USERS_PER_RUN / ((performance.now() - started) / 1000));
      }
    },
    { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
