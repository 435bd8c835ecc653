import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import type { MenuWords } from './menu-words';

// The application menu and the About panel as plain data (type-only Electron import), so tests can
// check them without the binary. index.ts hands them to Menu.buildFromTemplate and
// app.setAboutPanelOptions, and again whenever the operator changes the language.

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Unpackaged runs only: adds reload and the developer tools. */
  development: boolean;
  /** The operator's language (menu-words.ts). */
  words: MenuWords;
  /** Help › Open diagnostic log folder: shows the folder in the system's file manager, for support. */
  openDiagnosticLogFolder: () => void;
}

/**
 * The standard roles, and one item of ours: the diagnostic log's folder, which support asks for.
 * Every item carries its label: Electron names role items in English on every platform, and the
 * role's own submenus (the application menu, Window) are spelled out so that theirs do too.
 */
export function buildMenuTemplate({ platform, development, words, openDiagnosticLogFolder }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  // macOS only: its first menu, named after the app, with About and Quit.
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: words.aboutApp },
      separator,
      { role: 'services', label: words.services },
      separator,
      { role: 'hide', label: words.hideApp },
      { role: 'hideOthers', label: words.hideOthers },
      { role: 'unhide', label: words.showAll },
      separator,
      { role: 'quit', label: words.quitApp },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: words.file,
    submenu: mac
      ? [{ role: 'close', label: words.closeWindow }]
      : [{ role: 'close', label: words.close }, separator, { role: 'quit', label: platform === 'win32' ? words.exit : words.quit }],
  };
  const edit: MenuItemConstructorOptions = {
    label: words.edit,
    submenu: [
      { role: 'undo', label: words.undo },
      { role: 'redo', label: words.redo },
      separator,
      { role: 'cut', label: words.cut },
      { role: 'copy', label: words.copy },
      { role: 'paste', label: words.paste },
      separator,
      { role: 'selectAll', label: words.selectAll },
    ],
  };
  const developerItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: words.reload },
    { role: 'forceReload', label: words.forceReload },
    { role: 'toggleDevTools', label: words.toggleDevTools },
    separator,
  ];
  const view: MenuItemConstructorOptions = {
    label: words.view,
    submenu: [
      ...(development ? developerItems : []),
      { role: 'resetZoom', label: words.resetZoom },
      { role: 'zoomIn', label: words.zoomIn },
      { role: 'zoomOut', label: words.zoomOut },
      separator,
      { role: 'togglefullscreen', label: words.toggleFullScreen },
    ],
  };
  // The role still makes it macOS's Window menu (the system adds the open windows to it). Zoom is
  // macOS's alone: Electron's default Window menu shows it elsewhere too, where it does nothing.
  const window: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: words.window,
    submenu: mac
      ? [{ role: 'minimize', label: words.minimize }, { role: 'zoom', label: words.zoom }, separator, { role: 'front', label: words.bringAllToFront }]
      : [{ role: 'minimize', label: words.minimize }, { role: 'close', label: words.close }],
  };
  // Likewise the Help role: macOS puts its search field in this menu, whatever it is called.
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: words.help,
    submenu: [
      { label: words.openDiagnosticLogFolder, click: () => openDiagnosticLogFolder() },
      separator,
      { role: 'about', label: platform === 'linux' ? words.about : words.aboutApp },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** Roles that must never reach an operator's (packaged) build. */
export const DEVELOPMENT_ROLES: readonly string[] = ['reload', 'forceReload', 'toggleDevTools'];

export interface AboutOptions {
  platform: NodeJS.Platform;
  version: string;
  /** Electron's version, shown so support knows which runtime (and its security fixes) is in use. */
  electronVersion: string;
  /** The operator's language (menu-words.ts). */
  words: MenuWords;
}

export const THIRD_PARTY_LICENSES_FILE = 'THIRD_PARTY_LICENSES.txt';

/**
 * What the About panel shows. macOS shows every field; Windows a message box of the name, version,
 * copyright and credits; Linux a dialog without credits, so there the license notice goes on its
 * own line under the copyright.
 */
export function aboutPanelOptions({ platform, version, electronVersion, words }: AboutOptions): AboutPanelOptionsOptions {
  const licenses = words.licenses(THIRD_PARTY_LICENSES_FILE);
  return {
    applicationName: 'Recovery Desk',
    applicationVersion: version,
    version: `Electron ${electronVersion}`,
    ...(platform === 'linux' ? { copyright: `${words.copyright}\n${licenses}` } : { copyright: words.copyright, credits: licenses }),
  };
}
