import type { DemoMessage } from '../../shared/contract';

/**
 * What the core needs from the offline demo: an endpoint to point the SDK at and the messages it
 * "delivered". electron/emulator provides it; the core never imports the emulator itself.
 */
export interface DemoEnvironment {
  /** e.g. http://127.0.0.1:49152 */
  endpoint: string;
  region: string;
  /** Newest first. */
  inbox(): DemoMessage[];
  close(): Promise<void>;
}

export type StartDemoEnvironment = () => Promise<DemoEnvironment>;
