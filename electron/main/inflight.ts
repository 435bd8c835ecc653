import type { Result } from '../../shared/errors';
import type { Dispatcher } from '../core/dispatcher';
import { apiError } from '../core/errors';

// Quitting while a call is in flight: stop taking new calls, let the running ones settle (a
// ForgotPassword already sent must get its audit record), then close the backend. No Electron
// import: unit-tested in plain Node.

export interface InflightTracker {
  /** False once stopAccepting() has been called. */
  readonly accepting: boolean;
  /** How many tracked calls have not settled yet. */
  readonly pending: number;
  /** Tracks `call()`'s promise; undefined (and `call` not run) once no longer accepting. */
  run<T>(call: () => Promise<T>): Promise<T> | undefined;
  stopAccepting(): void;
  /** Resolves true once every tracked call has settled, false if `timeoutMs` ran out first. Never rejects. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInflightTracker(): InflightTracker {
  const pending = new Set<Promise<unknown>>();
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    get pending() {
      return pending.size;
    },
    run(call) {
      if (!accepting) return undefined;
      let promise: ReturnType<typeof call>;
      try {
        promise = call();
      } catch (error) {
        promise = Promise.reject(error);
      }
      // The bookkeeping copy swallows the outcome; the caller still gets the original promise.
      const settled = promise.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return promise;
    },
    stopAccepting() {
      accepting = false;
    },
    async drain(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
      });
      // Calls tracked while draining (none, once stopAccepting ran) are waited for too.
      const allSettled = (async () => {
        while (pending.size > 0) await Promise.all([...pending]);
        return true as const;
      })();
      try {
        return await Promise.race([allSettled, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const closing: Result<never> = {
  ok: false,
  error: apiError('Unexpected', {
    message: 'Recovery Desk is closing, so this request was not sent.',
    guidance: 'Start Recovery Desk again and repeat the last step.',
    retryable: false,
  }),
};

/** The dispatcher the IPC handlers serve: every call tracked, and refused once the app is closing. */
export function trackedDispatcher(dispatch: Dispatcher, tracker: InflightTracker): Dispatcher {
  return (channel, request) => tracker.run(() => dispatch(channel, request)) ?? Promise.resolve(closing);
}

export interface QuitSequenceOptions {
  tracker: InflightTracker;
  /** Closes the backend (emulator, audit log). */
  close: () => Promise<void>;
  /** app.quit(): called once everything is closed, and lets the quit through this time. */
  quit: () => void;
  /** How long to wait for in-flight calls, and then again for the backend to close. */
  timeoutMs: number;
}

export interface QuitEvent {
  preventDefault(): void;
}

/**
 * A listener for app 'before-quit' and 'will-quit'. The first quit is held back while in-flight
 * calls settle and the backend closes (each step bounded by `timeoutMs`, each failure ignored),
 * then the quit is repeated and let through. Later quits while closing are held back too.
 */
export function createQuitSequence({ tracker, close, quit, timeoutMs }: QuitSequenceOptions): (event: QuitEvent) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    tracker.stopAccepting();
    void tracker
      .drain(timeoutMs)
      .then(() => withTimeout(close, timeoutMs))
      .catch(() => undefined)
      .finally(() => {
        state = 'closed';
        try {
          quit();
        } catch {
          // Nothing left to clean up; the process ends anyway.
        }
      });
  };
}

async function withTimeout(task: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, timeoutMs));
  });
  // A synchronous throw becomes a rejection; one that comes after the timeout is swallowed here,
  // one that comes before it reaches the caller.
  const running = Promise.resolve().then(task);
  running.catch(() => undefined);
  try {
    await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
