import { CognitoFault } from './interceptor';

type Item = Record<string, unknown>;

// cognito-local matches filters with a greedy regex on the raw text, so an escaped quote in the
// value breaks its parse (and its attribute matching is case-sensitive everywhere). The emulator
// parses and matches ListUsers filters itself, the way Cognito documents them.

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/u;

/** Attributes ListUsers can search; custom attributes are not searchable. */
const SEARCHABLE_ATTRIBUTES = [
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
] as const;
// Cognito compares these exactly; the other attributes (cognito:user_status included) ignore case.
const CASE_SENSITIVE: ReadonlySet<string> = new Set(['username', 'sub', 'status']);

/** A parsed ListUsers filter: which attribute, how it compares, and the test of a user record. */
export interface ListUsersFilter {
  attribute: SearchableAttribute;
  operator: '=' | '^=';
  /** The value as compared: unescaped, and lower-cased for the attributes Cognito compares without case. */
  wanted: string;
  matches(user: Item): boolean;
}

export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

/** Undefined for no filter (absent or blank); throws Cognito's InvalidParameterException for one it cannot read. */
export function parseListUsersFilter(filter: string | undefined): ListUsersFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = FILTER.exec(filter);
  if (!match) throw new CognitoFault('InvalidParameterException', 'Error while parsing filter.');
  const [, name = '', operator, rawValue = ''] = match;
  if (!isSearchable(name)) throw new CognitoFault('InvalidParameterException', `Invalid search attribute: ${name}`);
  const attribute = name;
  const fold = (text: string) => (CASE_SENSITIVE.has(attribute) ? text : foldCase(text));
  const wanted = fold(rawValue.replace(/\\(.)/gu, '$1'));
  const exact = operator === '=';
  return {
    attribute,
    operator: exact ? '=' : '^=',
    wanted,
    matches(user) {
      const actual = fieldOf(user, attribute);
      if (actual === undefined) return false;
      const folded = fold(actual);
      return exact ? folded === wanted : folded.startsWith(wanted);
    },
  };
}

/** How Cognito compares text without case, here and in sign-in lookups. */
export function foldCase(text: string): string {
  return text.toLocaleLowerCase('en-US');
}

function isSearchable(name: string): name is SearchableAttribute {
  return (SEARCHABLE_ATTRIBUTES as readonly string[]).includes(name);
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
