import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Starts the built browser shell as a real process. Used by the Playwright fixture and the
// integration test; no test-framework import, so both runners can load it.

export const projectDir = path.resolve(__dirname, '../..');
export const webEntry = path.join(projectDir, 'out', 'main', 'web.js');
export const RUNNING_LINE = /^Recovery Desk is running at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))$/;

export interface WebShell {
  /** Open this in the browser: the page reads the token from the fragment. */
  appUrl: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the shell wrote to stderr so far, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra arguments after `--port 0 --no-open --data-dir <dir>`. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function startWebShell(options: StartOptions = {}): Promise<WebShell> {
  if (!existsSync(webEntry)) throw new Error(`${webEntry} is missing: run "npm run build" first.`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-e2e-'));
  const child = spawn(process.execPath, [webEntry, '--port', '0', '--no-open', '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: projectDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The browser shell printed no URL within ${options.timeoutMs ?? 30_000} ms.`)), options.timeoutMs ?? 30_000);
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const line = stdout.split('\n').find((l) => RUNNING_LINE.test(l.trimEnd()));
        if (line !== undefined) {
          clearTimeout(timer);
          resolve(RUNNING_LINE.exec(line.trimEnd()) as RegExpExecArray);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The browser shell exited (${code}) before it was ready.`));
      });
      child.once('error', reject);
    });
    const appUrl = match[1] as string;
    return {
      appUrl,
      origin: new URL(appUrl).origin,
      port: Number(match[2]),
      token: match[3] as string,
      dataDir,
      process: child,
      stderr: () => stderr,
      stop,
    };
  } catch (error) {
    await stop();
    const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${detail}`);
  }
}
