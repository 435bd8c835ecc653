import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, findDataDirArg, resolveDataDir } from '../../electron/core/data-dir';

describe('defaultDataDir', () => {
  it('follows XDG_CONFIG_HOME on Linux, like Electron userData', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/config' }, homeDir: '/home/ann' })).toBe('/x/config/Recovery Desk');
  });

  it('falls back to ~/.config on Linux and ignores a relative XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, homeDir: '/home/ann' })).toBe('/home/ann/.config/Recovery Desk');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel/config' }, homeDir: '/home/ann' })).toBe('/home/ann/.config/Recovery Desk');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: {}, homeDir: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Recovery Desk');
  });

  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, homeDir: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Recovery Desk',
    );
    expect(defaultDataDir({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\AppData\\Roaming\\Recovery Desk');
  });
});

describe('resolveDataDir', () => {
  const cwd = path.resolve('/work/here');

  it('prefers the flag, then the environment, then the fallback', () => {
    const env = { RECOVERY_DESK_DATA_DIR: '/from/env' };
    expect(resolveDataDir({ flag: '/from/flag', env, fallback: '/fallback', cwd })).toBe(path.resolve('/from/flag'));
    expect(resolveDataDir({ flag: undefined, env, fallback: '/fallback', cwd })).toBe(path.resolve('/from/env'));
    expect(resolveDataDir({ flag: undefined, env: {}, fallback: '/fallback', cwd })).toBe(path.resolve('/fallback'));
  });

  it('treats a blank environment value as unset', () => {
    expect(resolveDataDir({ env: { RECOVERY_DESK_DATA_DIR: '  ' }, fallback: '/fallback', cwd })).toBe(path.resolve('/fallback'));
  });

  it('makes a relative folder absolute against the working directory', () => {
    expect(resolveDataDir({ flag: 'demo-data', env: {}, fallback: '/fallback', cwd })).toBe(path.join(cwd, 'demo-data'));
  });
});

describe('findDataDirArg', () => {
  it('reads both spellings among Chromium switches', () => {
    expect(findDataDirArg(['/usr/bin/electron', '.', '--no-sandbox', '--data-dir', '/d'])).toBe('/d');
    expect(findDataDirArg(['app', '--data-dir=/d2', '--inspect'])).toBe('/d2');
  });

  it('is undefined when absent', () => {
    expect(findDataDirArg(['app', '--no-sandbox'])).toBeUndefined();
  });

  it('refuses a switch without a folder rather than falling back silently', () => {
    expect(() => findDataDirArg(['app', '--data-dir'])).toThrow(/needs a folder/);
    expect(() => findDataDirArg(['app', '--data-dir', '--no-sandbox'])).toThrow(/needs a folder/);
    expect(() => findDataDirArg(['app', '--data-dir='])).toThrow(/needs a folder/);
  });
});
