import { isLoopback } from './server';

export interface WebCliOptions {
  port: number;
  open: boolean;
  host: string;
  dataDir?: string;
  allowRemote: boolean;
  help: boolean;
}

export const WEB_USAGE = `Usage: node out/main/web.js [--port N] [--no-open] [--data-dir DIR] [--host H --allow-remote]

  --port N         listen on port N (default 0: any free port)
  --no-open        do not open the default browser
  --data-dir DIR   keep Recovery Desk's state in DIR (also RECOVERY_DESK_DATA_DIR)
  --host H         listen on H instead of 127.0.0.1; needs --allow-remote unless H is loopback
  --allow-remote   accept a non-loopback --host (see the warning it prints)`;

export class CliError extends Error {}

/** Parses the browser shell's arguments; throws CliError with a message fit for the terminal. */
export function parseWebArgs(argv: readonly string[]): WebCliOptions {
  const options: WebCliOptions = { port: 0, open: true, host: '127.0.0.1', allowRemote: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError(`${name} needs a value.\n\n${WEB_USAGE}`);
      i++;
      return next;
    };
    switch (name) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${text}".`);
        options.port = port;
        break;
      }
      case '--no-open':
        options.open = false;
        break;
      case '--data-dir':
        options.dataDir = value();
        if (options.dataDir.trim() === '') throw new CliError('--data-dir needs a folder.');
        break;
      case '--host':
        options.host = value();
        break;
      case '--allow-remote':
        options.allowRemote = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new CliError(`Unknown option "${raw}".\n\n${WEB_USAGE}`);
    }
  }
  if (!isLoopback(options.host) && !options.allowRemote) {
    throw new CliError(
      `Refusing to listen on ${options.host}: Recovery Desk resets passwords with this machine's credentials, ` +
        'and anything that can reach the port (with the token) can use them. It listens on 127.0.0.1 only by default. ' +
        'If you really mean to expose it, add --allow-remote (the traffic is plain HTTP, so only on a network you trust).',
    );
  }
  return options;
}
