import { describe, expect, it, vi } from 'vitest';
import { createInflightTracker, trackedDispatcher } from '../../electron/core/inflight';
import { deferred, flush } from './helpers/deferred';


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
    expect(refused).toMatchObject({ ok: false, error: { code: 'Unexpected', cause: 'closing', retryable: false } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
