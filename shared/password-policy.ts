// No zod here: the renderer loads this with the reset form and should not pull the schemas in.

/** Characters Cognito accepts as "symbols" for RequireSymbols. */
export const COGNITO_PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

/** The parts of a pool's PasswordPolicy that a new password is checked against. */
export interface PasswordRules {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/**
 * One rule of the pool, as an id with the values its words need (the renderer words it in the
 * operator's language): `{ id: 'min-length', params: { min: 8 }, met: false }`.
 */
export type PasswordCheck =
  | { id: 'min-length'; params: { min: number }; met: boolean }
  | { id: 'uppercase' | 'lowercase' | 'number' | 'symbol' | 'no-spaces'; params?: undefined; met: boolean };

export type PasswordCheckId = PasswordCheck['id'];

const SYMBOLS = new Set(COGNITO_PASSWORD_SYMBOLS);

/** One line per rule the pool enforces, in the order the operator reads them. */
export function checkPassword(password: string, rules: PasswordRules): PasswordCheck[] {
  const chars = [...password];
  const checks: PasswordCheck[] = [{ id: 'min-length', params: { min: rules.minimumLength }, met: chars.length >= rules.minimumLength }];
  if (rules.requireUppercase) checks.push({ id: 'uppercase', met: chars.some((c) => c >= 'A' && c <= 'Z') });
  if (rules.requireLowercase) checks.push({ id: 'lowercase', met: chars.some((c) => c >= 'a' && c <= 'z') });
  if (rules.requireNumbers) checks.push({ id: 'number', met: chars.some((c) => c >= '0' && c <= '9') });
  if (rules.requireSymbols) checks.push({ id: 'symbol', met: chars.some((c) => SYMBOLS.has(c)) });
  checks.push({ id: 'no-spaces', met: password.length > 0 && !/\s/.test(password) });
  return checks;
}

export function passwordMeetsPolicy(password: string, rules: PasswordRules): boolean {
  return checkPassword(password, rules).every((check) => check.met);
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** The characters a generated password is drawn from, by the kinds the policy counts. */
export interface PasswordAlphabet {
  upper: string;
  lower: string;
  digits: string;
  symbols: string;
}

/** Every character Cognito counts: the most entropy a character, but hard to read out. */
export const RANDOM_ALPHABET: PasswordAlphabet = { upper: UPPER, lower: LOWER, digits: DIGITS, symbols: COGNITO_PASSWORD_SYMBOLS };

// Characters that pass for one another on screen or on the caller's note: 0 O o Q, 1 I l, 5 S s,
// 2 Z z, 8 B. A whole group goes, every case, so no character left can be mistaken for another.
const LOOK_ALIKES = new Set('0OoQ1Il5Ss2Zz8B');
const withoutLookAlikes = (chars: string) => [...chars].filter((c) => !LOOK_ALIKES.has(c)).join('');

// Symbols with one short name everyone knows, all in Cognito's set. Left out: quotes, backtick and
// backslash (mistyped, and mangled when pasted), brackets and braces (which side?), . and , (lost on
// paper), : ; (confused when heard), | / ~ ^ _ & (many names, or none), # ("hash" or "pound"?).
const SAYABLE_SYMBOLS = '-+=!?@$%*';

/** Easy to read out over the phone: no look-alikes, and only symbols with a plain name. */
export const SAYABLE_ALPHABET: PasswordAlphabet = {
  upper: withoutLookAlikes(UPPER),
  lower: withoutLookAlikes(LOWER),
  digits: withoutLookAlikes(DIGITS),
  symbols: SAYABLE_SYMBOLS,
};

/** The two kinds of generated password the operator can choose between. */
export type PasswordStyle = 'sayable' | 'random';

export const PASSWORD_ALPHABETS: Record<PasswordStyle, PasswordAlphabet> = { sayable: SAYABLE_ALPHABET, random: RANDOM_ALPHABET };

/** A uniformly random integer in [0, max), from the platform's CSPRNG (Web Crypto, in Node and the browser). */
function randomBelow(max: number): number {
  // Rejection sampling: taking `% max` of a 32-bit value would favour small numbers.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % max;
  }
}

const pick = (alphabet: string): string => alphabet[randomBelow(alphabet.length)] ?? '';

export interface GenerateOptions {
  /** Easy to say unless told otherwise. */
  alphabet?: PasswordAlphabet;
  /** At least 16 characters (or the pool's minimum, if longer). */
  length?: number;
}

/**
 * A random password that satisfies the rules: one character from each required kind, the rest
 * from the whole alphabet, shuffled.
 */
export function generatePassword(rules: PasswordRules, { alphabet = SAYABLE_ALPHABET, length = Math.max(16, rules.minimumLength) }: GenerateOptions = {}): string {
  const size = Math.min(Math.max(length, rules.minimumLength, 4), 256);
  const required = [
    rules.requireUppercase ? alphabet.upper : undefined,
    rules.requireLowercase ? alphabet.lower : undefined,
    rules.requireNumbers ? alphabet.digits : undefined,
    rules.requireSymbols ? alphabet.symbols : undefined,
  ].filter((set): set is string => set !== undefined);
  const all = alphabet.upper + alphabet.lower + alphabet.digits + alphabet.symbols;
  const chars = required.map(pick);
  while (chars.length < size) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
