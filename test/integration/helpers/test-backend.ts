import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/core/backend';
import { startDemoEmulator, type DemoEmulator, type StartDemoEmulatorOptions } from '../../../electron/emulator';

/** The whole privileged side, exactly as both shells compose it, on a fresh data folder. */
export interface TestBackend {
  dataDir: string;
  backend: Backend;
  /** The demo emulator, once the first demo call has started it. */
  emulator(): DemoEmulator | undefined;
  /** Calls a channel and returns its data, or throws naming the error code. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Calls a channel that must fail and returns its error. */
  fail(channel: Channel, request: unknown): Promise<ApiError>;
  /** Closes the backend; the data folder goes too, unless kept for a restart. */
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

export async function startTestBackend(
  name: string,
  emulatorOptions: Omit<StartDemoEmulatorOptions, 'dataDir'> = {},
  /** dataDir: start on an existing data folder (a restart); without it, a fresh one. */
  { dataDir: given, ...backendOptions }: Pick<BackendOptions, 'callPolicy' | 'policy' | 'env' | 'auditDelivery'> & { dataDir?: string } = {},
): Promise<TestBackend> {
  const dataDir = given ?? (await mkdtemp(join(tmpdir(), `recovery-desk-${name}-`)));
  let emulator: DemoEmulator | undefined;
  const backend = createBackend({
    env: {},
    ...backendOptions,
    dataDir,
    startDemo: async () => (emulator = await startDemoEmulator({ dataDir, ...emulatorOptions })),
  });
  return {
    dataDir,
    backend,
    emulator: () => emulator,
    async call(channel, request) {
      const result = await backend.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as ResponseOf<typeof channel>;
    },
    async fail(channel, request) {
      const result = await backend.dispatch(channel, request);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    async close({ keepDataDir = false } = {}) {
      await backend.close();
      if (!keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
