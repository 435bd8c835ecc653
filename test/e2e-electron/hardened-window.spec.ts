import { channels } from '../../shared/contract';
import { electronAvailable, expect, SKIP_REASON, test } from './desktop';

// The desktop window as Electron actually builds it: the options window.ts sets are checked in
// the main process, and their effect in the page.

test.skip(!electronAvailable, SKIP_REASON);

interface PageApi {
  recoveryDesk: Record<string, (request: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>;
}

test('the window opens isolated, sandboxed and without Node', async ({ desktop }) => {
  const preferences = await desktop.app.evaluate(({ BrowserWindow }) => {
    const [main] = BrowserWindow.getAllWindows();
    // Undocumented but long-standing: the preferences the window was actually created with.
    const contents = main?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
    const p = contents?.getLastWebPreferences?.();
    if (!p) return null;
    return {
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
      nodeIntegrationInWorker: p.nodeIntegrationInWorker,
      webviewTag: p.webviewTag,
      webSecurity: p.webSecurity,
      allowRunningInsecureContent: p.allowRunningInsecureContent,
    };
  });
  expect(preferences, 'webContents.getLastWebPreferences() answers').not.toBeNull();
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
  });

  const page = await desktop.window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  }));
  expect(page).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined' });
  expect(page.csp).toMatch(/^default-src 'none'; script-src 'self'/);
});

test('the preload exposes exactly the contract, one frozen function per channel', async ({ desktop }) => {
  const api = await desktop.window.evaluate(() => {
    const exposed = (window as unknown as PageApi).recoveryDesk;
    return {
      keys: Object.keys(exposed).sort(),
      frozen: Object.isFrozen(exposed),
      allFunctions: Object.values(exposed).every((value) => typeof value === 'function'),
    };
  });
  expect(api.keys).toEqual([...channels].sort());
  expect(api.frozen).toBe(true);
  expect(api.allFunctions).toBe(true);

  // A real round trip through the sender-checked handlers and the shared dispatcher.
  const replies = await desktop.window.evaluate(async () => {
    const exposed = (window as unknown as PageApi).recoveryDesk;
    const listed = await exposed['connections:list']?.({});
    const invalid = await exposed['pools:list']?.({ connectionId: 'demo', maxResults: 'lots' });
    return { listed: listed?.ok, invalid: invalid?.error?.code };
  });
  expect(replies).toEqual({ listed: true, invalid: 'InvalidRequest' });
});

test('the page can neither open windows nor navigate away', async ({ desktop }) => {
  const before = desktop.window.url();
  // Not http(s): denied without handing anything to the system browser.
  const opened = await desktop.window.evaluate(() => window.open('file:///etc/hosts') === null);
  expect(opened).toBe(true);
  await desktop.window.evaluate(() => {
    window.location.href = 'file:///etc/hosts';
  });
  await expect.poll(() => desktop.window.url()).toBe(before);
  expect(await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the application menu has the usual menus', async ({ desktop }) => {
  // In English whatever the system's language (menu-language.spec.ts checks the others).
  await desktop.window.evaluate(() => (window as unknown as PageApi).recoveryDesk['settings:update']?.({ language: 'en' }));
  const labels = await desktop.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
  expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
});
