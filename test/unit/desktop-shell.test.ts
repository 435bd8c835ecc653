import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/contract';

// No Electron binary can run on this machine (DESIGN.md), so the desktop shell's own rules are
// checked against a recording stand-in for the `electron` module: what options the window gets,
// what its handlers decide, and what the preload exposes. The real window is exercised by the
// Electron end-to-end tests wherever the binary exists.

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; contents: FakeContents }>,
    ipcHandlers: new Map<string, Listener>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    opened: [] as string[],
  };
  class FakeContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler?: Listener;
    mainFrame = { frameTreeNodeId: 1 };
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
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, contents: this.webContents });
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    state,
    FakeContents,
    module: {
      BrowserWindow,
      shell: { openExternal: async (url: string) => void state.opened.push(url) },
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

const { createMainWindow, hardenSession, isAppWebContents } = await import('../../electron/main/window');
const { createSenderCheck, registerContractHandlers } = await import('../../electron/main/ipc');
const { resolveAppLocation } = await import('../../electron/main/app-location');

const indexFile = '/opt/recovery-desk/resources/app.asar/out/renderer/index.html';
const location = resolveAppLocation({ devServerUrl: undefined, packaged: true, indexFile });

beforeEach(() => {
  electron.state.windows.length = 0;
  electron.state.ipcHandlers.clear();
  electron.state.opened.length = 0;
});

function openWindow() {
  createMainWindow({ location, preloadPath: '/opt/recovery-desk/out/preload/index.js' });
  const window = electron.state.windows.at(-1);
  if (!window) throw new Error('no window created');
  return window;
}

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
});

describe('the desktop session', () => {
  function hardened() {
    const handlers: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
      setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
      setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
      on: () => undefined,
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

describe('IPC registration', () => {
  function event(contents: FakeContents, frame: { url: string; parent: unknown; frameTreeNodeId: number }) {
    return { sender: contents, senderFrame: { ...frame, isDestroyed: () => false } };
  }

  it('registers exactly the contract channels, each behind the sender check', async () => {
    const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, data: { channel } }));
    const { contents } = openWindow();
    registerContractHandlers(dispatch, createSenderCheck(location, (c) => isAppWebContents(c as never)));
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
