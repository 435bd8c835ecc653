import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectDir } from './web-shell';

// A second Cognito emulator (`npm run emulator`, seeded with the demo pools) for saved connections
// with a custom endpoint: a Cognito elsewhere, with data of its own.

const EMULATOR_LINE = /^Cognito emulator listening at (http:\/\/127\.0\.0\.1:\d+)$/m;

export interface SecondEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

/** `npm run emulator` on a free port with its own data folder; the first line says where it listens. */
export async function startSecondEmulator(): Promise<SecondEmulator> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-e2e-emulator-'));
  const child = spawn(process.execPath, [path.join(projectDir, 'out', 'main', 'emulator.js'), '--port', '0', '--data-dir', dataDir, '--no-throttling'], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The emulator printed no address within 30 s.\n${stderr}`)), 30_000);
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = EMULATOR_LINE.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The emulator exited (${code}) before it was ready.\n${stderr}`));
      });
    });
    return { endpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
