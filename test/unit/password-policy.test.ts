import { describe, expect, it } from 'vitest';
import { checkPassword, COGNITO_PASSWORD_SYMBOLS, generatePassword, passwordMeetsPolicy, type PasswordRules } from '../../shared/password-policy';

const strict: PasswordRules = { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const lenient: PasswordRules = { minimumLength: 8, requireUppercase: false, requireLowercase: true, requireNumbers: true, requireSymbols: false };

const unmet = (password: string, rules: PasswordRules) =>
  checkPassword(password, rules).filter((c) => !c.met).map((c) => c.id);

describe('checkPassword', () => {
  it('lists one line per rule the pool enforces, and only those', () => {
    expect(checkPassword('', strict).map((c) => c.id)).toEqual(['length', 'uppercase', 'lowercase', 'number', 'symbol', 'no-spaces']);
    expect(checkPassword('', lenient).map((c) => c.id)).toEqual(['length', 'lowercase', 'number', 'no-spaces']);
  });

  it('names exactly the rules a password misses', () => {
    expect(unmet('short', strict)).toEqual(['length', 'uppercase', 'number', 'symbol']);
    expect(unmet('longenoughpassword1', strict)).toEqual(['uppercase', 'symbol']);
    expect(unmet('Correct-Horse-9', strict)).toEqual([]);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(unmet('😀😀😀😀a1b2', lenient)).toEqual([]);
    expect(unmet('😀😀😀a1b', lenient)).toEqual(['length']);
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
    { minimumLength: 99, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
  ];

  it('always satisfies the policy it was made for', () => {
    for (const rules of policies) {
      for (let i = 0; i < 300; i++) {
        const password = generatePassword(rules);
        expect(unmet(password, rules), password).toEqual([]);
        expect(password.length).toBeGreaterThanOrEqual(Math.max(16, rules.minimumLength));
      }
    }
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generatePassword(strict)));
    expect(seen.size).toBe(500);
  });

  it('uses every allowed character class over many draws', () => {
    const joined = Array.from({ length: 200 }, () => generatePassword(lenient)).join('');
    expect(joined).toMatch(/[A-Z]/);
    expect(joined).toMatch(/[a-z]/);
    expect(joined).toMatch(/[0-9]/);
    expect([...joined].some((c) => COGNITO_PASSWORD_SYMBOLS.includes(c))).toBe(true);
  });
});
