import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import { createBackend, type Backend } from '../core/backend';
import { findDataDirArg, resolveDataDir } from '../core/data-dir';
import { createSafeStorageVault } from '../core/secret-vault';
import { startDemoEmulator } from '../emulator';
import { resolveAppLocation } from './app-location';
import { createSenderCheck, registerContractHandlers } from './ipc';
import { aboutPanelOptions, buildMenuTemplate } from './menu';
import { createQuitSequence } from './quit-sequence';
import { createMainWindow, hardenContents, hardenSession, isAppWebContents, rememberPlacement, restoredPlacement } from './window';
import { WINDOW_STATE_FILE } from './window-state';

// The desktop shell: lifecycle only. The engine is electron/core, shared with the browser shell.

const preloadPath = path.join(__dirname, '../preload/index.js');
const location = resolveAppLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  packaged: app.isPackaged,
  indexFile: path.join(__dirname, '../renderer/index.html'),
});

/** Reload and developer tools exist only in unpackaged runs. */
const development = !app.isPackaged;
/** The most quitting waits for the backend (calls in flight included) to close. */
const QUIT_TIMEOUT_MS = 12_000;

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function fail(message: string): void {
  dialog.showErrorBox('Recovery Desk could not start', message);
  app.exit(1);
}

/** --data-dir, then RECOVERY_DESK_DATA_DIR, then Electron's per-user folder. */
function prepareDataDir(): string | undefined {
  try {
    const dir = resolveDataDir({ flag: findDataDirArg(process.argv), env: process.env, fallback: app.getPath('userData'), cwd: process.cwd() });
    // Chromium's own profile (cache, storage) follows, so --data-dir fully isolates an instance.
    app.setPath('userData', dir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

const dataDir = prepareDataDir();

if (dataDir === undefined) {
  // fail() has already shown the reason and exited.
} else if (!app.requestSingleInstanceLock()) {
  // One instance per data folder (the lock lives in userData): two would fight over the
  // emulator's files and the audit log. The running one comes to the front instead.
  app.quit();
} else {
  const windowStateFile = path.join(dataDir, WINDOW_STATE_FILE);
  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ location, preloadPath, placement: restoredPlacement(windowStateFile), devTools: development });
    rememberPlacement(window, windowStateFile);
    mainWindow = window;
    return window;
  };

  app.on('second-instance', () => {
    if (!app.isReady()) return;
    // On macOS the app can run with its window closed: a second launch opens it again.
    if (!mainWindow || mainWindow.isDestroyed()) {
      openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, location));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Before the process goes away: the backend refuses new calls, lets those in flight settle (their
  // audit records included), then stops the emulator and closes its files.
  const quitSequence = createQuitSequence({
    close: () => backend?.close() ?? Promise.resolve(),
    quit: () => app.quit(),
    timeoutMs: QUIT_TIMEOUT_MS,
  });
  // On will-quit, after every window has closed (and the page has had its say about leaving a reset
  // under way): a quit the operator cancels there never reaches the backend.
  app.on('will-quit', quitSequence);

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, location);
      app.setAboutPanelOptions(aboutPanelOptions({ platform: process.platform, version: app.getVersion(), electronVersion: process.versions.electron }));
      // Typed-in AWS keys: encrypted by the OS (safeStorage) in connections.json, or memory only where it cannot.
      const running = createBackend({ dataDir, startDemo: ({ onProblem }) => startDemoEmulator({ dataDir, onProblem }), vault: createSafeStorageVault(safeStorage) });
      backend = running;
      const openDiagnosticLogFolder = () => void shell.openPath(running.diagnostics.directory);
      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, development, openDiagnosticLogFolder })));
      registerContractHandlers(running.dispatch, createSenderCheck(location, isAppWebContents), running.diagnostics);
      openMainWindow();

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
