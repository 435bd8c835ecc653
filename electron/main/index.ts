import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import type { LanguageSetting } from '../../shared/contract';
import { chooseLanguage, type UiLanguage } from '../../shared/ui-language';
import { createBackend, type Backend } from '../core/backend';
import { findDataDirArg, resolveDataDir } from '../core/data-dir';
import { createSafeStorageVault } from '../core/secret-vault';
import { resolveScaleUsers, startDemoEmulator } from '../emulator';
import { resolveAppLocation } from './app-location';
import { createSenderCheck, registerContractHandlers } from './ipc';
import { aboutPanelOptions, buildMenuTemplate } from './menu';
import { MENU_WORDS, type MenuWords } from './menu-words';
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

/** The operating system's preferred languages, most preferred first; none when it cannot say. */
function preferredSystemLanguages(): string[] {
  try {
    return app.getPreferredSystemLanguages();
  } catch {
    return [];
  }
}

/** The language the menus, the About panel and the dialogs speak, once the settings are read. */
let language: UiLanguage | undefined;
/** Their words: before the settings are read (a failed start), the system's language. */
const words = (): MenuWords => MENU_WORDS[language ?? chooseLanguage(undefined, preferredSystemLanguages())];

function fail(message: string): void {
  dialog.showErrorBox(words().startFailed, message);
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

/** RECOVERY_DESK_DEMO_USERS (the demo's Acme Scale pool), read at start: a bad value is said at once, not later as a demo that fails to start. */
function checkDemoUsers(): boolean {
  try {
    resolveScaleUsers(undefined, process.env);
    return true;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return false;
  }
}

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

const dataDir = checkDemoUsers() ? prepareDataDir() : undefined;

if (dataDir === undefined) {
  // fail() has already shown the reason and exited.
} else if (!app.requestSingleInstanceLock()) {
  // One instance per data folder (the lock lives in userData): two would fight over the
  // emulator's files and the audit log. The running one comes to the front instead.
  app.quit();
} else {
  const windowStateFile = path.join(dataDir, WINDOW_STATE_FILE);
  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ location, preloadPath, placement: restoredPlacement(windowStateFile), devTools: development, words });
    rememberPlacement(window, windowStateFile);
    mainWindow = window;
    return window;
  };

  /** Set once the first window is open (the app ready, the settings read, the handlers registered). */
  let started = false;

  app.on('second-instance', () => {
    // Before the first window, the launch under way opens it anyway.
    if (!started) return;
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
    .then(async () => {
      hardenSession(session.defaultSession, location);
      // Read once the app is ready; the page is told them too (settings:get), so it follows the system as the menus do.
      const systemLanguages = preferredSystemLanguages();
      const running = createBackend({
        dataDir,
        startDemo: ({ onProblem }) => startDemoEmulator({ dataDir, onProblem }),
        // Typed-in AWS keys: encrypted by the OS (safeStorage) in connections.json, or memory only where it cannot.
        vault: createSafeStorageVault(safeStorage),
        systemLanguages,
      });
      backend = running;
      const openDiagnosticLogFolder = () => void shell.openPath(running.diagnostics.directory);
      /** The menu and the About panel in the language the setting picks; rebuilt only when that changes. */
      const speak = (setting: LanguageSetting | undefined) => {
        const next = chooseLanguage(setting, systemLanguages);
        if (next === language) return;
        language = next;
        const platform = process.platform;
        app.setAboutPanelOptions(aboutPanelOptions({ platform, version: app.getVersion(), electronVersion: process.versions.electron, words: MENU_WORDS[next] }));
        Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform, development, words: MENU_WORDS[next], openDiagnosticLogFolder })));
      };
      // The operator's choice in Settings applies at once, wherever it was made.
      running.settings.onChange((settings) => speak(settings.language));
      speak(await running.settings.get().then((settings) => settings.language, () => undefined));
      registerContractHandlers(running.dispatch, createSenderCheck(location, isAppWebContents), running.diagnostics);
      openMainWindow();
      started = true;

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
