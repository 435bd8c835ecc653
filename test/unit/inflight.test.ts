import { describe, expect, it, vi } from 'vitest';
import { createInflightTracker, createQuitSequence, trackedDispatcher } from '../../electron/main/inflight';

/** A promise and the functions that settle it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-flight tracker', () => {
  it('counts calls until they settle, whether they succeed or fail, and passes their outcome on', async () => {
    const tracker = createInflightTracker();
    const a = deferred<string>();
    const b = deferred<string>();
    const first = tracker.run(() => a.promise);
    const second = tracker.run(() => b.promise);
    expect(tracker.pending).toBe(2);
    a.resolve('done');
    b.reject(new Error('failed'));
    await expect(first).resolves.toBe('done');
    await expect(second).rejects.toThrow('failed');
    await flush();
    expect(tracker.pending).toBe(0);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const tracker = createInflightTracker();
    await expect(
      tracker.run(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });

  it('refuses new calls once it stops accepting, without running them', () => {
    const tracker = createInflightTracker();
    tracker.stopAccepting();
    const call = vi.fn(async () => 'x');
    expect(tracker.accepting).toBe(false);
    expect(tracker.run(call)).toBeUndefined();
    expect(call).not.toHaveBeenCalled();
  });

  it('drains: true once every call has settled, at once when none is pending', async () => {
    const tracker = createInflightTracker();
    expect(await tracker.drain(1_000)).toBe(true);
    const slow = deferred();
    void tracker.run(() => slow.promise)?.catch(() => undefined);
    const drained = tracker.drain(1_000);
    let done = false;
    void drained.then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    slow.reject(new Error('it failed, but it settled'));
    expect(await drained).toBe(true);
  });

  it('drains: false when a call outlives the timeout', async () => {
    vi.useFakeTimers();
    try {
      const tracker = createInflightTracker();
      void tracker.run(() => new Promise(() => undefined));
      const drained = tracker.drain(5_000);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await drained).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('trackedDispatcher', () => {
  it('tracks each call, then answers a Result saying the app is closing, without dispatching', async () => {
    const tracker = createInflightTracker();
    const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, data: channel }));
    const tracked = trackedDispatcher(dispatch, tracker);
    expect(await tracked('pools:list', {})).toEqual({ ok: true, data: 'pools:list' });

    tracker.stopAccepting();
    const refused = await tracked('recovery:forgotPassword', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'Unexpected', retryable: false } });
    expect(!refused.ok && refused.error.message).toMatch(/closing/);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('the quit sequence', () => {
  function setup(options: { close?: () => Promise<void>; timeoutMs?: number } = {}) {
    const steps: string[] = [];
    const tracker = createInflightTracker();
    const close = vi.fn(options.close ?? (async () => void steps.push('close')));
    const quit = vi.fn(() => void steps.push('quit'));
    const onQuit = createQuitSequence({ tracker, close, quit, timeoutMs: options.timeoutMs ?? 1_000 });
    const event = () => ({ preventDefault: vi.fn() });
    return { steps, tracker, close, quit, onQuit, event };
  }

  it('holds the quit, waits for calls in flight, closes the backend, then quits for real', async () => {
    const { steps, tracker, close, quit, onQuit, event } = setup();
    const call = deferred();
    void tracker.run(async () => {
      await call.promise;
      steps.push('call settled');
    });

    const first = event();
    onQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(tracker.accepting).toBe(false);
    await flush();
    expect(close).not.toHaveBeenCalled();

    // A second quit (will-quit, or the operator pressing Quit again) while closing is held too.
    const again = event();
    onQuit(again);
    expect(again.preventDefault).toHaveBeenCalled();

    call.resolve();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(steps).toEqual(['call settled', 'close', 'quit']);

    // The quit it repeats goes through.
    const final = event();
    onQuit(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when the backend fails to close, or throws', async () => {
    const rejecting = setup({ close: async () => Promise.reject(new Error('emulator would not stop')) });
    rejecting.onQuit(rejecting.event());
    await vi.waitFor(() => expect(rejecting.quit).toHaveBeenCalledTimes(1));

    const throwing = setup({
      close: () => {
        throw new Error('sync');
      },
    });
    throwing.onQuit(throwing.event());
    await vi.waitFor(() => expect(throwing.quit).toHaveBeenCalledTimes(1));
  });

  it('gives up waiting after the timeout: a stuck call or a stuck backend cannot keep the app open', async () => {
    vi.useFakeTimers();
    try {
      const { tracker, close, quit, onQuit, event } = setup({ close: () => new Promise(() => undefined), timeoutMs: 5_000 });
      void tracker.run(() => new Promise(() => undefined));
      onQuit(event());
      await vi.advanceTimersByTimeAsync(5_000);
      expect(close).toHaveBeenCalledTimes(1);
      expect(quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(quit).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no unhandled rejection when the backend fails after the timeout', async () => {
    const late = deferred();
    const { quit, onQuit, event } = setup({ close: () => late.promise, timeoutMs: 10 });
    onQuit(event());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    late.reject(new Error('too late'));
    // Vitest fails the run on an unhandled rejection; give it the chance to surface.
    await flush();
  });
});
