// Cognito's request-rate quotas are per account and region, per category of operation (ListUsers:
// UserList, 30 a second). A search over many pools would burst far past that; a pacer spaces the
// calls it lets through evenly, so they stay under the rate in any one-second window.

export interface RequestPacer {
  /**
   * Resolves when the next call may be sent (each call takes its own slot, first come first served).
   * Rejects with the signal's reason, and gives its slot back, when `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface PacerClock {
  now(): number;
  /** Runs `run` after `ms`; the returned function stops it. */
  wait(ms: number, run: () => void): () => void;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  wait(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** At most `perSecond` slots in any one second: slots are 1000/perSecond ms apart. */
export function createRequestPacer(perSecond: number, clock: PacerClock = realClock): RequestPacer {
  if (!(perSecond > 0)) throw new RangeError('A pacer needs a positive rate.');
  const spacingMs = 1000 / perSecond;
  let lastSlot = -Infinity;
  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      const slot = Math.max(clock.now(), lastSlot + spacingMs);
      lastSlot = slot;
      const delay = slot - clock.now();
      if (delay <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          stop();
          // The last slot handed out can be taken back; an earlier one stays spent (the gap is harmless).
          if (lastSlot === slot) lastSlot = slot - spacingMs;
          reject(signal?.reason as Error);
        };
        const stop = clock.wait(delay, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** One pacer per key (account or connection, region, category), made on first use and kept. */
export function createPacerRegistry(make: (category: string) => RequestPacer): (key: string, category: string) => RequestPacer {
  const pacers = new Map<string, RequestPacer>();
  return (key, category) => {
    const id = `${key}\u0000${category}`;
    let pacer = pacers.get(id);
    if (!pacer) {
      pacer = make(category);
      pacers.set(id, pacer);
    }
    return pacer;
  };
}
