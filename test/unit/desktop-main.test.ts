import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BackendOptions } from '../../electron/core/backend';
import { channels, type Settings } from '../../shared/contract';

// electron/main/index.ts, the desktop shell's lifecycle, run against a recording stand-in for the
// `electron` module (no binary here: see desktop-shell.test.ts) with the backend replaced, so the
// wiring can be checked: single instance, menu, About panel (in the operator's language), IPC, and
// quitting with calls in flight.

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const state = {
    windows: [] as FakeWindow[],
    ipcHandlers: new Map<string, Listener>(),
    calls: [] as string[],
    menu: undefined as unknown,
    about: undefined as unknown,
    quit: 0,
    /** What dialog.showErrorBox showed, and the code app.exit was given. */
    errors: [] as { title: string; message: string }[],
    exitCode: undefined as number | undefined,
  };
  class FakeContents {
    url = '';
    mainFrame = { frameTreeNodeId: 1 };
    on() {
      return this;
    }
    setWindowOpenHandler() {}
    getURL() {
      return this.url;
    }
  }
  class FakeWindow {
    webContents = new FakeContents();
    minimized = false;
    listeners = new Map<string, Listener>();
    constructor(public options: Record<string, unknown>) {
      state.windows.push(this);
    }
    static getAllWindows() {
      return state.windows;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return this.minimized;
    }
    isMaximized() {
      return false;
    }
    restore() {
      this.minimized = false;
      state.calls.push('restore');
    }
    show() {
      state.calls.push('show');
    }
    focus() {
      state.calls.push('focus');
    }
    maximize() {}
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 840 };
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
  }
  const fakeSession = {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    on() {},
    webRequest: { onHeadersReceived() {} },
  };
  const app = {
    isPackaged: true,
    enableSandbox: () => void state.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      state.calls.push('requestSingleInstanceLock');
      return true;
    },
    getPath: () => '/nonexistent',
    setPath: () => undefined,
    getVersion: () => '9.8.7',
    // French first: a language the console does not speak, so the next one (English) is chosen.
    getPreferredSystemLanguages: () => ['fr-CA', 'en-US', 'de-DE'],
    isReady: () => true,
    whenReady: () => Promise.resolve(),
    on(event: string, listener: Listener) {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      return app;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of appListeners.get(event) ?? []) listener(...args);
    },
    quit: () => void (state.quit += 1),
    exit: (code?: number) => void (state.exitCode = code),
    setAboutPanelOptions: (options: unknown) => void (state.about = options),
  };
  return {
    state,
    app,
    module: {
      app,
      BrowserWindow: FakeWindow,
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void (state.menu = menu) },
      dialog: { showErrorBox: (title: string, message: string) => void state.errors.push({ title, message }) },
      session: { defaultSession: fakeSession },
      screen: { getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }) },
      shell: { openExternal: async () => undefined },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      ipcMain: {
        handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
      },
    },
  };
});

const backend = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const settingsListeners: Array<(settings: Settings) => void> = [];
  return {
    /** What the shell passed to createBackend. */
    options: undefined as BackendOptions | undefined,
    /** A change saved through settings:update, as the backend announces it. */
    changeSettings: (settings: Settings) => settingsListeners.forEach((listener) => listener(settings)),
    settings: {
      get: vi.fn(async (): Promise<Settings> => ({ callerVerification: { enabled: false, checks: [] } })),
      onChange: (listener: (settings: Settings) => void) => {
        settingsListeners.push(listener);
        return () => undefined;
      },
    },
    /** close() (which waits for calls in flight, in the core) resolves at `finishClosing()`. */
    finishClosing: () => release(),
    dispatch: vi.fn(async (channel: string) => ({ ok: true as const, data: { channel } })),
    close: vi.fn(() => new Promise<void>((resolve) => (release = resolve))),
    diagnostics: { warn: vi.fn(), info: vi.fn(), error: vi.fn(), directory: '' },
  };
});

vi.mock('electron', () => electron.module);
vi.mock('../../electron/core/backend', () => ({
  createBackend: (options: BackendOptions) => {
    backend.options = options;
    return backend;
  },
}));
vi.mock('../../electron/emulator', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../electron/emulator')>()),
  startDemoEmulator: () => Promise.reject(new Error('not in this test')),
}));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-desktop-main-'));
vi.stubEnv('RECOVERY_DESK_DATA_DIR', dataDir);
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

await import('../../electron/main/index');
await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));
const [mainWindow] = electron.state.windows;

/** An IPC call as our own window's main frame makes it. */
function invoke(channel: string, request: unknown = {}) {
  const contents = mainWindow?.webContents;
  const event = { sender: contents, senderFrame: { url: contents?.url, parent: null, frameTreeNodeId: 1, isDestroyed: () => false } };
  return electron.state.ipcHandlers.get(channel)?.(event, request) as Promise<{ ok: boolean; error?: { message: string } }>;
}

describe('the desktop shell starting', () => {
  it('sandboxes every renderer and takes the single-instance lock before anything else', () => {
    expect(electron.state.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
  });

  it('installs the menu (no developer items when packaged) and the About panel', () => {
    const menu = electron.state.menu as MenuItemConstructorOptions[];
    expect(menu.map((item) => item.label)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
    expect(JSON.stringify(menu)).not.toMatch(/toggleDevTools|"reload"|forceReload/);
    expect(electron.state.about).toMatchObject({ applicationName: 'Recovery Desk', applicationVersion: '9.8.7' });
  });

  it('opens one hardened window without developer tools, and serves every contract channel', async () => {
    expect(mainWindow?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect([...electron.state.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    expect(await invoke('pools:list', { connectionId: 'demo' })).toEqual({ ok: true, data: { channel: 'pools:list' } });
  });
});

describe('the language of the menus, the About panel and the page', () => {
  const menuLabels = () => (electron.state.menu as MenuItemConstructorOptions[]).map((item) => item.label);

  it('tells the page the system’s languages, through the backend', () => {
    expect(backend.options?.systemLanguages).toEqual(['fr-CA', 'en-US', 'de-DE']);
  });

  it('rebuilds the menu and the About panel at once when the operator picks another language', () => {
    backend.changeSettings({ language: 'de', callerVerification: { enabled: false, checks: [] } });
    expect(menuLabels()).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect((electron.state.about as AboutPanelOptionsOptions).copyright).toMatch(/^Copyright © Mitwirkende von Recovery Desk/);

    // Back to the system's: the first of its languages we speak, English here.
    backend.changeSettings({ language: 'system', callerVerification: { enabled: false, checks: [] } });
    expect(menuLabels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('leaves the menu alone when a change does not touch the language', () => {
    const before = electron.state.menu;
    backend.changeSettings({ operatorDisplayName: 'Robin', callerVerification: { enabled: true, checks: ['Caller confirmed the ticket number'] } });
    expect(electron.state.menu).toBe(before);
  });
});

describe('a second launch', () => {
  it('brings the running window back and focuses it', () => {
    if (!mainWindow) throw new Error('no window');
    mainWindow.minimized = true;
    electron.state.calls.length = 0;
    electron.app.emit('second-instance', {}, [], process.cwd());
    expect(electron.state.calls).toEqual(['restore', 'show', 'focus']);
    expect(electron.state.windows).toHaveLength(1);
  });
});

describe('quitting', () => {
  it('holds the quit, once the windows have closed, while the backend closes (it waits for calls in flight), then quits', async () => {
    // before-quit is let through: the windows close first, and the page may still ask to stay.
    const beforeQuit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).not.toHaveBeenCalled();
    expect(backend.close).not.toHaveBeenCalled();
    const willQuit = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(backend.close).toHaveBeenCalledTimes(1));
    expect(electron.state.quit).toBe(0);

    backend.finishClosing();
    await vi.waitFor(() => expect(electron.state.quit).toBe(1));
    expect(backend.close).toHaveBeenCalledTimes(1);

    // app.quit() runs the events again: this time they pass.
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    electron.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

describe('a start it cannot make', () => {
  it('a RECOVERY_DESK_DEMO_USERS that is not a count: the start-failed dialog names it, the app exits 1, and no window opens', async () => {
    const windows = electron.state.windows.length;
    vi.stubEnv('RECOVERY_DESK_DEMO_USERS', 'lots');
    vi.resetModules();
    await import('../../electron/main/index');
    expect(electron.state.errors).toEqual([{ title: 'Recovery Desk could not start', message: expect.stringMatching(/^RECOVERY_DESK_DEMO_USERS must be a whole number from 1 to 100,000, not "lots"/) }]);
    expect(electron.state.exitCode).toBe(1);
    expect(electron.state.windows).toHaveLength(windows);
  });
});
