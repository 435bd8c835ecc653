import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createBackend, type Backend } from '../core/backend';
import { findDataDirArg, resolveDataDir } from '../core/data-dir';
import { startDemoEmulator } from '../emulator';
import { resolveAppLocation } from './app-location';
import { createSenderCheck, registerContractHandlers } from './ipc';
import { createMainWindow, hardenContents, hardenSession, isAppWebContents } from './window';

// The desktop shell: lifecycle only. The engine is electron/core, shared with the browser shell.

const preloadPath = path.join(__dirname, '../preload/index.js');
const location = resolveAppLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  packaged: app.isPackaged,
  indexFile: path.join(__dirname, '../renderer/index.html'),
});

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
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, location));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Stop the emulator and flush the backend before the process goes away.
  let closing: Promise<void> | undefined;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= (backend?.close() ?? Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, location);
      backend = createBackend({ dataDir, startDemo: () => startDemoEmulator({ dataDir }) });
      registerContractHandlers(backend.dispatch, createSenderCheck(location, isAppWebContents));
      mainWindow = createMainWindow({ location, preloadPath });

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow({ location, preloadPath });
      });
    })
    .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
