import { withTimeout } from '../core/inflight';

// Quitting the desktop app: hold the quit while the backend closes (which first lets calls in
// flight settle, so their audit records are written), then let it through. No Electron import:
// unit-tested in plain Node.

export interface QuitSequenceOptions {
  /** Closes the backend: stops new calls, waits (bounded) for those in flight, closes the rest. */
  close: () => Promise<void>;
  /** app.quit(): called once everything is closed, and lets the quit through this time. */
  quit: () => void;
  /** How long to wait for the backend at most; it bounds its own waits too. */
  timeoutMs: number;
}

export interface QuitEvent {
  preventDefault(): void;
}

/**
 * A listener for app 'will-quit' (after the windows have closed). The first quit is held back while the backend
 * closes (bounded by `timeoutMs`, any failure ignored), then the quit is repeated and let through.
 * Later quits while closing are held back too.
 */
export function createQuitSequence({ close, quit, timeoutMs }: QuitSequenceOptions): (event: QuitEvent) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void withTimeout(close, timeoutMs).finally(() => {
      state = 'closed';
      try {
        quit();
      } catch {
        // Nothing left to clean up; the process ends anyway.
      }
    });
  };
}
