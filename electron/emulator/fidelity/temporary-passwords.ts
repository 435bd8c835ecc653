import { randomInt } from 'node:crypto';
import type { EmulatorClock } from '../clock';
import type { StoredPasswordPolicy, StoredPool } from './store';

// Temporary passwords an administrator gives (an invitation, a re-sent one, AdminSetUserPassword
// with Permanent false): how they are made, and until when they work.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The API's default, also used when the pool says 0 (AWS: "treats it as a null value"). */
export const DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS = 7;

export function temporaryPasswordValidityDays(pool: StoredPool): number {
  const days = pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
  return days !== undefined && days > 0 ? days : DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS;
}

/**
 * When each user's temporary password stops working, by user key. In memory, like the recovery
 * codes: passwords set before a restart (the seeded erin.new-hire's among them) never expire, so
 * the demo's own invitation keeps working however old the seed is.
 */
export class TemporaryPasswords {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly clock: EmulatorClock) {}

  /** Starts the validity of a temporary password set at `setAt` (default now); returns when it ends. */
  start(key: string, pool: StoredPool, setAt: number = this.clock.now()): Date {
    const expiresAt = setAt + temporaryPasswordValidityDays(pool) * DAY_MS;
    this.expiry.set(key, expiresAt);
    return new Date(expiresAt);
  }

  clear(key: string): void {
    this.expiry.delete(key);
  }

  isExpired(key: string): boolean {
    const expiresAt = this.expiry.get(key);
    return expiresAt !== undefined && expiresAt <= this.clock.now();
  }
}

// Letters and digits that cannot be misread when copied from the inbox (no I, O, l, 0, 1), and
// symbols from Cognito's list that need no quoting in a shell.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '%+-=@_';

/** Enough entropy for a password that is read aloud or pasted once. */
const MIN_GENERATED_LENGTH = 12;

/**
 * A crypto-random temporary password that satisfies any policy: one character of every class
 * (whatever the policy requires), at least the policy's minimum length.
 */
export function generateTemporaryPassword(policy: StoredPasswordPolicy | undefined): string {
  const length = Math.max(policy?.MinimumLength ?? 0, MIN_GENERATED_LENGTH);
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map(pick);
  while (chars.length < length) chars.push(pick(all));
  // Fisher-Yates, so the guaranteed classes are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet[randomInt(0, alphabet.length)] ?? '';
}
