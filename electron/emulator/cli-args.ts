import { parseArgs } from 'node:util';
import { parseScaleUserCount, SCALE_POOL_NAME, SCALE_USER_COUNT_RULE, SCALE_USERS_ENV } from './scale-seed';

export interface EmulatorCliOptions {
  port: number;
  dataDir?: string;
  throttling: boolean;
  /** --users N: the Acme Scale pool's generated user count. */
  users?: number;
  help: boolean;
}

/** cognito-local's own CLI port, so commands written for it work unchanged. */
export const DEFAULT_EMULATOR_PORT = 9229;

export const EMULATOR_USAGE = `Usage: npm run emulator -- [--port N] [--data-dir DIR] [--no-throttling] [--users N]

  --port N          listen on 127.0.0.1:N (default ${DEFAULT_EMULATOR_PORT}; 0 for any free port)
  --data-dir DIR    keep the emulator's pools, users and inbox in DIR (also RECOVERY_DESK_DATA_DIR)
  --no-throttling   do not enforce Cognito's request-rate quotas (also RECOVERY_DESK_DEMO_THROTTLING=off)
  --users N         add the "${SCALE_POOL_NAME}" pool holding N generated users, N ${SCALE_USER_COUNT_RULE}
                    (also ${SCALE_USERS_ENV}=N); kept as it is while N stays the same`;

export class EmulatorCliError extends Error {}

/** Parses the standalone emulator's arguments; throws EmulatorCliError with a message fit for the terminal. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliOptions {
  const values = parseOrExplain(argv);
  let port = DEFAULT_EMULATOR_PORT;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new EmulatorCliError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new EmulatorCliError('--data-dir needs a folder.');
  let users: number | undefined;
  if (values.users !== undefined) {
    users = parseScaleUserCount(values.users);
    if (users === undefined) throw new EmulatorCliError(`--users must be ${SCALE_USER_COUNT_RULE}, not "${values.users}".`);
  }
  return {
    port,
    ...(dataDir === undefined ? {} : { dataDir }),
    throttling: values['no-throttling'] !== true,
    ...(users === undefined ? {} : { users }),
    help: values.help === true,
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-throttling': { type: 'boolean' },
        users: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new EmulatorCliError(`${error instanceof Error ? error.message : String(error)}\n\n${EMULATOR_USAGE}`);
  }
}
