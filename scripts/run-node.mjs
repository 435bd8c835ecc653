// Helpers shared by scripts/start.mjs, scripts/web.mjs, scripts/emulator.mjs and scripts/audit-verify.mjs (plain Node, no dependencies).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webEntry = path.join(projectDir, 'out', 'main', 'web.js');
export const emulatorEntry = path.join(projectDir, 'out', 'main', 'emulator.js');
export const auditVerifyEntry = path.join(projectDir, 'out', 'main', 'audit-verify.js');
const rendererIndex = path.join(projectDir, 'out', 'renderer', 'index.html');

/** Builds once when an output is missing; the build's chatter goes to stderr so stdout stays the program's own. */
export function ensureBuilt(required = [webEntry, rendererIndex]) {
  if (required.every((file) => existsSync(file))) return;
  process.stderr.write('Recovery Desk is not built yet; building (npx electron-vite build)...\n');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: projectDir,
    stdio: ['ignore', 2, 2],
    // npx is npx.cmd on Windows, which only a shell can run.
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !required.every((file) => existsSync(file))) {
    process.stderr.write('The build failed; see the output above.\n');
    process.exit(result.status || 1);
  }
}

/**
 * Runs a child with this terminal, forwards Ctrl+C / SIGTERM to it, and exits with its code.
 * The parent stays alive until the child has shut its backend down.
 */
export function runForwarding(command, args) {
  const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : 1));
  });
  return child;
}
