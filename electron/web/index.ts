import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../core/backend';
import { defaultDataDir, resolveDataDir } from '../core/data-dir';
import { resolveScaleUsers, startDemoEmulator } from '../emulator';
import { CliError, parseWebArgs, WEB_USAGE } from './cli-args';
import { createWebServer, isLoopback, isWildcard, type WebServer } from './server';

// The browser shell: plain Node, no Electron. Built to out/main/web.js next to out/renderer.

async function main(argv: readonly string[]): Promise<void> {
  const options = parseWebArgs(argv);
  if (options.help) {
    process.stderr.write(`${WEB_USAGE}\n`);
    return;
  }

  // Said now, like a bad argument, rather than later as a demo that fails to start.
  try {
    resolveScaleUsers(undefined, process.env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }

  const rendererDir = path.resolve(__dirname, '../renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new CliError(`The page is not built (${path.join(rendererDir, 'index.html')} is missing). Run "npm run build" first.`);
  }

  const dataDir = resolveDataDir({
    flag: options.dataDir,
    env: process.env,
    fallback: defaultDataDir({ platform: process.platform, env: process.env, homeDir: os.homedir() }),
    cwd: process.cwd(),
  });
  // Owner-only: the folder holds the audit log and the demo emulator's users.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  if (!isLoopback(options.host)) {
    process.stderr.write(`Warning: listening on ${options.host} (--allow-remote). The page and API are plain HTTP; anyone on the network with the URL can reset passwords.\n`);
  }

  const backend = createBackend({ dataDir, startDemo: ({ onProblem }) => startDemoEmulator({ dataDir, onProblem }) });
  let server: WebServer;
  try {
    server = await createWebServer({
      dispatch: backend.dispatch,
      diagnostics: backend.diagnostics,
      rendererDir,
      host: options.host,
      port: options.port,
      extraHostnames: isWildcard(options.host) ? interfaceHostnames() : [],
    });
  } catch (error) {
    await backend.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${options.port} is already in use; pick another with --port, or --port 0 for any free port.`);
    if (code === 'EADDRNOTAVAIL') throw new CliError(`This machine has no address ${options.host} to listen on.`);
    throw error;
  }

  // Before the line below: whoever reads it may signal us at once.
  installShutdown(server, backend);
  // Exactly one line on stdout: scripts and the e2e fixture parse it.
  process.stdout.write(`Recovery Desk is running at ${server.url}\n`);
  if (options.open) openInBrowser(server.url);
}

function installShutdown(server: WebServer, backend: Backend): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl+C under npm reaches us twice (terminal and launcher): only the first counts.
    if (stopping) return;
    stopping = true;
    const code = signal === 'SIGINT' ? 130 : 0;
    // A stuck emulator must not keep the terminal hostage.
    setTimeout(() => process.exit(code), 20_000).unref();
    backend.diagnostics.info('shutting-down', { signal });
    server.stopAccepting();
    // The backend refuses new calls and waits for those in flight (their audit records written),
    // then the server lets their answers go out before it drops the connections.
    void backend
      .close()
      .catch(() => undefined)
      .then(() => server.close())
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The OS opener; failure (no desktop, no browser) is fine: the URL is on stdout. */
function openInBrowser(url: string): void {
  const [command, args, extra] =
    process.platform === 'darwin'
      ? ['open', [url], {}]
      : process.platform === 'win32'
        ? // `start` treats its first quoted argument as a window title, hence the empty "".
          ['cmd', ['/c', 'start', '""', `"${url}"`], { windowsVerbatimArguments: true }]
        : ['xdg-open', [url], {}];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, ...extra });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Ignored: see above.
  }
}

/** With a wildcard bind, the machine's own addresses and name are legitimate Host values. */
function interfaceHostnames(): string[] {
  const names = [os.hostname()];
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) names.push(entry.address);
  }
  return names;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Recovery Desk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
