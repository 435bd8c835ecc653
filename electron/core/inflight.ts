import type { Result } from '../../shared/errors';
import type { Dispatcher } from './dispatcher';
import { apiError } from './errors';

// Calls in flight belong to the core, so both shells stop the same way: stop taking new calls, let
// the running ones settle (a ForgotPassword already sent must get its audit record), then close.

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
  error: apiError('Unexpected', { cause: 'closing', retryable: false }),
};

/** The dispatcher both shells serve: every call tracked, and refused once the backend is closing. */
export function trackedDispatcher(dispatch: Dispatcher, tracker: InflightTracker): Dispatcher {
  return (channel, request) => tracker.run(() => dispatch(channel, request)) ?? Promise.resolve(closing);
}

/** Runs `task`, waiting for it at most `timeoutMs`; its failure (before or after) is swallowed. */
export async function withTimeout(task: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, timeoutMs));
  });
  // A synchronous throw becomes a rejection, and no rejection is left unhandled.
  const running = Promise.resolve().then(task);
  running.catch(() => undefined);
  try {
    await Promise.race([running.catch(() => undefined), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
