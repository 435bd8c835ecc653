import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

// The application menu and the About panel as plain data (type-only Electron import), so tests can
// check them without the binary. index.ts hands them to Menu.buildFromTemplate and
// app.setAboutPanelOptions.

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Unpackaged runs only: adds reload and the developer tools. */
  development: boolean;
  /** Help › Open diagnostic log folder: shows the folder in the system's file manager, for support. */
  openDiagnosticLogFolder: () => void;
}

export const OPEN_LOG_FOLDER_LABEL = 'Open Diagnostic Log Folder';

/** The standard roles, and one item of ours: the diagnostic log's folder, which support asks for. */
export function buildMenuTemplate({ platform, development, openDiagnosticLogFolder }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    // On macOS Quit lives in the application menu.
    submenu: mac ? [{ role: 'close' }] : [{ role: 'close' }, separator, { role: 'quit' }],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, separator, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(development ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu' };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: OPEN_LOG_FOLDER_LABEL, click: () => openDiagnosticLogFolder() }, separator, { role: 'about' }],
  };

  return [...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []), file, edit, view, window, help];
}

/** Roles that must never reach an operator's (packaged) build. */
export const DEVELOPMENT_ROLES: readonly string[] = ['reload', 'forceReload', 'toggleDevTools'];

export interface AboutOptions {
  platform: NodeJS.Platform;
  version: string;
  /** Electron's version, shown so support knows which runtime (and its security fixes) is in use. */
  electronVersion: string;
}

export const LICENSE_NAME = 'MIT License';
export const THIRD_PARTY_LICENSES_FILE = 'THIRD_PARTY_LICENSES.txt';

export function aboutPanelOptions({ platform, version, electronVersion }: AboutOptions): AboutPanelOptionsOptions {
  const copyright = 'Copyright \u00a9 Recovery Desk contributors';
  const licenses = `Recovery Desk is released under the ${LICENSE_NAME}. The open-source packages it includes, and their licenses, are listed in ${THIRD_PARTY_LICENSES_FILE}, shipped with the app.`;
  return {
    applicationName: 'Recovery Desk',
    applicationVersion: version,
    version: `Electron ${electronVersion}`,
    // Linux's panel has no credits field: the license notice goes under the copyright line.
    ...(platform === 'linux' ? { copyright: `${copyright}. ${licenses}` } : { copyright, credits: licenses }),
  };
}
