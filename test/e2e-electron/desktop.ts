import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';

// The desktop app as the operator runs it: the real Electron binary on the built out/ folder,
// each test with its own data folder. Where the binary is not installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD, as on the machine this was written on) every test here is
// skipped with one reason. Use: `import { test, expect } from './desktop'`.

export const projectDir = path.resolve(__dirname, '../..');

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it (path.txt names
 * it inside dist/), but without requiring that module: it throws when the binary is missing.
 */
export function findElectronBinary(): string | undefined {
  let electronDir: string;
  try {
    electronDir = path.dirname(createRequire(path.join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative || 'electron') : relative ? path.join(electronDir, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

export const electronBinary = findElectronBinary();
export const electronAvailable = electronBinary !== undefined;
export const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run npm install without it to run these';

export interface Desktop {
  app: ElectronApplication;
  /** The main window's page. */
  window: Page;
  dataDir: string;
  /** What the app wrote to stderr so far. */
  stderr(): string;
}

/** Starts the built app on `dataDir`; the caller closes it. */
export async function launchDesktop(dataDir: string, extraArgs: string[] = []): Promise<Desktop> {
  if (!electronBinary) throw new Error(SKIP_REASON);
  if (!existsSync(path.join(projectDir, 'out', 'main', 'index.js'))) throw new Error('out/ is not built: run "npm run build" first.');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The built page, never a dev server; Electron as Electron, not as Node.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await _electron.launch({
    executablePath: electronBinary,
    // Chromium refuses to start its sandbox as root (containers, CI): only then, and only the OS
    // sandbox. Renderers stay sandboxed in Electron's sense (no Node), which is what is tested.
    args: [projectDir, '--data-dir', dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extraArgs],
    cwd: projectDir,
    env,
  });
  let stderr = '';
  app.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window, dataDir, stderr: () => stderr };
}

export function newDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-electron-e2e-'));
}

/** Closes the app the way the operator's Quit does, and returns its exit code. */
export async function quitDesktop(desktop: Desktop): Promise<number | null> {
  const child = desktop.app.process();
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  // The app may be gone before the evaluation answers.
  await desktop.app.evaluate(({ app }) => app.quit()).catch(() => undefined);
  const code = await exited;
  // Lets Playwright drop its connection; bounded, in case the process is already gone.
  await Promise.race([desktop.app.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  return code;
}

export const test = base.extend<{ desktop: Desktop }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  desktop: async ({}, use, testInfo) => {
    const dataDir = newDataDir();
    const desktop = await launchDesktop(dataDir);
    const errors: string[] = [];
    desktop.window.on('pageerror', (error) => errors.push(error.message));
    desktop.window.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await use(desktop);
      expect(errors, 'no console errors or CSP violations in the window').toEqual([]);
    } finally {
      if (desktop.app.process().exitCode === null) {
        const code = await quitDesktop(desktop).catch(() => null);
        if (testInfo.status === testInfo.expectedStatus) expect(code, 'the app quits cleanly').toBe(0);
      }
      const stderr = desktop.stderr();
      if (testInfo.status === testInfo.expectedStatus) expect(stderr, 'no unhandled rejection on the way out').not.toMatch(/Unhandled(Promise)?Rejection|unhandled rejection/i);
      else if (stderr.trim()) await testInfo.attach('electron-stderr', { body: stderr, contentType: 'text/plain' });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
