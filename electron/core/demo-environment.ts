import type { DemoControls, DemoMessage, ParsedRequestOf } from '../../shared/contract';

export type FaultRequest = Omit<ParsedRequestOf<'demo:injectFault'>, 'connectionId'>;

/**
 * What the core needs from the offline demo: an endpoint to point the SDK at, the messages it
 * "delivered", and the trainer's controls. electron/emulator provides it; the core never imports
 * the emulator itself.
 */
export interface DemoEnvironment {
  /** e.g. http://127.0.0.1:49152 */
  endpoint: string;
  region: string;
  /** Newest first. */
  inbox(): DemoMessage[];
  /** Empties the inbox; resolves to how many messages were removed. */
  clearInbox(): Promise<number>;
  controls(): DemoControls;
  injectFault(fault: FaultRequest): DemoControls;
  clearFaults(): DemoControls;
  setThrottling(enabled: boolean): DemoControls;
  close(): Promise<void>;
}

export interface DemoStartOptions {
  /** A problem worth knowing that did not stop the start (a damaged demo inbox moved aside). */
  onProblem(problem: string): void;
}

export type StartDemoEnvironment = (options: DemoStartOptions) => Promise<DemoEnvironment>;
