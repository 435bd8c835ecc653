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

export interface PasswordCheck {
  id: 'length' | 'uppercase' | 'lowercase' | 'number' | 'symbol' | 'no-spaces';
  label: string;
  met: boolean;
}

const SYMBOLS = new Set(COGNITO_PASSWORD_SYMBOLS);

/** One line per rule the pool enforces, in the order the operator reads them. */
export function checkPassword(password: string, rules: PasswordRules): PasswordCheck[] {
  const chars = [...password];
  const checks: PasswordCheck[] = [
    {
      id: 'length',
      label: `At least ${rules.minimumLength} characters`,
      met: chars.length >= rules.minimumLength,
    },
  ];
  if (rules.requireUppercase) {
    checks.push({ id: 'uppercase', label: 'An upper-case letter (A–Z)', met: chars.some((c) => c >= 'A' && c <= 'Z') });
  }
  if (rules.requireLowercase) {
    checks.push({ id: 'lowercase', label: 'A lower-case letter (a–z)', met: chars.some((c) => c >= 'a' && c <= 'z') });
  }
  if (rules.requireNumbers) {
    checks.push({ id: 'number', label: 'A number (0–9)', met: chars.some((c) => c >= '0' && c <= '9') });
  }
  if (rules.requireSymbols) {
    checks.push({ id: 'symbol', label: 'A symbol such as ! @ # $ % ^ & *', met: chars.some((c) => SYMBOLS.has(c)) });
  }
  checks.push({ id: 'no-spaces', label: 'No spaces', met: password.length > 0 && !/\s/.test(password) });
  return checks;
}

export function passwordMeetsPolicy(password: string, rules: PasswordRules): boolean {
  return checkPassword(password, rules).every((check) => check.met);
}
