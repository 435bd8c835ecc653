import { BrowserWindow, dialog, screen, shell, type DownloadItem, type Session, type WebContents, type WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../web/security-headers';
import { isAppUrl, isExternalWebUrl, isOwnBlobUrl, type AppLocation } from './app-location';
import { MENU_WORDS, type MenuWords } from './menu-words';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, placeWindow, saveWindowState, type WindowPlacement } from './window-state';

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
  /** Size and position (see restoredPlacement); the default size, centred, when absent. */
  placement?: WindowPlacement;
  /** Unpackaged runs only: a packaged app has no developer tools at all. */
  devTools?: boolean;
  /** The words of the operator's language at the moment a dialog asks (it can change while the window is open). English when absent. */
  words?: () => MenuWords;
}

export function createMainWindow({ location, preloadPath, placement, devTools = false, words = () => MENU_WORDS.en }: MainWindowOptions): BrowserWindow {
  const { maximized, ...bounds } = placement ?? { ...DEFAULT_SIZE, maximized: false };
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
      // A middle click must not open a link anywhere (the window-open handler denies it too).
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  appContents.add(window.webContents);
  hardenContents(window.webContents, location);
  askBeforeLeavingAReset(window, words);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  void window.loadURL(location.url);
  return window;
}

/**
 * The page refuses to unload while a reset is under way (a code sent, a ticket noted); Electron then
 * asks nothing on its own (a browser would), so the question is asked here. Leaving goes ahead; staying
 * keeps the window, the page and the call as they were.
 */
function askBeforeLeavingAReset(window: BrowserWindow, words: () => MenuWords): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const { leave, stay, leaveQuestion, leaveDetail } = words();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [leave, stay],
      defaultId: 1,
      cancelId: 1,
      title: 'Recovery Desk',
      message: leaveQuestion,
      detail: leaveDetail,
    });
    if (choice === 0) event.preventDefault();
  });
}

/** Applied to every webContents the app creates (see app 'web-contents-created'), not only ours. */
export function hardenContents(contents: WebContents, location: AppLocation): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation and the AWS console open in the user's browser, never in-app.
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, location)) return;
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app's only call to shell.openExternal: http(s) URLs only, so no file, smb: or custom-scheme handler runs. */
function openInSystemBrowser(url: string): void {
  if (!isExternalWebUrl(url)) return;
  void shell.openExternal(url).catch(() => undefined);
}

/**
 * The saved placement (window-state.ts), checked against the display it belongs to now: a window
 * last seen on a monitor that is gone opens at the default size, centred. Call once the app is ready.
 */
export function restoredPlacement(file: string): WindowPlacement {
  const saved = loadWindowState(file);
  return placeWindow(saved, saved ? screen.getDisplayMatching(saved.bounds).workArea : undefined);
}

/** Saves the window's normal bounds and maximized state when it closes. */
export function rememberPlacement(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    saveWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
}

/** The one permission granted: writing text to the clipboard (the page's copy buttons). Reading it never is. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** Our own window, showing our own page; `requestingUrl`, when given, is our page too. */
function isOwnPage(contents: WebContents | null, location: AppLocation, requestingUrl: string | undefined): boolean {
  if (!contents || !isAppWebContents(contents) || !isAppUrl(contents.getURL(), location)) return false;
  return requestingUrl === undefined || isAppUrl(requestingUrl, location);
}

/**
 * Only the page's own exports: an object URL our page made, started by our window's main frame.
 * No save path is set, so Electron asks the operator where to save it.
 */
function isOwnExport(item: DownloadItem, contents: WebContents, frame: WebFrameMain | null | undefined, location: AppLocation): boolean {
  if (!isOwnPage(contents, location, undefined) || !isOwnBlobUrl(item.getURL(), location)) return false;
  return !frame || (frame.parent === null && isAppUrl(frame.url, location));
}

/**
 * Session-wide: no permission is granted but clipboard writing to our page, no download happens but
 * our page's own exports, and every response carries the CSP.
 */
export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permission === CLIPBOARD_WRITE && isOwnPage(contents, location, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (contents, permission, _requestingOrigin, details) => permission === CLIPBOARD_WRITE && isOwnPage(contents, location, details?.requestingUrl),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item, contents, frame) => {
    if (!isOwnExport(item, contents, frame, location)) event.preventDefault();
  });

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
