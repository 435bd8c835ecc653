import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../web/security-headers';
import { isAppUrl, isExternalWebUrl, type AppLocation } from './app-location';

// Every window gets the same hardening; ipc.ts trusts only webContents registered here.

const appContents = new WeakSet<WebContents>();
const hardened = new WeakSet<WebContents>();

export function isAppWebContents(contents: WebContents): boolean {
  return appContents.has(contents);
}

export interface MainWindowOptions {
  location: AppLocation;
  /** Absolute path to out/preload/index.js. */
  preloadPath: string;
}

export function createMainWindow({ location, preloadPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    title: 'Recovery Desk',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      // The spellchecker downloads dictionaries and reads what is typed, passwords included.
      spellcheck: false,
    },
  });
  appContents.add(window.webContents);
  hardenContents(window.webContents, location);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.url);
  return window;
}

/** Applied to every webContents the app creates (see app 'web-contents-created'), not only ours. */
export function hardenContents(contents: WebContents, location: AppLocation): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation and the AWS console open in the user's browser, never in-app.
    if (isExternalWebUrl(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, location)) return;
    event.preventDefault();
    if (isExternalWebUrl(event.url)) void shell.openExternal(event.url).catch(() => undefined);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide: no permission is ever granted, no download happens, and every response carries the CSP. */
export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());

  // For file:// this header may not be applied on every Electron version; the page's own
  // <meta http-equiv="Content-Security-Policy"> is the backstop.
  const policy = location.kind === 'dev' ? devContentSecurityPolicy(location.origin) : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    const replaced = new Set(['content-security-policy', 'x-content-type-options']);
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (!replaced.has(name.toLowerCase())) headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}
