import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredPasswordPolicy } from './store';

// The pool's password policy and password history, with Cognito's own wording. The emulator has
// its own copy of these rules on purpose: the console's checklist is what is being tested.

/** What Cognito accepts as a symbol for RequireSymbols. */
export const COGNITO_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';
const SYMBOLS = new Set(COGNITO_SYMBOLS);

/** A pool created without a policy gets Cognito's default one. */
const DEFAULT_POLICY: Required<Omit<StoredPasswordPolicy, 'PasswordHistorySize' | 'TemporaryPasswordValidityDays'>> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/**
 * Cognito's InvalidPasswordException message for the first rule the password breaks, or undefined.
 * Length is checked first, then the character classes (Basic Latin letters and digits, as Cognito
 * documents them).
 */
export function passwordPolicyViolation(password: string, policy: StoredPasswordPolicy | undefined): string | undefined {
  const rules = { ...DEFAULT_POLICY, ...definedOnly(policy ?? {}) };
  const chars = [...password];
  const reason =
    chars.length < rules.MinimumLength
      ? 'Password not long enough'
      : rules.RequireUppercase && !chars.some((c) => c >= 'A' && c <= 'Z')
        ? 'Password must have uppercase characters'
        : rules.RequireLowercase && !chars.some((c) => c >= 'a' && c <= 'z')
          ? 'Password must have lowercase characters'
          : rules.RequireNumbers && !chars.some((c) => c >= '0' && c <= '9')
            ? 'Password must have numeric characters'
            : rules.RequireSymbols && !chars.some((c) => SYMBOLS.has(c))
              ? 'Password must have symbol characters'
              : undefined;
  return reason === undefined ? undefined : `Password does not conform to policy: ${reason}`;
}

/** The API's maximum PasswordHistorySize: more is never needed. */
const MAX_REMEMBERED = 24;

/**
 * Previous passwords per user, newest first, as salted hashes (never the passwords themselves). In
 * memory: after a restart only the current password counts until the user changes it again.
 */
export class PasswordHistory {
  private readonly previous = new Map<string, { salt: Buffer; hash: Buffer }[]>();

  remember(key: string, password: string): void {
    const salt = randomBytes(16);
    const entries = [{ salt, hash: digest(salt, password) }, ...(this.previous.get(key) ?? [])];
    this.previous.set(key, entries.slice(0, MAX_REMEMBERED));
  }

  /**
   * Whether `password` is the current one or one of the `size` before it. "Can't reuse any of n
   * previous passwords" (AWS) is read as: the current password plus the n before it (assumption;
   * AWS does not say whether the current one is among the n).
   */
  isReuse(key: string, password: string, current: string, size: number): boolean {
    if (size <= 0) return false;
    if (password === current) return true;
    return (this.previous.get(key) ?? []).slice(0, size).some(({ salt, hash }) => timingSafeEqual(hash, digest(salt, password)));
  }
}

function digest(salt: Buffer, password: string): Buffer {
  return createHash('sha256').update(salt).update(password, 'utf8').digest();
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
