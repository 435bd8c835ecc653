import { describe, expect, it } from 'vitest';
import { lookupsForPool } from '../../electron/core/cross-pool-search';
import { createRequestPacer, type PacerClock } from '../../electron/core/request-pacer';
import { planCallerLookups } from '../../electron/core/user-filter';

/** A clock the test moves by hand; timers fire as it passes them. */
function manualClock(): PacerClock & { advance(ms: number): void } {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  return {
    now: () => now,
    wait(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
    advance(ms) {
      now += ms;
      for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) {
          timers.delete(timer);
          timer.run();
        }
      }
    },
  };
}

async function settle() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('the request pacer', () => {
  it('lets the first call through at once and spaces the rest evenly: at most the rate in any one second', async () => {
    const clock = manualClock();
    const pacer = createRequestPacer(20, clock);
    const through: number[] = [];
    for (let n = 0; n < 45; n += 1) void pacer.acquire().then(() => through.push(clock.now()));
    await settle();
    expect(through).toEqual([0]);
    for (let ms = 0; ms < 3000; ms += 10) {
      clock.advance(10);
      await settle();
    }
    expect(through).toHaveLength(45);
    const busiest = Math.max(...through.map((start) => through.filter((at) => at >= start && at < start + 1000).length));
    expect(busiest).toBe(20);
  });

  it('gives up a waiting slot when its signal aborts, and refuses an aborted signal at once', async () => {
    const clock = manualClock();
    const pacer = createRequestPacer(10, clock);
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    await expect(pacer.acquire(controller.signal)).rejects.toThrow();
    // The slot given back goes to the next caller: 100 ms after the first, not 200.
    let at: number | undefined;
    void pacer.acquire().then(() => (at = clock.now()));
    clock.advance(100);
    await settle();
    expect(at).toBe(100);
  });
});

describe('which lookups a pool can answer', () => {
  const lookups = planCallerLookups('alice.verified', 'US').lookups;

  it('sends every lookup to a pool with usernames of its own', () => {
    const { applicable, notSearched } = lookupsForPool(lookups, { SchemaAttributes: [{ Name: 'email' }, { Name: 'phone_number' }] });
    expect(applicable.map((lookup) => lookup.attribute)).toEqual(['username', 'email']);
    expect(notSearched).toEqual([]);
  });

  it('skips the username where the pool signs in by email or phone (its usernames are generated ids), unless the text could be one', () => {
    const byEmail = { UsernameAttributes: ['email' as const] };
    expect(lookupsForPool(lookups, byEmail).notSearched).toEqual([{ attribute: 'username', reason: 'generated-usernames' }]);
    expect(lookupsForPool(lookups, byEmail).applicable.map((lookup) => lookup.attribute)).toEqual(['email']);
    const uuid = planCallerLookups('3f1e2d4c-9a8b-4c7d-8e6f-5a4b3c2d1e0f', 'US').lookups;
    expect(lookupsForPool(uuid, byEmail).applicable.map((lookup) => lookup.attribute)).toContain('username');
  });

  it('skips an attribute the pool schema does not have, and searches all when the schema is not known', () => {
    const phone = planCallerLookups('+44 20 7946 0018', undefined).lookups;
    expect(phone.map((lookup) => lookup.attribute)).toEqual(['phone_number']);
    expect(lookupsForPool(phone, { SchemaAttributes: [{ Name: 'email' }] })).toEqual({ applicable: [], notSearched: [{ attribute: 'phone_number', reason: 'not-in-schema' }] });
    expect(lookupsForPool(phone, undefined).applicable).toHaveLength(1);
  });
});
