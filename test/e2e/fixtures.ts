import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';

// Each test gets its own browser-shell process and a fresh data folder, so recovery flows never
// see another test's state. Use: `import { test, expect } from './fixtures'`.

export interface AppFixtures {
  /** The running shell (port, token, data folder) for tests that need more than the URL. */
  webShell: WebShell;
  /** http://127.0.0.1:PORT/#token=TOKEN: `await page.goto(appUrl)`. */
  appUrl: string;
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  webShell: async ({}, use, testInfo) => {
    const shell = await startWebShell();
    try {
      await use(shell);
    } finally {
      await shell.stop();
      const stderr = shell.stderr().trim();
      if (stderr && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-shell-stderr', { body: stderr, contentType: 'text/plain' });
    }
  },
  appUrl: async ({ webShell }, use) => {
    await use(webShell.appUrl);
  },
});

export { expect };
