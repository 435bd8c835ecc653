import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../electron/emulator/faults';
import { CognitoFault } from '../../electron/emulator/interceptor';

async function outcome(promise: Promise<void>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof CognitoFault ? error.code : String(error);
  }
}

describe('FaultInjector', () => {
  it('fails the next `count` calls of the operation only, with the Exception-suffixed code and a message', async () => {
    const faults = new FaultInjector();
    faults.inject({ operation: 'ForgotPassword', count: 2, error: 'CodeDeliveryFailure' });
    expect(await outcome(faults.before('ListUsers'))).toBe('ok');
    const error = await faults.before('ForgotPassword').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoFault);
    expect(error).toMatchObject({ code: 'CodeDeliveryFailureException', name: 'CodeDeliveryFailureException' });
    expect((error as Error).message.length).toBeGreaterThan(0);
    expect(faults.list()).toEqual([{ id: 'fault-1', operation: 'ForgotPassword', error: 'CodeDeliveryFailure', remaining: 1 }]);
    expect(await outcome(faults.before('ForgotPassword'))).toBe('CodeDeliveryFailureException');
    expect(faults.list()).toEqual([]);
    expect(await outcome(faults.before('ForgotPassword'))).toBe('ok');
  });

  it('uses faults for one operation oldest first, and takes each use as the call starts', async () => {
    const faults = new FaultInjector();
    faults.inject({ operation: 'ListUsers', count: 1, delayMs: 30, error: 'InternalError' });
    faults.inject({ operation: 'ListUsers', count: 1, error: 'TooManyRequests' });
    // Both start before the first delay ends: each takes its own fault.
    const [first, second] = await Promise.all([outcome(faults.before('ListUsers')), outcome(faults.before('ListUsers'))]);
    expect([first, second]).toEqual(['InternalErrorException', 'TooManyRequestsException']);
  });

  it('lists copies, and clear() removes everything', () => {
    const faults = new FaultInjector();
    faults.inject({ operation: 'ListUsers', count: 3, delayMs: 10 });
    const [listed] = faults.list();
    if (listed) listed.remaining = 99;
    expect(faults.list()[0]).toMatchObject({ operation: 'ListUsers', remaining: 3, delayMs: 10 });
    expect(faults.list()[0]).not.toHaveProperty('error');
    faults.clear();
    expect(faults.list()).toEqual([]);
  });

  it('refuses faults that would do nothing or wait too long', () => {
    const faults = new FaultInjector();
    expect(() => faults.inject({ operation: 'ListUsers', count: 1 })).toThrow(/error, a delay, or both/);
    expect(() => faults.inject({ operation: 'ListUsers', count: 1, delayMs: 0 })).toThrow(RangeError);
    expect(() => faults.inject({ operation: 'ListUsers', count: 0, error: 'InternalError' })).toThrow(RangeError);
    expect(() => faults.inject({ operation: 'ListUsers', count: 1, delayMs: 60_001 })).toThrow(RangeError);
    expect(faults.list()).toEqual([]);
  });

  it('dispose() ends a running delay at once', async () => {
    const faults = new FaultInjector();
    faults.inject({ operation: 'ListUsers', count: 1, delayMs: 60_000 });
    const pending = outcome(faults.before('ListUsers'));
    faults.dispose();
    expect(await pending).toMatch(/abort/i);
  });
});
