import { createDispatcher, type Dispatcher } from './dispatcher';
import type { StartDemoEnvironment } from './demo-environment';
import { createConnectionRegistry } from './connections';
import { createRecoveryService } from './service';

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
  const connections = createConnectionRegistry({ startDemo: options.startDemo, env: options.env ?? process.env });
  const service = createRecoveryService(connections);
  return { dispatch: createDispatcher(service), close: () => connections.close() };
}
