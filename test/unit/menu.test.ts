import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, buildMenuTemplate as buildTemplate, DEVELOPMENT_ROLES, OPEN_LOG_FOLDER_LABEL, THIRD_PARTY_LICENSES_FILE, type MenuOptions } from '../../electron/main/menu';
import { THIRD_PARTY_LICENSES_FILE as GENERATED_FILE } from '../../scripts/third-party-licenses';

/** Every role in the template, depth first. */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

function submenu(items: readonly MenuItemConstructorOptions[], label: string): string[] {
  const menu = items.find((item) => item.label === label);
  return Array.isArray(menu?.submenu) ? roles(menu.submenu) : [];
}

const openedFolders: string[] = [];
const buildMenuTemplate = (options: Omit<MenuOptions, 'openDiagnosticLogFolder'>) => buildTemplate({ ...options, openDiagnosticLogFolder: () => openedFolders.push('logs') });

describe('the application menu', () => {
  it.each(['win32', 'linux'] as const)('on %s: File, Edit, View, Window, Help with the usual roles', (platform) => {
    const template = buildMenuTemplate({ platform, development: false });
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(submenu(template, 'File')).toEqual(['close', 'quit']);
    expect(submenu(template, 'Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(template, 'View')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(template)).toContain('about');
  });

  it('on macOS: the application menu first, with Quit there rather than in File', () => {
    const template = buildMenuTemplate({ platform: 'darwin', development: false });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template, 'File')).toEqual(['close']);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('on %s: no reload or developer tools in production', (platform) => {
    const all = roles(buildMenuTemplate({ platform, development: false }));
    for (const role of DEVELOPMENT_ROLES) expect(all).not.toContain(role);
  });

  it('offers reload and the developer tools in development only', () => {
    const view = submenu(buildMenuTemplate({ platform: 'linux', development: true }), 'View');
    expect(view.slice(0, 3)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('uses only roles, but for one item of ours: Help › Open Diagnostic Log Folder', () => {
    const clickable = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [...(item.click ? [item] : []), ...(Array.isArray(item.submenu) ? clickable(item.submenu) : [])]);
    const template = buildMenuTemplate({ platform: 'darwin', development: true });
    const ours = clickable(template);
    expect(ours.map((item) => item.label)).toEqual([OPEN_LOG_FOLDER_LABEL]);
    const help = template.find((item) => item.role === 'help');
    expect(Array.isArray(help?.submenu) && help.submenu[0]?.label).toBe(OPEN_LOG_FOLDER_LABEL);
    (ours[0]?.click as () => void)();
    expect(openedFolders).toEqual(['logs']);
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
    expect(about.copyright).toMatch(/MIT License.*THIRD_PARTY_LICENSES\.txt/);
  });

  it('points to the file the build writes', () => {
    expect(THIRD_PARTY_LICENSES_FILE).toBe(GENERATED_FILE);
  });
});
