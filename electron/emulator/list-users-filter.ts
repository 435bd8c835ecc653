import { CognitoFault } from './interceptor';

type Item = Record<string, unknown>;

// cognito-local matches filters with a greedy regex on the raw text, so an escaped quote in the
// value breaks its parse (and its attribute matching is case-sensitive everywhere). The emulator
// parses and matches ListUsers filters itself, the way Cognito documents them.

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/u;

/** Attributes ListUsers can search; custom attributes are not searchable. */
const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);
// Cognito compares these exactly; the other attributes (cognito:user_status included) ignore case.
const CASE_SENSITIVE = new Set(['username', 'sub', 'status']);

/** Returns a predicate over ListUsers' user records, or throws Cognito's InvalidParameterException. */
export function parseListUsersFilter(filter: string | undefined): (user: Item) => boolean {
  if (filter === undefined || filter.trim() === '') return () => true;
  const match = FILTER.exec(filter);
  if (!match) throw new CognitoFault('InvalidParameterException', 'Error while parsing filter.');
  const [, attribute = '', operator, rawValue = ''] = match;
  if (!SEARCHABLE.has(attribute)) throw new CognitoFault('InvalidParameterException', `Invalid search attribute: ${attribute}`);
  const value = rawValue.replace(/\\(.)/gu, '$1');
  const fold = (text: string) => (CASE_SENSITIVE.has(attribute) ? text : text.toLocaleLowerCase('en-US'));
  const wanted = fold(value);
  return (user) => {
    const actual = fieldOf(user, attribute);
    if (actual === undefined) return false;
    const folded = fold(actual);
    return operator === '=' ? folded === wanted : folded.startsWith(wanted);
  };
}

function fieldOf(user: Item, attribute: string): string | undefined {
  switch (attribute) {
    case 'username':
      return typeof user.Username === 'string' ? user.Username : undefined;
    case 'cognito:user_status':
      return typeof user.UserStatus === 'string' ? user.UserStatus : undefined;
    case 'status':
      return user.Enabled === false ? 'Disabled' : 'Enabled';
    default: {
      const attributes = Array.isArray(user.Attributes) ? (user.Attributes as Item[]) : [];
      const found = attributes.find((a) => a.Name === attribute)?.Value;
      return typeof found === 'string' ? found : undefined;
    }
  }
}
