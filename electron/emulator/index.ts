import { open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoEnvironment } from '../core/demo-environment';
import { createEmulatorClock, type EmulatorClock } from './clock';
import { startCognitoLocal, writeCognitoLocalSeed } from './cognito-local-adapter';
import { DurableDataStoreFactory, journalPath } from './durable-data-store';
import { FaultInjector } from './faults';
import { createFidelityInterceptors, maskDestination } from './fidelity';
import { DemoInbox } from './inbox';
import { listingInterceptors } from './paging';
import { buildScaleSeed, resolveScaleUsers, SCALE_GENERATED_USERS_TAG, SCALE_POOL_ID, scaleClient } from './scale-seed';
import { buildDemoSeed, DEMO_REGION, type SeedClient } from './seed';
import { createThrottle, resolveThrottling, type ThrottlingOption } from './throttling';

// The offline demo: cognito-local in this process on a free localhost port, seeded on first start,
// with every code it "delivers" captured in an inbox instead of printed. A command-line entry only
// needs to call startDemoEmulator and print the endpoint.

export {
  DEMO_ACCOUNT_ID,
  DEMO_ADMIN_ONLY_CLIENT_ID,
  DEMO_ADMIN_ONLY_POOL_ID,
  DEMO_ADMIN_ONLY_POOL_NAME,
  DEMO_ADMIN_ONLY_USERS,
  DEMO_CUSTOMER_CLIENT_ID,
  DEMO_CUSTOMER_COUNT,
  DEMO_CUSTOMER_POOL_ID,
  DEMO_CUSTOMER_POOL_NAME,
  DEMO_CUSTOMER_USERS,
  DEMO_INITIAL_PASSWORD,
  DEMO_LEGACY_CLIENT_ID,
  DEMO_LEGACY_POOL_ID,
  DEMO_LEGACY_POOL_NAME,
  DEMO_LEGACY_USERS,
  DEMO_REGION,
  DEMO_STAFF_ALIASES,
  DEMO_STAFF_CLIENT_SECRET,
  DEMO_STAFF_PASSWORD_HISTORY_SIZE,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_POOL_NAME,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_SECRET_CLIENT_ID,
  DEMO_STAFF_USERS,
  demoCustomerUsername,
} from './seed';
export { resolveScaleUsers, SCALE_CLIENT_ID, SCALE_POOL_ID, SCALE_POOL_NAME, SCALE_USERS_ENV, scaleUserEmail, scaleUsername } from './scale-seed';
export { ATTEMPT_WINDOW_MS, CODE_VALIDITY_MS, DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS, MAX_CODE_REQUESTS_PER_WINDOW, MAX_WRONG_CODES_PER_WINDOW } from './fidelity';

export interface StartDemoEmulatorOptions {
  /** The app's data folder. The emulator uses `<dataDir>/emulator/` and `<dataDir>/emulator-inbox.json`. */
  dataDir: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: never reachable from other machines. */
  host?: string;
  /**
   * Cognito's request-rate quotas (TooManyRequestsException past them): on by default; false turns
   * them off, an object replaces some quotas. Unset, RECOVERY_DESK_DEMO_THROTTLING=off turns them off.
   */
  throttling?: ThrottlingOption;
  /** Default: a clock that follows real time until a test moves it forward. */
  clock?: EmulatorClock;
  /**
   * Adds the "Acme Scale" pool holding this many generated users (1…100,000), regenerated only when
   * the count changes. Unset, RECOVERY_DESK_DEMO_USERS=N does the same; neither: no such pool is added.
   */
  scaleUsers?: number;
  /** Read for RECOVERY_DESK_DEMO_THROTTLING and RECOVERY_DESK_DEMO_USERS; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Told, in words for the operator, when a damaged file was moved aside and started afresh (the
   * inbox's: it holds only demo codes). The emulator itself prints nothing.
   */
  onProblem?(problem: string): void;
}

export interface ScalePoolSeeding {
  userCount: number;
  /** generated: the pool file was (re)written; kept: it already held this many generated users. */
  outcome: 'generated' | 'kept';
  milliseconds: number;
}

export interface DemoEmulator extends DemoEnvironment {
  port: number;
  /** What the start did about the Acme Scale pool; absent when no user count was asked for. */
  scalePool?: ScalePoolSeeding;
  clock: EmulatorClock;
  /** Empties the inbox, in memory and on disk; resolves to how many messages were removed. */
  clearInbox(): Promise<number>;
}

/**
 * Starts the emulator. One instance per data folder at a time: its files are held in memory, and
 * another instance's changes would be overwritten. A damaged pool or app client file fails the start
 * with DemoUnavailable, naming the file, rather than losing its data.
 */
export async function startDemoEmulator(options: StartDemoEmulatorOptions): Promise<DemoEmulator> {
  const directory = join(options.dataDir, 'emulator');
  const env = options.env ?? process.env;
  const scaleUsers = resolveScaleUsers(options.scaleUsers, env);
  await seedIfEmpty(directory);
  const scalePool = scaleUsers === undefined ? undefined : await seedScalePool(directory, scaleUsers);
  const inbox = await DemoInbox.open(join(options.dataDir, 'emulator-inbox.json'), (problem) => options.onProblem?.(problem));
  const clock = options.clock ?? createEmulatorClock();
  const faults = new FaultInjector();
  const throttling = resolveThrottling(options.throttling, env);
  const throttle = createThrottle({ clock, ...throttling });

  const running = await startCognitoLocal({
    directory,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    // Recovery codes live in the fidelity layer's memory: a restart invalidates them, like an expiry.
    interceptors: (store) => ({
      ...listingInterceptors(store),
      ...createFidelityInterceptors({ store, clock, deliver: ({ sentAt, ...message }) => inbox.record(message, sentAt).then(() => undefined) }),
    }),
    clock,
    // Faults first: an injected outage answers even when the caller would also be throttled.
    beforeCall: async (target) => {
      await faults.before(target);
      throttle.admit(target);
    },
    onDelivery: async (delivery) => {
      // cognito-local's own codes (sign-up, first invitations…); ForgotPassword's, admin resets' and
      // re-sent invitations come from the fidelity layer.
      await inbox.record(
        {
          deliveryMedium: delivery.deliveryMedium,
          destination: delivery.destination,
          maskedDestination: maskDestination(delivery.deliveryMedium, delivery.destination),
          purpose: delivery.source,
          username: delivery.username,
          userPoolId: delivery.userPoolId,
          ...(delivery.clientId === null ? {} : { clientId: delivery.clientId }),
          code: delivery.code,
        },
        new Date(clock.now()),
      );
    },
  });

  let closing: Promise<void> | undefined;
  const controls = () => ({ faults: faults.list(), throttling: throttle.enabled });
  return {
    endpoint: running.endpoint,
    region: DEMO_REGION,
    port: running.port,
    ...(scalePool ? { scalePool } : {}),
    clock,
    inbox: () => inbox.list(),
    clearInbox: () => inbox.clear(),
    controls,
    injectFault(fault) {
      faults.inject(fault);
      return controls();
    },
    clearFaults() {
      faults.clear();
      return controls();
    },
    setThrottling(enabled) {
      throttle.setEnabled(enabled);
      return controls();
    },
    close: () => {
      faults.dispose();
      closing ??= running.close().then(() => inbox.flush());
      return closing;
    },
  };
}

/** cognito-local treats every *.json in its folder as data; none means a first start. */
async function seedIfEmpty(directory: string): Promise<void> {
  if (await hasData(directory)) return;
  // Seed into a side folder and rename it into place, so a crash mid-seed never leaves a
  // half-written folder that would count as data next time.
  // One name, not one per process: one emulator per folder, and a start removes what a killed one left.
  const staging = `${directory}.seeding`;
  await rm(staging, { recursive: true, force: true });
  await writeCognitoLocalSeed(staging, buildDemoSeed());
  await rm(directory, { recursive: true, force: true });
  await rename(staging, directory);
}

async function hasData(directory: string): Promise<boolean> {
  try {
    return (await readdir(directory)).some((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Writes the Acme Scale pool unless its file already holds `userCount` generated users (a start with
 * the same N rewrites nothing), and adds its app client to clients.json if missing. The pool file is
 * written in a side folder and renamed into place, so a crash leaves the old file or the new one.
 */
async function seedScalePool(directory: string, userCount: number): Promise<ScalePoolSeeding> {
  const started = performance.now();
  const poolFile = join(directory, `${SCALE_POOL_ID}.json`);
  const kept = (await generatedUserCount(poolFile)) === userCount;
  if (!kept) {
    const staging = `${directory}.scale-seeding`;
    await rm(staging, { recursive: true, force: true });
    const { pool, users, clients } = buildScaleSeed(userCount);
    await writeCognitoLocalSeed(staging, { pools: [{ pool, users }], clients });
    // The old pool's unwritten changes must not be replayed onto the new one.
    await rm(journalPath(directory, SCALE_POOL_ID), { force: true });
    await rename(join(staging, `${SCALE_POOL_ID}.json`), poolFile);
    await rm(staging, { recursive: true, force: true });
  }
  // Also when the pool was kept: a crash between the two renames left the client out.
  await addClientIfMissing(directory, scaleClient());
  return { userCount, outcome: kept ? 'kept' : 'generated', milliseconds: performance.now() - started };
}

/** How much of each end of the pool file is searched for the tag before the whole file is read. */
const TAG_SEARCH_BYTES = 64 * 1024;

/**
 * The count recorded in the pool's tags. Options sits at one end of the file: first as the seed writes
 * it, last once the data store has rewritten it (its schema puts Users first). So the ends are searched
 * before parsing tens of megabytes of users. Undefined: no file, no tag, or a file that is not JSON
 * (it holds only generated users, so it is generated again).
 */
async function generatedUserCount(poolFile: string): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(poolFile, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const tag = new RegExp(`"${SCALE_GENERATED_USERS_TAG}"\\s*:\\s*"(\\d+)"`);
  try {
    const { size } = await handle.stat();
    for (const position of [0, Math.max(0, size - TAG_SEARCH_BYTES)]) {
      const end = Buffer.alloc(Math.min(TAG_SEARCH_BYTES, size));
      const { bytesRead } = await handle.read(end, 0, end.length, position);
      const found = tag.exec(end.toString('utf8', 0, bytesRead))?.[1];
      if (found !== undefined) return Number(found);
    }
    const whole: unknown = JSON.parse(await handle.readFile('utf8'));
    const count = (whole as { Options?: { UserPoolTags?: Record<string, string> } }).Options?.UserPoolTags?.[SCALE_GENERATED_USERS_TAG];
    return count === undefined ? undefined : Number(count);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    await handle.close();
  }
}

/** clients.json is shared by every pool: one client is added through the data store, the others left as they are. */
async function addClientIfMissing(directory: string, client: SeedClient): Promise<void> {
  const clients = await new DurableDataStoreFactory(directory).create(undefined, 'clients', { Clients: {} });
  if ((await clients.get(undefined, ['Clients', client.ClientId])) === null) await clients.set(undefined, ['Clients', client.ClientId], client);
}
