import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  COGNITO_PASSWORD_SYMBOLS,
  generatePassword,
  PASSWORD_ALPHABETS,
  passwordMeetsPolicy,
  RANDOM_ALPHABET,
  SAYABLE_ALPHABET,
  type PasswordRules,
} from '../../shared/password-policy';

const strict: PasswordRules = { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const lenient: PasswordRules = { minimumLength: 8, requireUppercase: false, requireLowercase: true, requireNumbers: true, requireSymbols: false };

const unmet = (password: string, rules: PasswordRules) =>
  checkPassword(password, rules).filter((c) => !c.met).map((c) => c.id);

describe('checkPassword', () => {
  it('lists one line per rule the pool enforces, and only those', () => {
    expect(checkPassword('', strict).map((c) => c.id)).toEqual(['min-length', 'uppercase', 'lowercase', 'number', 'symbol', 'no-spaces']);
    expect(checkPassword('', lenient).map((c) => c.id)).toEqual(['min-length', 'lowercase', 'number', 'no-spaces']);
  });

  it('carries the values the words need: the minimum length', () => {
    expect(checkPassword('short', strict)[0]).toEqual({ id: 'min-length', params: { min: 12 }, met: false });
    expect(checkPassword('', lenient).slice(1).every((check) => check.params === undefined)).toBe(true);
  });

  it('names exactly the rules a password misses', () => {
    expect(unmet('short', strict)).toEqual(['min-length', 'uppercase', 'number', 'symbol']);
    expect(unmet('longenoughpassword1', strict)).toEqual(['uppercase', 'symbol']);
    expect(unmet('Correct-Horse-9', strict)).toEqual([]);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(unmet('😀😀😀😀a1b2', lenient)).toEqual([]);
    expect(unmet('😀😀😀a1b', lenient)).toEqual(['min-length']);
  });

  it("accepts every one of Cognito's symbols and nothing else as a symbol", () => {
    for (const symbol of COGNITO_PASSWORD_SYMBOLS) {
      expect(passwordMeetsPolicy(`Abcdefghij1${symbol}`, strict), symbol).toBe(true);
    }
    expect(passwordMeetsPolicy('Abcdefghij1€', strict)).toBe(false);
    expect(passwordMeetsPolicy('Abcdefghij1é', strict)).toBe(false);
  });

  it('rejects spaces, which Cognito never accepts in a password', () => {
    expect(unmet('Correct Horse-9', strict)).toEqual(['no-spaces']);
  });
});

describe('generatePassword', () => {
  const policies: PasswordRules[] = [
    strict,
    lenient,
    { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
    // The shortest Cognito allows, with the one kind an easy-to-say alphabet holds least of.
    { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: true },
    { minimumLength: 6, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
    // The strictest: Cognito's longest minimum, every kind required.
    { minimumLength: 99, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
  ];

  for (const [style, alphabet] of Object.entries(PASSWORD_ALPHABETS)) {
    it(`always satisfies the policy it was made for (${style})`, () => {
      for (const rules of policies) {
        for (let i = 0; i < 300; i++) {
          const password = generatePassword(rules, { alphabet });
          expect(unmet(password, rules), password).toEqual([]);
          expect(password.length).toBeGreaterThanOrEqual(Math.max(16, rules.minimumLength));
        }
      }
    });
  }

  it('is easy to say unless asked for the fully random form', () => {
    const sayable = new Set(Object.values(SAYABLE_ALPHABET).join(''));
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(strict);
      expect([...password].filter((c) => !sayable.has(c)), password).toEqual([]);
    }
    const random = Array.from({ length: 200 }, () => generatePassword(strict, { alphabet: RANDOM_ALPHABET })).join('');
    expect([...random].some((character) => !sayable.has(character))).toBe(true);
  });

  it('never puts a look-alike, a quote, a backtick or a backslash in an easy-to-say password', () => {
    const forbidden = new Set('0Oo1lI5S2Z8B' + '\'"`' + '\\');
    // The symbols that are easy to name in speech; anything else Cognito accepts is not.
    const nameable = new Set('-+=!?@#$%*.:');
    for (const rules of policies) {
      for (let i = 0; i < 300; i++) {
        const password = generatePassword(rules, { alphabet: SAYABLE_ALPHABET });
        const unwanted = [...password].filter((c) => forbidden.has(c) || (COGNITO_PASSWORD_SYMBOLS.includes(c) && !nameable.has(c)));
        expect(unwanted, password).toEqual([]);
      }
    }
  });

  it('does not repeat itself', () => {
    for (const alphabet of Object.values(PASSWORD_ALPHABETS)) {
      const seen = new Set(Array.from({ length: 500 }, () => generatePassword(strict, { alphabet })));
      expect(seen.size).toBe(500);
    }
  });

  it('uses every character of its alphabet over many draws', () => {
    for (const alphabet of Object.values(PASSWORD_ALPHABETS)) {
      const drawn = new Set(Array.from({ length: 400 }, () => generatePassword(lenient, { alphabet })).join(''));
      expect([...drawn].sort()).toEqual([...Object.values(alphabet).join('')].sort());
    }
  });
});
