import type { FoundUser, SearchAttribute, UserSummary } from '../../shared/contract';
import { RecoveryDeskError } from './errors';
import { readPhoneNumber } from './phone-numbers';

/** ListUsers accepts a filter expression of at most 256 characters. */
export const MAX_FILTER_LENGTH = 256;

/**
 * Builds a ListUsers Filter. The value is always double-quoted with `"` and `\` escaped, so
 * whatever the operator types stays one literal value: it can neither end the string early
 * nor turn an exact match into something broader.
 */
export function buildUserFilter(attribute: SearchAttribute, match: 'exact' | 'prefix', value: string): string | undefined {
  if (value === '') return undefined;
  const escaped = value.replace(/[\\"]/g, (c) => `\\${c}`);
  const filter = `${attribute} ${match === 'exact' ? '=' : '^='} "${escaped}"`;
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new RecoveryDeskError('FilterTooLong', { params: { overBy: filter.length - MAX_FILTER_LENGTH } });
  }
  return filter;
}

export interface PlannedLookup {
  attribute: SearchAttribute;
  match: 'exact' | 'prefix';
  value: string;
}

export interface LookupPlan {
  /** At most 3 (today 2): they run in parallel, well inside ListUsers' 30 requests a second. */
  lookups: PlannedLookup[];
  /** Set when the text looked like a phone number that could not be read: why it was not searched as one. */
  phoneNotRead?: 'needs-country-code' | 'incomplete';
}

/**
 * The ListUsers lookups that make sense for what the caller said (already NFC and trimmed), most
 * specific first: a phone number exactly, in E.164; a username by prefix (usernames never hold spaces);
 * an email by prefix unless the text is shaped like a phone number; a name by prefix when it has spaces.
 */
export function planCallerLookups(text: string, defaultCountry: string | undefined): LookupPlan {
  const phone = readPhoneNumber(text, defaultCountry);
  const hasSpace = /\s/u.test(text);
  const lookups: PlannedLookup[] = [];
  if (phone.kind === 'phone') lookups.push({ attribute: 'phone_number', match: 'exact', value: phone.e164 });
  if (!hasSpace) lookups.push({ attribute: 'username', match: 'prefix', value: text });
  if (phone.kind === 'not-a-phone') lookups.push({ attribute: hasSpace ? 'name' : 'email', match: 'prefix', value: text });
  return { lookups, ...(phone.kind === 'unread' ? { phoneNotRead: phone.problem } : {}) };
}

/** One list from each lookup's users: each user once (usernames are unique in a pool), first found first, with every attribute that found them. */
export function mergeFoundUsers(lookups: readonly PlannedLookup[], found: readonly UserSummary[][]): FoundUser[] {
  const byUsername = new Map<string, FoundUser>();
  lookups.forEach((lookup, index) => {
    for (const user of found[index] ?? []) {
      const seen = byUsername.get(user.username);
      if (!seen) byUsername.set(user.username, { ...user, matchedBy: [lookup.attribute] });
      else if (!seen.matchedBy.includes(lookup.attribute)) seen.matchedBy.push(lookup.attribute);
    }
  });
  return [...byUsername.values()];
}
