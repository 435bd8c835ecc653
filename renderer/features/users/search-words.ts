import type { CallerLookup, ResponseOf, SearchAttribute } from '../../../shared/contract';
import { countryName } from '../connections/connection-wording';

// What the search box was given and what Cognito was asked, in the operator's words.

/**
 * What the operator typed, as it will be searched: composed (NFC), so a decomposed "zoë" is the
 * "zoë" Cognito stores, and trimmed. The privileged side does the same; doing it here too keeps
 * " alice " and "alice" one search (one cache entry) and says back exactly what was searched.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFC').trim();
}

const ATTRIBUTE_WORDS: Record<SearchAttribute, string> = {
  username: 'username',
  email: 'email',
  phone_number: 'phone number',
  name: 'name',
  sub: 'user id',
};

/** "username starting with “ali”", "phone number “+15555550142”". */
export function lookupWords(lookup: Pick<CallerLookup, 'attribute' | 'match' | 'value'>): string {
  const words = ATTRIBUTE_WORDS[lookup.attribute];
  return lookup.match === 'prefix' ? `${words} starting with “${lookup.value}”` : `${words} “${lookup.value}”`;
}

/** "a, b and c" */
function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Shown on a found user's row: "matched by username and email". */
export function matchedByWords(matchedBy: readonly SearchAttribute[]): string {
  return `matched by ${listWords(matchedBy.map((attribute) => ATTRIBUTE_WORDS[attribute]))}`;
}

type FindResult = ResponseOf<'users:find'>;

/** The one line that says what was found for what: "1 user with username starting with “alice”, or email starting with “alice”." */
export function foundWords(result: FindResult): string {
  if (result.lookups.length === 0) return 'Nothing was looked up.';
  const searched = result.lookups.map(lookupWords).join(', or ');
  const count = result.users.length;
  return count === 0 ? `No users with ${searched}.` : `${count} ${count === 1 ? 'user' : 'users'} with ${searched}.`;
}

/** Why text that looked like a phone number was not searched as one, and what to type instead. */
export function phoneNotReadWords(result: FindResult, text: string): string | undefined {
  switch (result.phoneNotRead) {
    case undefined:
      return undefined;
    case 'needs-country-code':
      return `“${text}” was not searched as a phone number: this connection has no default country, so type the number with + and its country code (or set a default country in Manage connections).`;
    case 'incomplete': {
      const country = result.defaultCountry ? ` for ${countryName(result.defaultCountry)}` : '';
      return `“${text}” was not searched as a phone number: it is not a whole number${country}. Type every digit the caller reads out, or start with + and the country code.`;
    }
  }
}

/** Lookups with more users than their first page: the operator narrows the search rather than scroll through pages. */
export function moreAvailableWords(result: FindResult): string | undefined {
  const more = result.lookups.filter((lookup) => lookup.moreAvailable);
  if (more.length === 0) return undefined;
  return `Only the first matches are shown: Cognito has more users with ${more.map(lookupWords).join(', or ')}. Type more of what the caller says to narrow the search, or search by one attribute (advanced) to page through them all.`;
}
