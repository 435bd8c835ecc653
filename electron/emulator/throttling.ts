import type { EmulatorClock } from './clock';
import { CognitoFault } from './interceptor';

// Cognito's request-rate quotas, which cognito-local lacks: without them a console that bursts
// (a search per keystroke, a describe per row) looks fine in the demo and is throttled in production.

/**
 * Default quotas in requests per second, per account and region, and the operations that share each.
 * Source: the AWS quotas page ("Amazon Cognito user pools API operation categories and request rate
 * quotas"). UserAuthentication and UserCreation (with their operations) are as that page states them;
 * the other read categories' operation lists are from memory of it. UserUpdate 25 for the admin
 * password writes is an assumption: check it before relying on it.
 */
export const THROTTLING_CATEGORIES = {
  UserAccountRecovery: { quota: 30, operations: ['ForgotPassword', 'ConfirmForgotPassword'] },
  UserRead: { quota: 120, operations: ['AdminGetUser'] },
  UserList: { quota: 30, operations: ['ListUsers'] },
  UserPoolRead: { quota: 15, operations: ['DescribeUserPool', 'ListUserPools'] },
  UserPoolClientRead: { quota: 15, operations: ['DescribeUserPoolClient', 'ListUserPoolClients'] },
  UserAuthentication: { quota: 120, operations: ['InitiateAuth', 'AdminInitiateAuth'] },
  UserCreation: { quota: 50, operations: ['AdminCreateUser', 'SignUp', 'ConfirmSignUp', 'AdminConfirmSignUp'] },
  UserUpdate: { quota: 25, operations: ['AdminResetUserPassword', 'AdminSetUserPassword'] },
} as const satisfies Record<string, { quota: number; operations: readonly string[] }>;

export type ThrottlingCategory = keyof typeof THROTTLING_CATEGORIES;
export type ThrottlingQuotas = Partial<Record<ThrottlingCategory, number>>;
/** `true`: Cognito's defaults; `false`: off; an object: on, with these quotas replacing the defaults. */
export type ThrottlingOption = boolean | ThrottlingQuotas;

export const THROTTLING_ENV = 'RECOVERY_DESK_DEMO_THROTTLING';

const WINDOW_MS = 1_000;

const categoryOf = new Map<string, ThrottlingCategory>(
  Object.entries(THROTTLING_CATEGORIES).flatMap(([category, { operations }]) =>
    operations.map((operation) => [operation, category as ThrottlingCategory] as const),
  ),
);

/** An explicit option wins; without one, throttling is on unless the environment says off. */
export function resolveThrottling(option: ThrottlingOption | undefined, env: NodeJS.ProcessEnv): { enabled: boolean; quotas: ThrottlingQuotas } {
  if (option === undefined) {
    const value = env[THROTTLING_ENV]?.trim().toLowerCase();
    return { enabled: !(value === 'off' || value === '0' || value === 'false'), quotas: {} };
  }
  if (typeof option === 'boolean') return { enabled: option, quotas: {} };
  return { enabled: true, quotas: option };
}

export interface Throttle {
  readonly enabled: boolean;
  setEnabled(enabled: boolean): void;
  /** Counts one call of `operation`; throws TooManyRequestsException past its category's quota. */
  admit(operation: string): void;
}

/** A sliding one-second window per category, on the emulator's clock (so tests can step past it). */
export function createThrottle(options: { clock: EmulatorClock; enabled: boolean; quotas?: ThrottlingQuotas }): Throttle {
  let enabled = options.enabled;
  const recent = new Map<ThrottlingCategory, number[]>();
  return {
    get enabled() {
      return enabled;
    },
    setEnabled(value) {
      enabled = value;
      // Turning it back on starts from a clean window, not from calls made while it was off.
      recent.clear();
    },
    admit(operation) {
      if (!enabled) return;
      const category = categoryOf.get(operation);
      if (category === undefined) return;
      const quota = options.quotas?.[category] ?? THROTTLING_CATEGORIES[category].quota;
      const now = options.clock.now();
      const times = (recent.get(category) ?? []).filter((time) => time > now - WINDOW_MS);
      // Refused calls do not count: a client that backs off gets in again after the window.
      if (times.length >= quota) {
        recent.set(category, times);
        throw new CognitoFault('TooManyRequestsException', 'Too many requests');
      }
      times.push(now);
      recent.set(category, times);
    },
  };
}
