import { describe, expect, it, vi } from 'vitest';
import { createQuitSequence } from '../../electron/main/quit-sequence';
import { deferred, flush } from './helpers/deferred';


describe('the quit sequence', () => {
  function setup(options: { close?: () => Promise<void>; timeoutMs?: number } = {}) {
    const steps: string[] = [];
    const close = vi.fn(options.close ?? (async () => void steps.push('close')));
    const quit = vi.fn(() => void steps.push('quit'));
    const onQuit = createQuitSequence({ close, quit, timeoutMs: options.timeoutMs ?? 1_000 });
    const event = () => ({ preventDefault: vi.fn() });
    return { steps, close, quit, onQuit, event };
  }

  it('holds the quit while the backend closes (its calls in flight settling first), then quits for real', async () => {
    const closed = deferred();
    const { steps, close, quit, onQuit, event } = setup({
      close: async () => {
        await closed.promise;
        steps.push('closed');
      },
    });

    const first = event();
    onQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await flush();
    expect(close).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    // A second quit (will-quit, or the operator pressing Quit again) while closing is held too.
    const again = event();
    onQuit(again);
    expect(again.preventDefault).toHaveBeenCalled();

    closed.resolve();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(steps).toEqual(['closed', 'quit']);

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

  it('gives up waiting after the timeout: a stuck backend cannot keep the app open', async () => {
    vi.useFakeTimers();
    try {
      const { close, quit, onQuit, event } = setup({ close: () => new Promise(() => undefined), timeoutMs: 5_000 });
      onQuit(event());
      await vi.advanceTimersByTimeAsync(4_999);
      expect(close).toHaveBeenCalledTimes(1);
      expect(quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
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
