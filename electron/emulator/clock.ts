/**
 * The emulator's notion of "now". Code expiry, attempt windows and throttling read it, so tests
 * (and trainers) can move time forward instead of waiting an hour.
 */
export interface EmulatorClock {
  now(): number;
  /** Moves the clock forward by `ms` milliseconds (never backwards). */
  advance(ms: number): void;
}

export function createEmulatorClock(start: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => start() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The emulator clock only moves forward.');
      offset += ms;
    },
  };
}
