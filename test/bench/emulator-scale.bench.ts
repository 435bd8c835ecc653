import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient, ForgotPasswordCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { SCALE_CLIENT_ID, SCALE_POOL_ID, scaleUserEmail, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';

// The emulator at real pool sizes (issue 14): the same calls against an Acme Scale pool of 1,000 and of
// 50,000 users, side by side in one run (interleaved, so a busy machine slows both alike), through the
// real SDK. Targets, printed after the run as ratios of the 50,000-user time to the 1,000-user time:
//   first ListUsers page ≤ 1.5×; an email-prefix search ≤ 2×; ForgotPassword for an unknown user ≤ 1.5×;
//   paging through every user, time per user ≤ 1.5× (linear, not quadratic).
// And the standalone emulator (`npm run emulator -- --users 50000`, built by `npm run bench`) on the
// folder those runs left: start to first page ≤ 2 s without rewriting the pool file, memory ≤ 300 MB.
const SIZES = [1_000, 50_000] as const;
type Size = (typeof SIZES)[number];
const RATIO_TARGETS = { 'first page': 1.5, 'email prefix': 2, 'ForgotPassword, unknown user': 1.5, 'paging, per user': 1.5 } as const;
type Measure = keyof typeof RATIO_TARGETS;
const START_SECONDS_TARGET = 2;
const MEMORY_MB_TARGET = 300;
const emulatorEntry = resolve(__dirname, '../../out/main/emulator.js');

const sites = new Map<Size, { dataDir: string; emulator: DemoEmulator; client: CognitoIdentityProviderClient }>();
const timings = new Map<string, number[]>();
const lines: string[] = [];

function record(measure: Measure, size: Size, milliseconds: number): void {
  const key = `${measure} @ ${size}`;
  timings.set(key, [...(timings.get(key) ?? []), milliseconds]);
}

function median(measure: Measure, size: Size): number {
  const sorted = [...(timings.get(`${measure} @ ${size}`) ?? [])].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function site(size: Size) {
  const found = sites.get(size);
  if (!found) throw new Error(`No emulator with ${size} users.`);
  return found;
}

// The caller searched for: the same user in both pools, by the start of their email (the part before
// the @, as an operator types it). It finds the same users at both sizes, so the ratio is the pool's
// size alone, not a longer answer.
const CALLER = 321;
let unknownUsers = 0;
const EMAIL_PREFIX = scaleUserEmail(CALLER).slice(0, scaleUserEmail(CALLER).indexOf('@'));
const emailMatches = new Map<Size, number>();

beforeAll(async () => {
  for (const size of SIZES) {
    const dataDir = await mkdtemp(join(tmpdir(), `recovery-desk-scale-${size}-`));
    // Throttling off: the bench loops past Cognito's per-second quotas on purpose.
    const emulator = await startDemoEmulator({ dataDir, throttling: false, env: {}, scaleUsers: size });
    const client = new CognitoIdentityProviderClient({ region: emulator.region, endpoint: emulator.endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
    sites.set(size, { dataDir, emulator, client });
  }
}, 120_000);

afterAll(async () => {
  for (const measure of Object.keys(RATIO_TARGETS) as Measure[]) {
    const ratio = median(measure, 50_000) / median(measure, 1_000);
    const target = RATIO_TARGETS[measure];
    lines.push(
      `  ${measure}: ${median(measure, 1_000).toFixed(3)} ms at 1,000, ${median(measure, 50_000).toFixed(3)} ms at 50,000 = ${ratio.toFixed(2)}× (target ≤ ${target}×): ${ratio <= target ? 'met' : 'MISSED'}`,
    );
  }
  lines.push(`  (the email search found ${emailMatches.get(1_000)} user(s) at 1,000 and ${emailMatches.get(50_000)} at 50,000)`);
  const big = site(50_000);
  for (const { client, emulator } of sites.values()) {
    client.destroy();
    await emulator.close();
  }
  lines.push(...(await standaloneStart(big.dataDir)));
  console.log(`\nThe emulator at 1,000 and 50,000 users (Acme Scale), medians through the SDK\n${lines.join('\n')}\n`);
  for (const { dataDir } of sites.values()) await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe('the emulator at 1,000 and 50,000 users', () => {
  // Each bench runs both sizes per iteration, so the ratio compares moments of the same load.
  bench('first ListUsers page of 60', async () => {
    for (const size of SIZES) record('first page', size, await timed(() => site(size).client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Limit: 60 }))));
  });

  bench(`email prefix search "${EMAIL_PREFIX}"`, async () => {
    for (const size of SIZES) {
      record(
        'email prefix',
        size,
        await timed(async () => {
          const { Users } = await site(size).client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Limit: 60, Filter: `email ^= "${EMAIL_PREFIX}"` }));
          if (!Users?.some((user) => user.Attributes?.some((attribute) => attribute.Name === 'email' && attribute.Value === scaleUserEmail(CALLER)))) {
            throw new Error(`The search did not find the caller at ${size} users.`);
          }
          emailMatches.set(size, Users.length);
        }),
      );
    }
  });

  bench('ForgotPassword for an unknown user', async () => {
    for (const size of SIZES) {
      record(
        'ForgotPassword, unknown user',
        size,
        await timed(async () => {
          // The app client may hide that the user does not exist; either answer is fine, a slow one is not.
          // A new name each time: Cognito limits code requests per username (LimitExceededException).
          unknownUsers += 1;
          await site(size)
            .client.send(new ForgotPasswordCommand({ ClientId: SCALE_CLIENT_ID, Username: `nobody.${unknownUsers}@example.invalid` }))
            .catch((error: unknown) => {
              if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
            });
        }),
      );
    }
  });

  bench(
    'paging through every user, 60 a page',
    async () => {
      for (const size of SIZES) {
        let listed = 0;
        const milliseconds = await timed(async () => {
          let token: string | undefined;
          do {
            const page = await site(size).client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Limit: 60, PaginationToken: token }));
            listed += page.Users?.length ?? 0;
            token = page.PaginationToken;
          } while (token);
        });
        if (listed !== size) throw new Error(`Paging listed ${listed} of ${size} users.`);
        record('paging, per user', size, milliseconds / size);
      }
    },
    { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});

/**
 * `npm run emulator -- --users 50000` as a developer runs it, on the folder the run above left: the
 * time to the first ListUsers page, whether the pool file was rewritten, and the process's memory
 * (resident set) after paging through every user and a search.
 */
async function standaloneStart(dataDir: string): Promise<string[]> {
  const poolFile = join(dataDir, 'emulator', `${SCALE_POOL_ID}.json`);
  const before = await stat(poolFile);
  const started = performance.now();
  const child = spawn(process.execPath, [emulatorEntry, '--port', '0', '--data-dir', dataDir, '--users', '50000', '--no-throttling'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const endpoint = await new Promise<string>((resolvePromise, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /listening at (http:\/\/\S+)/u.exec(out);
        if (match?.[1]) resolvePromise(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`The emulator exited (${code}) before it listened:\n${out}`)));
    });
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
    await client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Limit: 60 }));
    const seconds = (performance.now() - started) / 1000;
    const after = await stat(poolFile);
    const rewritten = after.mtimeMs !== before.mtimeMs || after.ino !== before.ino;
    let token: string | undefined;
    do token = (await client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Limit: 60, PaginationToken: token }))).PaginationToken;
    while (token);
    await client.send(new ListUsersCommand({ UserPoolId: SCALE_POOL_ID, Filter: `email ^= "${EMAIL_PREFIX}"` }));
    client.destroy();
    const residentMb = residentMegabytes(child.pid);
    return [
      `  standalone start with 50,000 users to the first page: ${seconds.toFixed(2)} s (target ≤ ${START_SECONDS_TARGET} s): ${seconds <= START_SECONDS_TARGET ? 'met' : 'MISSED'}`,
      `  pool file rewritten at that start: ${rewritten ? 'yes: MISSED' : 'no: met'}`,
      residentMb === undefined
        ? '  emulator memory: not measured (needs /proc, i.e. Linux)'
        : `  emulator memory after paging and searching 50,000 users: ${residentMb.toFixed(0)} MB resident (target ≤ ${MEMORY_MB_TARGET} MB): ${residentMb <= MEMORY_MB_TARGET ? 'met' : 'MISSED'}`,
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolvePromise) => (child.exitCode === null ? child.once('exit', resolvePromise) : resolvePromise(undefined)));
  }
}

function residentMegabytes(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  const kilobytes = /^VmRSS:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
}
