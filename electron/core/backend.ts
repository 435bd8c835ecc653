import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openAuditTrail } from './audit-trail';
import { createConnectionRegistry } from './connections';
import type { StartDemoEnvironment } from './demo-environment';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createRecoveryService } from './service';
import { openSettingsStore } from './settings-store';

export interface BackendOptions {
  /** All state lives here, the emulator's included. */
  dataDir: string;
  /** Starts the offline demo emulator; called once, on first use of the demo connection. */
  startDemo: StartDemoEnvironment;
  env?: NodeJS.ProcessEnv;
}

export interface Backend {
  dispatch: Dispatcher;
  close(): Promise<void>;
}

/** Composes the privileged side once; both shells call this and serve `dispatch`. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env;
  const connections = createConnectionRegistry({ startDemo: options.startDemo, env });
  const audit = openAuditTrail(join(options.dataDir, 'audit', 'audit-log.jsonl'));
  const settings = openSettingsStore(join(options.dataDir, 'settings.json'));
  const service = createRecoveryService({ connections, audit, settings, osUser: operatingSystemUser(env) });
  return {
    dispatch: createDispatcher(service),
    async close() {
      await Promise.all([connections.close(), audit.close()]);
    },
  };
}

function operatingSystemUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws where the account has no passwd entry (some containers).
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}
