import { CognitoFault, type CognitoRequest } from '../interceptor';

// Cognito checks every request against its API model before anything else, and answers with one
// InvalidParameterException listing every failed constraint. Sensitive members (the model marks
// ClientId, Username, Password and SecretHash so) are named without their value, as AWS does, so a
// password never appears in an error message.

export interface FieldRule {
  /** The request member, e.g. ClientId. */
  key: string;
  /** How AWS names it in messages, e.g. clientId. */
  field: string;
  required: boolean;
  minLength: number;
  maxLength: number;
  pattern: RegExp;
  /** The pattern as the API model writes it. */
  patternText: string;
  sensitive: boolean;
}

// Java's \s (which the model's [\S]+ means) is ASCII whitespace only; JavaScript's \s is wider.
const NOT_JAVA_SPACE = /^[^ \t\n\v\f\r]+$/u;

export const CLIENT_ID = {
  key: 'ClientId',
  field: 'clientId',
  required: true,
  minLength: 1,
  maxLength: 128,
  pattern: /^[\w+]+$/u,
  patternText: '[\\w+]+',
  sensitive: true,
} as const satisfies FieldRule;

export const USERNAME = {
  key: 'Username',
  field: 'username',
  required: true,
  minLength: 1,
  maxLength: 128,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  sensitive: true,
} as const satisfies FieldRule;

export const SECRET_HASH = {
  key: 'SecretHash',
  field: 'secretHash',
  required: false,
  minLength: 1,
  maxLength: 128,
  pattern: /^[\w+=/]+$/u,
  patternText: '[\\w+=/]+',
  sensitive: true,
} as const satisfies FieldRule;

export const CONFIRMATION_CODE = {
  key: 'ConfirmationCode',
  field: 'confirmationCode',
  required: true,
  minLength: 1,
  maxLength: 2048,
  pattern: NOT_JAVA_SPACE,
  patternText: '[\\S]+',
  sensitive: false,
} as const satisfies FieldRule;

export const PASSWORD = {
  key: 'Password',
  field: 'password',
  required: true,
  minLength: 0,
  maxLength: 256,
  pattern: NOT_JAVA_SPACE,
  patternText: '[\\S]+',
  sensitive: true,
} as const satisfies FieldRule;

/** The admin operations' pool id. */
export const USER_POOL_ID = {
  key: 'UserPoolId',
  field: 'userPoolId',
  required: true,
  minLength: 1,
  maxLength: 55,
  pattern: /^[\w-]+_[0-9a-zA-Z]+$/u,
  patternText: '[\\w-]+_[0-9a-zA-Z]+',
  sensitive: false,
} as const satisfies FieldRule;

/** AdminCreateUser's optional TemporaryPassword: the same constraints as Password. */
export const TEMPORARY_PASSWORD = { ...PASSWORD, key: 'TemporaryPassword', field: 'temporaryPassword', required: false } as const satisfies FieldRule;

/** The members a set of rules yields: required ones as strings, optional ones possibly undefined. */
export type Validated<R extends FieldRule> = { [P in R as P['key']]: P['required'] extends true ? string : string | undefined };

/** Returns the rules' members, or throws every violation at once. */
export function validateRequest<R extends FieldRule>(request: CognitoRequest, rules: readonly R[]): Validated<R> {
  const violations: string[] = [];
  const values: Record<string, string | undefined> = {};
  for (const rule of rules) {
    const value = request[rule.key];
    if (value === undefined || value === null) {
      if (rule.required) violations.push(`Value null at '${rule.field}' failed to satisfy constraint: Member must not be null`);
      values[rule.key] = undefined;
      continue;
    }
    const shown = rule.sensitive ? 'Value' : `Value '${String(value)}'`;
    const fail = (constraint: string) => violations.push(`${shown} at '${rule.field}' failed to satisfy constraint: ${constraint}`);
    if (typeof value !== 'string') {
      fail('Member must be a string');
      continue;
    }
    if (value.length < rule.minLength) fail(`Member must have length greater than or equal to ${rule.minLength}`);
    if (value.length > rule.maxLength) fail(`Member must have length less than or equal to ${rule.maxLength}`);
    if (!rule.pattern.test(value)) fail(`Member must satisfy regular expression pattern: ${rule.patternText}`);
    values[rule.key] = value;
  }
  if (violations.length > 0) {
    const count = violations.length === 1 ? '1 validation error' : `${violations.length} validation errors`;
    throw new CognitoFault('InvalidParameterException', `${count} detected: ${violations.join('; ')}`);
  }
  // Every required member is a string here, or a violation was thrown above.
  return values as Validated<R>;
}
