import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Settings } from '../../shared/contract';

export const DEFAULT_SETTINGS: Settings = {
  callerVerification: {
    enabled: false,
    checks: [
      "Caller gave the account's email address or phone number",
      'Caller confirmed the ticket number',
      'Caller answered a security question on file',
    ],
  },
};

export interface SettingsStore {
  get(): Promise<Settings>;
  update(change: Partial<Settings>): Promise<Settings>;
  /** Set when the file on disk was unreadable and moved aside at load. */
  readonly problem: string | undefined;
}

/**
 * The operator's settings, one JSON file in the data dir, validated on load. A corrupt file is
 * moved aside (kept for inspection) and the defaults apply, never a crash.
 */
export function openSettingsStore(path: string): SettingsStore {
  let current: Promise<Settings> | undefined;
  let problem: string | undefined;

  async function load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SETTINGS;
      throw error;
    }
    let parsed: ReturnType<typeof Settings.safeParse> | undefined;
    try {
      parsed = Settings.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) return parsed.data;
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    problem = `The settings file could not be read and was moved to ${aside}; defaults apply.`;
    return DEFAULT_SETTINGS;
  }

  return {
    get: () => (current ??= load()),
    async update(change) {
      const next = Settings.parse({ ...(await (current ??= load())), ...change });
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a crash never leaves half a file.
      const temporary = `${path}.tmp`;
      await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
      current = Promise.resolve(next);
      return next;
    },
    get problem() {
      return problem;
    },
  };
}
