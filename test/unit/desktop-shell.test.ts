import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/contract';

// No Electron binary can run on this machine (DESIGN.md), so the desktop shell's own rules are
// checked against a recording stand-in for the `electron` module: what options the window gets,
// what its handlers decide, and what the preload exposes. The real window is exercised by the
// Electron end-to-end tests wherever the binary exists.

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; contents: FakeContents; window: FakeWindow }>,
    ipcHandlers: new Map<string, Listener>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    opened: [] as string[],
    /** What screen.getDisplayMatching answers, and what it was asked. */
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    matched: [] as unknown[],
    /** The button the operator "presses" in a message box, and the boxes shown. */
    messageBoxAnswer: 1,
    messageBoxes: [] as Array<Record<string, unknown>>,
  };
  class FakeContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler?: Listener;
    mainFrame = { frameTreeNodeId: 1 };
    url = '';
    getURL() {
      return this.url;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    listeners = new Map<string, Listener>();
    normalBounds = { x: 0, y: 0, width: 1280, height: 840 };
    minimized = false;
    maximized = false;
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, contents: this.webContents, window: this });
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
      return this.maximized;
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    maximize() {
      this.maximized = true;
    }
    show() {}
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
  }
  type FakeWindow = BrowserWindow;
  return {
    state,
    FakeContents,
    module: {
      BrowserWindow,
      screen: {
        getDisplayMatching: (rect: unknown) => {
          state.matched.push(rect);
          return { workArea: state.workArea };
        },
      },
      shell: { openExternal: async (url: string) => void state.opened.push(url) },
      dialog: {
        showMessageBoxSync: (_window: unknown, options: Record<string, unknown>) => {
          state.messageBoxes.push(options);
          return state.messageBoxAnswer;
        },
      },
      ipcMain: {
        handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
      },
      ipcRenderer: { invoke: async (...args: unknown[]) => void state.invoked.push(args) },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    },
  };
});
type FakeContents = InstanceType<typeof electron.FakeContents>;

vi.mock('electron', () => electron.module);

const { createMainWindow, hardenSession, isAppWebContents, rememberPlacement, restoredPlacement } = await import('../../electron/main/window');
const { MENU_WORDS } = await import('../../electron/main/menu-words');
const { loadWindowState } = await import('../../electron/main/window-state');
const { createSenderCheck, registerContractHandlers } = await import('../../electron/main/ipc');
const { isOwnBlobUrl, resolveAppLocation } = await import('../../electron/main/app-location');

const indexFile = '/opt/recovery-desk/resources/app.asar/out/renderer/index.html';
const location = resolveAppLocation({ devServerUrl: undefined, packaged: true, indexFile });

const tempDir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-desktop-shell-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

beforeEach(() => {
  electron.state.windows.length = 0;
  electron.state.ipcHandlers.clear();
  electron.state.opened.length = 0;
  electron.state.matched.length = 0;
  electron.state.workArea = { x: 0, y: 0, width: 1920, height: 1040 };
});

function openWindow(words?: () => (typeof MENU_WORDS)['en']) {
  createMainWindow({ location, preloadPath: '/opt/recovery-desk/out/preload/index.js', ...(words ? { words } : {}) });
  const window = electron.state.windows.at(-1);
  if (!window) throw new Error('no window created');
  return window;
}

describe('leaving a reset under way', () => {
  const leave = (answer: number) => {
    electron.state.messageBoxAnswer = answer;
    const { contents } = openWindow();
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-prevent-unload')?.(event);
    return event;
  };

  it('asks, and leaves (reload, close or quit go ahead) only when the operator says Leave', () => {
    expect(leave(0).preventDefault).toHaveBeenCalled();
    expect(electron.state.messageBoxes.at(-1)).toMatchObject({ message: 'Leave this password reset?', buttons: ['Leave', 'Stay'], cancelId: 1, defaultId: 1 });
  });

  it('stays when the operator says Stay or dismisses the question', () => {
    expect(leave(1).preventDefault).not.toHaveBeenCalled();
  });

  it('asks in the language of the moment, which the operator may have changed since the window opened', () => {
    let language: 'en' | 'de' = 'en';
    const { contents } = openWindow(() => MENU_WORDS[language]);
    language = 'de';
    electron.state.messageBoxAnswer = 1;
    contents.listeners.get('will-prevent-unload')?.({ preventDefault: vi.fn() });
    expect(electron.state.messageBoxes.at(-1)).toMatchObject({
      message: 'Diese Passwortzurücksetzung verlassen?',
      detail: 'Eine Zurücksetzung läuft: Der Code, das Passwort und das Ticket, die Sie hier eingegeben haben, gehen verloren.',
      buttons: ['Verlassen', 'Bleiben'],
      cancelId: 1,
      defaultId: 1,
    });
  });
});

describe('the desktop window', () => {
  it('is created isolated, sandboxed, without Node and without webviews', () => {
    const { options } = openWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/opt/recovery-desk/out/preload/index.js',
    });
  });

  it('denies every window.open, handing only http(s) links to the system browser', () => {
    const { contents } = openWindow();
    for (const url of ['https://docs.aws.amazon.com/cognito/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    return vi.waitFor(() => expect(electron.state.opened).toEqual(['https://docs.aws.amazon.com/cognito/']));
  });

  it('blocks navigation away from its own page', () => {
    const { contents } = openWindow();
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.listeners.get('will-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///tmp/other.html')).toBe(true);
    expect(navigate(`${location.url}#/pools`)).toBe(false);
  });

  it('disables middle-click (Auxclick) and has no developer tools unless asked for', () => {
    expect(openWindow().options.webPreferences).toMatchObject({ disableBlinkFeatures: 'Auxclick', devTools: false, webSecurity: true, spellcheck: false });
    createMainWindow({ location, preloadPath: '/p.js', devTools: true });
    expect(electron.state.windows.at(-1)?.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('opens at the default size, centred, without a placement', () => {
    const { options } = openWindow();
    expect(options).toMatchObject({ width: 1280, height: 840, minWidth: 960, minHeight: 600 });
    expect(options).not.toHaveProperty('x');
  });

  it('opens where the placement says, and maximizes once shown if it was maximized', () => {
    createMainWindow({ location, preloadPath: '/p.js', placement: { x: 100, y: 80, width: 1000, height: 700, maximized: true } });
    const created = electron.state.windows.at(-1);
    expect(created?.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    expect(created?.window.maximized).toBe(false);
    created?.window.listeners.get('ready-to-show')?.();
    expect(created?.window.maximized).toBe(true);
  });
});

describe('window placement across launches', () => {
  const file = path.join(tempDir, 'window-state.json');
  beforeEach(() => rmSync(file, { force: true }));

  it('restores the saved bounds when they are on a display, asking Electron which display they match', () => {
    writeFileSync(file, JSON.stringify({ bounds: { x: 200, y: 100, width: 1100, height: 700 }, maximized: false }));
    expect(restoredPlacement(file)).toEqual({ x: 200, y: 100, width: 1100, height: 700, maximized: false });
    expect(electron.state.matched).toEqual([{ x: 200, y: 100, width: 1100, height: 700 }]);
  });

  it('opens at the default size, centred, when the saved display is gone', () => {
    writeFileSync(file, JSON.stringify({ bounds: { x: 3000, y: 100, width: 1100, height: 700 }, maximized: true }));
    // getDisplayMatching answers with the nearest display, which no longer shows that rectangle.
    expect(restoredPlacement(file)).toEqual({ width: 1280, height: 840, maximized: true });
  });

  it('ignores a missing or corrupt file', () => {
    expect(restoredPlacement(file)).toEqual({ width: 1280, height: 840, maximized: false });
    writeFileSync(file, '{"bounds": {"x": "a lot"}');
    expect(restoredPlacement(file)).toEqual({ width: 1280, height: 840, maximized: false });
    expect(electron.state.matched).toEqual([]);
  });

  it("saves the window's normal bounds and maximized state when it closes, but not while minimized", () => {
    const { window } = openWindow();
    rememberPlacement(window as never, file);
    window.minimized = true;
    window.listeners.get('close')?.();
    expect(existsSync(file)).toBe(false);

    window.minimized = false;
    window.normalBounds = { x: 10, y: 20, width: 1024, height: 768 };
    window.maximized = true;
    window.listeners.get('close')?.();
    expect(loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1024, height: 768 }, maximized: true });
  });
});

describe('the desktop session', () => {
  function hardened() {
    const handlers: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
      setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
      setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
      on: (event: string, h: Listener) => (handlers[event] = h),
      webRequest: { onHeadersReceived: (h: Listener) => (handlers.headers = h) },
    };
    hardenSession(session as never, location);
    return handlers;
  }

  it('refuses every permission request', () => {
    const handlers = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers.check?.()).toBe(false);
  });

  it('lets only our own page write to the clipboard, and never read it', () => {
    const handlers = hardened();
    const { contents } = openWindow();
    const stranger = new electron.FakeContents();
    stranger.url = location.url;
    const elsewhere = openWindow().contents;
    elsewhere.url = 'https://evil.example/';
    const ours = { isMainFrame: true, requestingUrl: location.url };

    const request = (who: unknown, permission: string, details: unknown = ours) => {
      const callback = vi.fn();
      handlers.request?.(who, permission, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(request(contents, 'clipboard-sanitized-write')).toBe(true);
    expect(request(contents, 'clipboard-sanitized-write', { isMainFrame: false, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(request(stranger, 'clipboard-sanitized-write')).toBe(false);
    expect(request(elsewhere, 'clipboard-sanitized-write')).toBe(false);
    for (const permission of ['clipboard-read', 'deprecated-sync-clipboard-read', 'media', 'notifications', 'openExternal', 'fileSystem']) {
      expect(request(contents, permission)).toBe(false);
    }

    const check = (who: unknown, permission: string, details: unknown = ours) => handlers.check?.(who, permission, 'file:///', details);
    expect(check(contents, 'clipboard-sanitized-write')).toBe(true);
    expect(check(contents, 'clipboard-sanitized-write', { isMainFrame: true })).toBe(true);
    expect(check(contents, 'clipboard-sanitized-write', { isMainFrame: false, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(check(null, 'clipboard-sanitized-write')).toBe(false);
    expect(check(stranger, 'clipboard-sanitized-write')).toBe(false);
    expect(check(elsewhere, 'clipboard-sanitized-write')).toBe(false);
    expect(check(contents, 'clipboard-read')).toBe(false);
    expect(check(contents, 'geolocation')).toBe(false);
  });

  it("allows a download only for our page's own object URLs, with no save path (Electron asks where)", () => {
    const handlers = hardened();
    const { contents } = openWindow();
    const stranger = new electron.FakeContents();
    stranger.url = location.url;
    const blob = 'blob:file:///0b9f3c2e-4d1a-4c7b-9e2f-3a5b6c7d8e9f';
    const mainFrame = { parent: null, url: location.url };

    const download = (url: string, who: unknown = contents, frame: unknown = mainFrame) => {
      const event = { preventDefault: vi.fn() };
      const item = { getURL: () => url, setSavePath: vi.fn() };
      handlers['will-download']?.(event, item, who, frame);
      expect(item.setSavePath).not.toHaveBeenCalled();
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(download(blob)).toBe(true);
    expect(download('blob:null/0b9f3c2e-4d1a-4c7b-9e2f-3a5b6c7d8e9f')).toBe(true);
    // A frame that is already gone is judged by its window alone.
    expect(download(blob, contents, null)).toBe(true);

    expect(download('https://evil.example/payload.exe')).toBe(false);
    expect(download('file:///etc/passwd')).toBe(false);
    expect(download('data:text/csv,a,b')).toBe(false);
    expect(download('blob:https://evil.example/0b9f3c2e-4d1a-4c7b-9e2f-3a5b6c7d8e9f')).toBe(false);
    expect(download(blob, stranger)).toBe(false);
    expect(download(blob, contents, { parent: mainFrame, url: location.url })).toBe(false);
    expect(download(blob, contents, { parent: null, url: 'https://evil.example/' })).toBe(false);
  });

  it("puts the strict CSP on every response, replacing the server's own", () => {
    const handlers = hardened();
    const callback = vi.fn();
    handlers.headers?.({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
  });
});

describe('isOwnBlobUrl', () => {
  const id = '0b9f3c2e-4d1a-4c7b-9e2f-3a5b6c7d8e9f';
  const dev = resolveAppLocation({ devServerUrl: 'http://127.0.0.1:5173/', packaged: false, indexFile });

  it("accepts the built page's object URLs, as Chromium names them for file pages", () => {
    expect(isOwnBlobUrl(`blob:file:///${id}`, location)).toBe(true);
    expect(isOwnBlobUrl(`blob:null/${id}`, location)).toBe(true);
    expect(isOwnBlobUrl(`blob:file:///${id.toUpperCase()}`, location)).toBe(true);
  });

  it("accepts the dev server's object URLs on its exact origin only", () => {
    expect(isOwnBlobUrl(`blob:http://127.0.0.1:5173/${id}`, dev)).toBe(true);
    expect(isOwnBlobUrl(`blob:http://127.0.0.1:5174/${id}`, dev)).toBe(false);
    expect(isOwnBlobUrl(`blob:http://localhost:5173/${id}`, dev)).toBe(false);
    expect(isOwnBlobUrl(`blob:file:///${id}`, dev)).toBe(false);
    expect(isOwnBlobUrl(`blob:null/${id}`, dev)).toBe(false);
  });

  it('refuses other schemes, other origins, and anything but a bare object URL', () => {
    for (const url of [
      `file:///${id}`,
      `https://evil.example/${id}`,
      `data:text/csv,${id}`,
      `blob:https://evil.example/${id}`,
      `blob:http://127.0.0.1:5173/${id}`,
      `blob:file://evil.example/${id}`,
      `blob:file:///opt/recovery-desk/${id}`,
      `blob:file:///${id}?x=1`,
      `blob:file:///${id}#x`,
      `blob:null/${id}/x`,
      `blob:null/not-a-uuid`,
      'blob:file:///etc/passwd',
      'blob:',
      'blob:null',
      'not a url',
      '',
    ]) {
      expect(isOwnBlobUrl(url, location), url).toBe(false);
    }
  });
});

describe('IPC registration', () => {
  function event(contents: FakeContents, frame: { url: string; parent: unknown; frameTreeNodeId: number }) {
    return { sender: contents, senderFrame: { ...frame, isDestroyed: () => false } };
  }

  it('registers exactly the contract channels, each behind the sender check, and logs each refused sender', async () => {
    const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, data: { channel } }));
    const diagnostics = { warn: vi.fn(), error: vi.fn() };
    const { contents } = openWindow();
    registerContractHandlers(dispatch, createSenderCheck(location, (c) => isAppWebContents(c as never)), diagnostics);
    expect([...electron.state.ipcHandlers.keys()].sort()).toEqual([...channels].sort());

    const handler = electron.state.ipcHandlers.get('pools:list');
    const ours = event(contents, { url: location.url, parent: null, frameTreeNodeId: 1 });
    expect(await handler?.(ours, { connectionId: 'demo' })).toEqual({ ok: true, data: { channel: 'pools:list' } });

    const subframe = event(contents, { url: location.url, parent: {}, frameTreeNodeId: 2 });
    const elsewhere = event(contents, { url: 'https://evil.example/', parent: null, frameTreeNodeId: 1 });
    const stranger = event(new electron.FakeContents(), { url: location.url, parent: null, frameTreeNodeId: 1 });
    for (const refused of [subframe, elsewhere, stranger]) {
      expect(await handler?.(refused, { connectionId: 'demo' })).toMatchObject({ ok: false, error: { code: 'CallerRejected' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(diagnostics.warn).toHaveBeenCalledTimes(3);
    expect(diagnostics.warn).toHaveBeenCalledWith('ipc-sender-refused', { channel: 'pools:list', origin: 'https://evil.example', mainFrame: true });
    expect(diagnostics.warn).toHaveBeenCalledWith('ipc-sender-refused', expect.objectContaining({ mainFrame: false }));
  });
});

describe('the preload', () => {
  it('exposes exactly one function per contract channel as window.recoveryDesk', async () => {
    await import('../../electron/preload/index');
    const api = electron.state.exposed.get('recoveryDesk') as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['users:get']?.({ connectionId: 'demo' });
    expect(electron.state.invoked).toEqual([['users:get', { connectionId: 'demo' }]]);
  });
});
