import { defineConfig } from '@playwright/test';

// Playwright's own browser download does not work here: Debian's chromium is used instead.
// Two projects: the browser shell in Chromium (test/e2e) and the desktop app in Electron
// (test/e2e-electron), which skips where the Electron binary is not installed.
export default defineConfig({
  workers: 1,
  retries: 0,
  // The second reporter prints each skip reason once (the list reporter shows none).
  reporter: [['list'], ['./test/e2e-electron/skip-reasons-reporter.ts']],
  timeout: 60_000,
  // Waits are on state, never on time; on a busy 2-core machine a state can take longer than
  // Playwright's 5 s default to arrive (an emulator call, a lazy chunk, a re-render under load).
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    {
      // Launches the built app (out/) with Playwright's _electron; no browser of its own.
      name: 'electron',
      testDir: 'test/e2e-electron',
      timeout: 90_000,
    },
  ],
});
