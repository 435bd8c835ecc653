import { describe, expect, it } from 'vitest';
import { createEmulatorClock } from '../../electron/emulator/clock';
import { CognitoFault } from '../../electron/emulator/interceptor';
import { createThrottle, resolveThrottling, THROTTLING_CATEGORIES } from '../../electron/emulator/throttling';

function frozenThrottle(quotas?: Parameters<typeof createThrottle>[0]['quotas']) {
  const clock = createEmulatorClock(() => 0);
  return { clock, throttle: createThrottle({ clock, enabled: true, ...(quotas ? { quotas } : {}) }) };
}

function admitted(throttle: ReturnType<typeof createThrottle>, operation: string, times: number): number {
  let count = 0;
  for (let i = 0; i < times; i++) {
    try {
      throttle.admit(operation);
      count++;
    } catch (error) {
      expect(error).toBeInstanceOf(CognitoFault);
      expect(error).toMatchObject({ code: 'TooManyRequestsException', message: 'Too many requests' });
    }
  }
  return count;
}

describe('createThrottle', () => {
  it("uses Cognito's default quotas per category", () => {
    const { throttle } = frozenThrottle();
    expect(admitted(throttle, 'ForgotPassword', 20) + admitted(throttle, 'ConfirmForgotPassword', 20)).toBe(30);
    expect(admitted(throttle, 'AdminGetUser', 200)).toBe(120);
    expect(admitted(throttle, 'ListUsers', 40)).toBe(30);
    expect(admitted(throttle, 'DescribeUserPool', 10) + admitted(throttle, 'ListUserPools', 10)).toBe(15);
    expect(admitted(throttle, 'DescribeUserPoolClient', 10) + admitted(throttle, 'ListUserPoolClients', 10)).toBe(15);
    expect(admitted(throttle, 'AdminCreateUser', 60)).toBe(THROTTLING_CATEGORIES.UserCreation.quota);
    expect(admitted(throttle, 'AdminSetUserPassword', 20) + admitted(throttle, 'AdminResetUserPassword', 20)).toBe(THROTTLING_CATEGORIES.UserUpdate.quota);
  });

  it('never limits an operation outside the categories', () => {
    const { throttle } = frozenThrottle();
    expect(admitted(throttle, 'CreateGroup', 500)).toBe(500);
  });

  it('slides a one-second window on the emulator clock; refused calls do not count', () => {
    const { clock, throttle } = frozenThrottle({ UserList: 2 });
    expect(admitted(throttle, 'ListUsers', 1)).toBe(1);
    clock.advance(500);
    expect(admitted(throttle, 'ListUsers', 3)).toBe(1);
    clock.advance(500); // the first call has left the window
    expect(admitted(throttle, 'ListUsers', 2)).toBe(1);
    clock.advance(1_000);
    expect(admitted(throttle, 'ListUsers', 3)).toBe(2);
  });

  it('does nothing while off, and starts from an empty window when turned back on', () => {
    const { throttle } = frozenThrottle({ UserList: 1 });
    expect(admitted(throttle, 'ListUsers', 1)).toBe(1);
    throttle.setEnabled(false);
    expect(throttle.enabled).toBe(false);
    expect(admitted(throttle, 'ListUsers', 10)).toBe(10);
    throttle.setEnabled(true);
    expect(admitted(throttle, 'ListUsers', 2)).toBe(1);
  });
});

describe('resolveThrottling', () => {
  it('is on with the defaults unless told otherwise', () => {
    expect(resolveThrottling(undefined, {})).toEqual({ enabled: true, quotas: {} });
    expect(resolveThrottling(undefined, { RECOVERY_DESK_DEMO_THROTTLING: 'on' })).toEqual({ enabled: true, quotas: {} });
  });

  it('RECOVERY_DESK_DEMO_THROTTLING=off turns it off when no option is given', () => {
    for (const value of ['off', 'OFF', ' false ', '0']) expect(resolveThrottling(undefined, { RECOVERY_DESK_DEMO_THROTTLING: value }).enabled).toBe(false);
  });

  it('an explicit option wins over the environment', () => {
    const env = { RECOVERY_DESK_DEMO_THROTTLING: 'off' };
    expect(resolveThrottling(true, env).enabled).toBe(true);
    expect(resolveThrottling(false, {}).enabled).toBe(false);
    expect(resolveThrottling({ UserList: 5 }, env)).toEqual({ enabled: true, quotas: { UserList: 5 } });
  });
});
