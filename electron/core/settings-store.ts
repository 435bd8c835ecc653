import { BUILT_IN_CALLER_CHECKS, Settings } from '../../shared/contract';
import type { FileProblem } from '../../shared/file-problem';
import { messageRef } from '../../shared/message-ref';
import { RecoveryDeskError } from './errors';
import { jsonFile } from './json-file';

const DEFAULT_CHECKS = [...BUILT_IN_CALLER_CHECKS];

export const DEFAULT_SETTINGS: Settings = {
  callerVerification: { enabled: false, checks: DEFAULT_CHECKS },
};

/** What applies when the saved settings cannot be read: every control on, never off. */
export const STRICTEST_SETTINGS: Settings = {
  callerVerification: { enabled: true, checks: DEFAULT_CHECKS },
};

export interface SettingsStore {
  /** The settings in force: the operator's, with what the organization's policy fixes in its place. */
  get(): Promise<Settings>;
  /** Saves the operator's change; a change to what the policy fixes is refused (PolicyForbids managed-setting). */
  update(change: Partial<Settings>): Promise<Settings>;
  /** Set while the settings in force are the strictest because the file could not be used; cleared by a save. */
  problem(): Promise<FileProblem | undefined>;
}

export interface SettingsStoreOptions {
  /** Caller verification as the organization's policy sets it: it replaces the operator's, who cannot change it. */
  callerVerification?: Settings['callerVerification'] | undefined;
}

/**
 * The operator's settings, one JSON file in the data dir. Missing: the defaults. Damaged or unreadable:
 * it fails closed — the strictest settings apply (caller verification required), the file is moved
 * aside, and the operator is told where, until the settings are saved again. What the policy fixes
 * applies over all of them; the file keeps the operator's own.
 */
export function openSettingsStore(path: string, { callerVerification: fixed }: SettingsStoreOptions = {}): SettingsStore {
  const file = jsonFile({ path, schema: Settings, file: 'settings' });
  let problem: FileProblem | undefined;
  let current: Promise<Settings> | undefined;

  async function load(): Promise<Settings> {
    const read = await file.read();
    if (read.value) return read.value;
    if (!read.problem) return DEFAULT_SETTINGS;
    // Until the settings are saved again, the strictest apply: caller verification is required.
    problem = read.problem;
    return STRICTEST_SETTINGS;
  }

  const loaded = () => (current ??= load());
  const inForce = (own: Settings): Settings => (fixed ? { ...own, callerVerification: fixed } : own);

  return {
    get: async () => inForce(await loaded()),
    async update(change) {
      if (fixed && change.callerVerification) {
        throw new RecoveryDeskError('PolicyForbids', {
          cause: 'managed-setting',
          issues: [{ path: 'callerVerification', message: messageRef('validation.setByOrganization') }],
        });
      }
      const next = Settings.parse({ ...(await loaded()), ...change });
      await file.write(next);
      current = Promise.resolve(next);
      problem = undefined;
      return inForce(next);
    },
    async problem() {
      await loaded();
      return problem;
    },
  };
}
