import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions as aboutPanel, buildMenuTemplate as buildTemplate, DEVELOPMENT_ROLES, THIRD_PARTY_LICENSES_FILE, type AboutOptions, type MenuOptions } from '../../electron/main/menu';
import { MENU_WORDS } from '../../electron/main/menu-words';
import { UI_LANGUAGES } from '../../shared/contract';
import { THIRD_PARTY_LICENSES_FILE as GENERATED_FILE } from '../../scripts/third-party-licenses';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** Every item in the template, depth first. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

/** Every role in the template, depth first. */
function roles(template: readonly MenuItemConstructorOptions[]): string[] {
  return items(template).flatMap((item) => (item.role ? [item.role] : []));
}

function submenu(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

const openedFolders: string[] = [];
const buildMenuTemplate = ({ words = MENU_WORDS.en, ...options }: Omit<MenuOptions, 'openDiagnosticLogFolder' | 'words'> & Partial<Pick<MenuOptions, 'words'>>) =>
  buildTemplate({ ...options, words, openDiagnosticLogFolder: () => openedFolders.push('logs') });
const aboutPanelOptions = ({ words = MENU_WORDS.en, ...options }: Omit<AboutOptions, 'words'> & Partial<Pick<AboutOptions, 'words'>>) => aboutPanel({ ...options, words });

describe('the application menu', () => {
  it.each(['win32', 'linux'] as const)('on %s: File, Edit, View, Window, Help with the usual roles', (platform) => {
    const template = buildMenuTemplate({ platform, development: false });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(template.map((item) => item.role)).toEqual([undefined, undefined, undefined, 'windowMenu', 'help']);
    expect(roles(submenu(template, 'File'))).toEqual(['close', 'quit']);
    expect(roles(submenu(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(submenu(template, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(template, 'Window'))).toEqual(['minimize', 'close']);
    expect(roles(template)).toContain('about');
  });

  it('on macOS: the application menu first, with Quit there rather than in File, and the Window menu of macOS', () => {
    const template = buildMenuTemplate({ platform: 'darwin', development: false });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(template.slice(0, 1))).toEqual(['appMenu', 'about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenu(template, 'File'))).toEqual(['close']);
    expect(roles(submenu(template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it.each(PLATFORMS)('on %s: no reload or developer tools in production', (platform) => {
    const all = roles(buildMenuTemplate({ platform, development: false }));
    for (const role of DEVELOPMENT_ROLES) expect(all).not.toContain(role);
  });

  it('offers reload and the developer tools in development only', () => {
    const view = roles(submenu(buildMenuTemplate({ platform: 'linux', development: true }), 'View'));
    expect(view.slice(0, 3)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('uses only roles, but for one item of ours: Help › Open Diagnostic Log Folder', () => {
    const template = buildMenuTemplate({ platform: 'darwin', development: true });
    const ours = items(template).filter((item) => item.click);
    expect(ours.map((item) => item.label)).toEqual(['Open Diagnostic Log Folder']);
    expect(submenu(template, 'Help')[0]?.label).toBe('Open Diagnostic Log Folder');
    (ours[0]?.click as () => void)();
    expect(openedFolders).toEqual(['logs']);
  });

  it('names Quit and About as each system does', () => {
    const quit = (platform: NodeJS.Platform) => items(buildMenuTemplate({ platform, development: false })).find((item) => item.role === 'quit')?.label;
    const about = (platform: NodeJS.Platform) => items(buildMenuTemplate({ platform, development: false })).find((item) => item.role === 'about')?.label;
    expect([quit('win32'), quit('linux'), quit('darwin')]).toEqual(['Exit', 'Quit', 'Quit Recovery Desk']);
    expect([about('win32'), about('linux'), about('darwin')]).toEqual(['About Recovery Desk', 'About', 'About Recovery Desk']);
  });
});

describe('the menu in the operator’s language', () => {
  it.each(PLATFORMS)('on %s, in German: the menus are Datei, Bearbeiten, Ansicht, Fenster, Hilfe', (platform) => {
    const template = buildMenuTemplate({ platform, development: false, words: MENU_WORDS.de });
    expect(template.filter((item) => item.role !== 'appMenu').map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(submenu(template, 'Bearbeiten').map((item) => item.label)).toEqual(['Rückgängig', 'Wiederholen', undefined, 'Ausschneiden', 'Kopieren', 'Einfügen', undefined, 'Alles auswählen']);
    expect(submenu(template, 'Hilfe')[0]?.label).toBe('Ordner des Diagnoseprotokolls öffnen');
  });

  it.each(UI_LANGUAGES.flatMap((language) => PLATFORMS.map((platform) => [language, platform] as const)))(
    'in %s on %s: every item but a separator carries its label from that language (Electron would say it in English)',
    (language, platform) => {
      const words = MENU_WORDS[language];
      const ownWords = new Set(Object.values(words).filter((word) => typeof word === 'string'));
      const template = buildMenuTemplate({ platform, development: true, words });
      // The application menu's own title is the app's name, which macOS shows whatever the label.
      for (const item of items(template).filter((item) => item.type !== 'separator' && item.role !== 'appMenu')) {
        expect(ownWords, `${item.role ?? item.label}`).toContain(item.label);
      }
    },
  );

  it.each(PLATFORMS)('on %s: the language changes the words, never the roles', (platform) => {
    const english = buildMenuTemplate({ platform, development: true, words: MENU_WORDS.en });
    const german = buildMenuTemplate({ platform, development: true, words: MENU_WORDS.de });
    expect(roles(german)).toEqual(roles(english));
    expect(items(german).map((item) => item.type)).toEqual(items(english).map((item) => item.type));
  });

  it.each(UI_LANGUAGES)('%s: every word is written, with no ampersand (Windows and Linux would take it for an access key)', (language) => {
    const words = MENU_WORDS[language];
    expect(Object.keys(words).sort()).toEqual(Object.keys(MENU_WORDS.en).sort());
    for (const [key, word] of Object.entries(words)) {
      const text = typeof word === 'function' ? word('FILE.txt') : word;
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toContain('&');
    }
  });
});

describe('the About panel', () => {
  it('names the version, the runtime, the license and where the third-party licenses are', () => {
    const about = aboutPanelOptions({ platform: 'win32', version: '1.2.3', electronVersion: '45.4.1' });
    expect(about).toMatchObject({ applicationName: 'Recovery Desk', applicationVersion: '1.2.3', version: 'Electron 45.4.1' });
    expect(about.copyright).toMatch(/Copyright/);
    expect(about.credits).toMatch(/MIT License/);
    expect(about.credits).toContain('THIRD_PARTY_LICENSES.txt');
  });

  it('puts the license notice under the copyright on Linux, whose panel shows no credits', () => {
    const about = aboutPanelOptions({ platform: 'linux', version: '1.2.3', electronVersion: '45.4.1' });
    expect(about.credits).toBeUndefined();
    expect(about.copyright).toMatch(/^Copyright .*\nRecovery Desk is released under the MIT License\..*THIRD_PARTY_LICENSES\.txt/);
  });

  it('speaks the operator’s language, keeping the file’s name and the runtime’s', () => {
    const about = aboutPanelOptions({ platform: 'darwin', version: '1.2.3', electronVersion: '45.4.1', words: MENU_WORDS.de });
    expect(about).toMatchObject({ applicationName: 'Recovery Desk', version: 'Electron 45.4.1', copyright: 'Copyright © Mitwirkende von Recovery Desk' });
    expect(about.credits).toBe(
      'Recovery Desk steht unter der MIT-Lizenz. Die enthaltenen Open-Source-Pakete und ihre Lizenzen sind in der mitgelieferten Datei THIRD_PARTY_LICENSES.txt aufgeführt.',
    );
  });

  it('points to the file the build writes', () => {
    expect(THIRD_PARTY_LICENSES_FILE).toBe(GENERATED_FILE);
  });
});
