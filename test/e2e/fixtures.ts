import { test as base, expect } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';

// Each test gets its own browser-shell process and a fresh data folder, so recovery flows never
// see another test's state. Use: `import { test, expect } from './fixtures'`.

export interface AppFixtures {
  /** Added to the shell's environment (an organization's policy file, AWS settings): `test.use({ shellEnv })`. */
  shellEnv: NodeJS.ProcessEnv;
  /** The running shell (port, token, data folder) for tests that need more than the URL. */
  webShell: WebShell;
  /** http://127.0.0.1:PORT/#token=TOKEN: `await page.goto(appUrl)`. */
  appUrl: string;
  /** Automatic: fails any test whose page logged an error (CSP violations and React warnings show there first). */
  pageHasNoErrors: undefined;
}

/** Annotate a test with this when it provokes a console error on purpose. */
export const EXPECTS_CONSOLE_ERRORS = 'expects-console-errors';

export const test = base.extend<AppFixtures>({
  shellEnv: [{}, { option: true }],
  webShell: async ({ shellEnv }, use, testInfo) => {
    const shell = await startWebShell({ env: shellEnv });
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
  pageHasNoErrors: [
    // Depends on webShell so it is torn down (and checks) before the shell stops: requests still in
    // flight when the server goes away are teardown noise, not page errors.
    async ({ page, webShell: _shell }, use, testInfo) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(undefined);
      if (!testInfo.annotations.some((a) => a.type === EXPECTS_CONSOLE_ERRORS)) {
        expect(errors, 'no console errors or CSP violations').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
