import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoEnvironment } from '../core/demo-environment';
import { startCognitoLocal, writeCognitoLocalSeed } from './cognito-local-adapter';
import { DemoInbox } from './inbox';
import { pagingInterceptors } from './paging';
import { buildDemoSeed, DEMO_REGION } from './seed';

// The offline demo: cognito-local in this process on a free localhost port, seeded on first start,
// with every code it "delivers" captured in an inbox instead of printed. A command-line entry only
// needs to call startDemoEmulator and print the endpoint.

export {
  DEMO_ACCOUNT_ID,
  DEMO_CUSTOMER_CLIENT_ID,
  DEMO_CUSTOMER_COUNT,
  DEMO_CUSTOMER_POOL_ID,
  DEMO_CUSTOMER_POOL_NAME,
  DEMO_INITIAL_PASSWORD,
  DEMO_REGION,
  DEMO_STAFF_CLIENT_SECRET,
  DEMO_STAFF_POOL_ID,
  DEMO_STAFF_POOL_NAME,
  DEMO_STAFF_PUBLIC_CLIENT_ID,
  DEMO_STAFF_SECRET_CLIENT_ID,
  DEMO_STAFF_USERS,
  demoCustomerUsername,
} from './seed';

export interface StartDemoEmulatorOptions {
  /** The app's data folder. The emulator uses `<dataDir>/emulator/` and `<dataDir>/emulator-inbox.json`. */
  dataDir: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: never reachable from other machines. */
  host?: string;
}

export interface DemoEmulator extends DemoEnvironment {
  port: number;
  /** Empties the inbox, in memory and on disk. */
  clearInbox(): Promise<void>;
}

/**
 * Starts the emulator. One instance per data folder at a time: cognito-local keeps its files open
 * in memory and would overwrite another instance's changes.
 */
export async function startDemoEmulator(options: StartDemoEmulatorOptions): Promise<DemoEmulator> {
  const directory = join(options.dataDir, 'emulator');
  await seedIfEmpty(directory);
  const inbox = await DemoInbox.open(join(options.dataDir, 'emulator-inbox.json'));

  const running = await startCognitoLocal({
    directory,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    interceptors: pagingInterceptors,
    onDelivery: async (delivery) => {
      await inbox.record({
        deliveryMedium: delivery.deliveryMedium,
        destination: delivery.destination,
        username: delivery.username,
        userPoolId: delivery.userPoolId,
        ...(delivery.clientId === null ? {} : { clientId: delivery.clientId }),
        code: delivery.code,
      });
    },
  });

  let closing: Promise<void> | undefined;
  return {
    endpoint: running.endpoint,
    region: DEMO_REGION,
    port: running.port,
    inbox: () => inbox.list(),
    clearInbox: () => inbox.clear(),
    close: () => {
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
  const staging = `${directory}.seeding-${process.pid}`;
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
