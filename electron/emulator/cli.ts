import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoMessage } from '../../shared/contract';
import { defaultDataDir, resolveDataDir } from '../core/data-dir';
import { RecoveryDeskError } from '../core/errors';
import { describeFileProblem } from '../core/json-file';
import { EMULATOR_USAGE, EmulatorCliError, parseEmulatorArgs } from './cli-args';
import { startDemoEmulator, type DemoEmulator } from './index';
import { SCALE_POOL_ID, SCALE_POOL_NAME, scaleClient } from './scale-seed';
import { buildDemoSeed } from './seed';

// `npm run emulator`: the demo emulator alone, for the AWS CLI or any SDK (--endpoint-url).
// Built to out/main/emulator.js. Plain Node, no Electron.

/** How often new inbox messages are looked for, to print their codes. */
const INBOX_POLL_MS = 500;

async function main(argv: readonly string[]): Promise<void> {
  const options = parseEmulatorArgs(argv);
  if (options.help) {
    process.stdout.write(`${EMULATOR_USAGE}\n`);
    return;
  }

  const dataDir = resolveDataDir({
    flag: options.dataDir,
    env: process.env,
    // Not the app's own folder: one emulator per folder at a time, and the app starts its own
    // emulator there whenever the Offline demo connection is used.
    fallback: path.join(defaultDataDir({ platform: process.platform, env: process.env, homeDir: os.homedir() }), 'standalone-emulator'),
    cwd: process.cwd(),
  });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // While it starts (seeding can take seconds), Ctrl+C or SIGTERM ends it at once: there is nothing to
  // close yet, and a seed is written aside and renamed into place. A handler of our own from the start
  // also keeps the signal from being lost: write-file-atomic's signal-exit listens only while a write
  // runs, and Node drops a signal caught then but handled after that listener went.
  const whileStarting = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.on('SIGINT', whileStarting);
  process.on('SIGTERM', whileStarting);
  let emulator: DemoEmulator;
  try {
    emulator = await startDemoEmulator({
      dataDir,
      port: options.port,
      ...(options.throttling ? {} : { throttling: false }),
      ...(options.users === undefined ? {} : { scaleUsers: options.users }),
      onProblem: (problem) => process.stderr.write(`${problem}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new EmulatorCliError(`Port ${options.port} is already in use; pick another with --port, or --port 0 for any free port.`);
    }
    throw error;
  }

  const printed = new Set(emulator.inbox().map((message) => message.id));
  const poll = setInterval(() => {
    // Oldest first, so the terminal reads in the order the codes were sent.
    for (const message of emulator.inbox().reverse()) {
      if (printed.has(message.id)) continue;
      printed.add(message.id);
      process.stdout.write(`${describeMessage(message)}\n`);
    }
  }, INBOX_POLL_MS);

  installShutdown(emulator, poll);
  process.off('SIGINT', whileStarting);
  process.off('SIGTERM', whileStarting);
  process.stdout.write(banner(emulator, dataDir));
}

function banner(emulator: DemoEmulator, dataDir: string): string {
  const seed = buildDemoSeed();
  const pools = seed.pools.map(({ pool, users }) => `  ${pool.Id}  ${pool.Name} (${users.length} users)`);
  const clients = seed.clients.map(
    (client) => `  ${client.ClientId}  ${client.ClientName}, pool ${client.UserPoolId}${client.ClientSecret ? ' (has a secret: DescribeUserPoolClient returns it)' : ''}`,
  );
  const scale = emulator.scalePool;
  if (scale) {
    const users = scale.userCount.toLocaleString('en-US');
    const seconds = (scale.milliseconds / 1000).toFixed(1);
    pools.push(
      `  ${SCALE_POOL_ID}  ${SCALE_POOL_NAME} (${users} generated users: ${scale.outcome === 'generated' ? `generated in ${seconds} s` : `kept from the last start, checked in ${seconds} s`})`,
    );
    const scaleApp = scaleClient();
    clients.push(`  ${scaleApp.ClientId}  ${scaleApp.ClientName}, pool ${scaleApp.UserPoolId}`);
  }
  const firstPool = seed.pools[0]?.pool.Id ?? '';
  const throttling = emulator.controls().throttling ? "on (Cognito's default request-rate quotas)" : 'off';
  return [
    // The first line is what scripts and tests wait for.
    `Cognito emulator listening at ${emulator.endpoint}`,
    `Region ${emulator.region} · throttling ${throttling} · data in ${dataDir}`,
    '',
    'Seeded user pools:',
    ...pools,
    'Seeded app clients:',
    ...clients,
    '',
    'It accepts any credentials; give the AWS CLI or SDK dummy ones, for example:',
    '  export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo',
    `  aws cognito-idp list-users --user-pool-id ${firstPool} --endpoint-url ${emulator.endpoint} --region ${emulator.region}`,
    '',
    'Codes it "sends" are printed here (demo codes: they protect nothing real). Ctrl+C stops it.',
    '',
  ].join('\n');
}

function describeMessage(message: DemoMessage): string {
  const time = new Date(message.sentAt).toLocaleTimeString();
  const purpose = message.purpose || 'Verification';
  return `[${time}] ${purpose} code for ${message.username} in ${message.userPoolId} (${message.deliveryMedium} to ${message.destination}): ${message.code}`;
}

function installShutdown(emulator: DemoEmulator, poll: NodeJS.Timeout): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl+C under npm reaches us twice (terminal and launcher): only the first counts.
    if (stopping) return;
    stopping = true;
    clearInterval(poll);
    const code = signal === 'SIGINT' ? 130 : 0;
    // A stuck close must not keep the terminal hostage.
    setTimeout(() => process.exit(code), 10_000).unref();
    void emulator
      .close()
      .catch(() => undefined)
      .then(() => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof EmulatorCliError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // A damaged data file: name it, and say what to do.
  const damaged = error instanceof RecoveryDeskError ? error.facts.params : undefined;
  if (damaged?.file && damaged.directory) {
    process.stderr.write(`The emulator could not start: ${describeFileProblem(damaged.file)}\n`);
    process.stderr.write(`Rename or delete the folder ${damaged.directory} (it holds only demo data): the next start seeds the demo afresh. Keep the damaged file if you want to look into it.\n`);
  } else {
    process.stderr.write(`The emulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
