import path from 'node:path';

/** Folder name under the per-user application data folder; matches Electron's userData (productName). */
export const APP_FOLDER_NAME = 'Recovery Desk';
export const DATA_DIR_ENV = 'RECOVERY_DESK_DATA_DIR';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

/**
 * The per-user folder Electron would pick as `userData`, computed without Electron so the browser
 * shell and the desktop app find the same state by default.
 */
export function defaultDataDir({ platform, env, homeDir }: PlatformInfo): string {
  // Absolute paths only: a relative XDG value is invalid per the spec and would depend on the cwd.
  const fromEnv = (name: string) => {
    const value = env[name];
    return value && isAbsoluteFor(platform, value) ? value : undefined;
  };
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  switch (platform) {
    case 'win32':
      return join(fromEnv('APPDATA') ?? join(homeDir, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return join(homeDir, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return join(fromEnv('XDG_CONFIG_HOME') ?? join(homeDir, '.config'), APP_FOLDER_NAME);
  }
}

export interface DataDirChoice {
  /** The value of `--data-dir`, if given. */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Used when neither the flag nor the environment names a folder. */
  fallback: string;
  /** Relative paths resolve against this (the caller's working directory). */
  cwd: string;
}

/** `--data-dir` beats RECOVERY_DESK_DATA_DIR beats the shell's default; always absolute. */
export function resolveDataDir({ flag, env, fallback, cwd }: DataDirChoice): string {
  const chosen = nonEmpty(flag) ?? nonEmpty(env[DATA_DIR_ENV]) ?? fallback;
  return path.resolve(cwd, chosen);
}

/**
 * Finds `--data-dir DIR` or `--data-dir=DIR` among arguments that may also hold Chromium's or
 * Electron's own switches, which are left alone. Returns undefined when absent; throws when the
 * switch has no value, so a typo never silently falls back to the default folder.
 */
export function findDataDirArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--') || value === '') throw new Error('--data-dir needs a folder, e.g. --data-dir ./demo-data');
      found = value;
      i++;
    } else if (arg?.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value === '') throw new Error('--data-dir needs a folder, e.g. --data-dir=./demo-data');
      found = value;
    }
  }
  return found;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function isAbsoluteFor(platform: NodeJS.Platform, value: string): boolean {
  return platform === 'win32' ? path.win32.isAbsolute(value) : path.posix.isAbsolute(value);
}
