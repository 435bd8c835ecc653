import type { CallerLookup, ResponseOf, SearchAttribute } from '../../../shared/contract';
import type { Translate } from '../../i18n/use-t';

// What the search box was given and what Cognito was asked, in the operator's words.

/**
 * What the operator typed, as it will be searched: composed (NFC), so a decomposed "zoë" is the
 * "zoë" Cognito stores, and trimmed. The privileged side does the same; doing it here too keeps
 * " alice " and "alice" one search (one cache entry) and says back exactly what was searched.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFC').trim();
}

type Lookup = Pick<CallerLookup, 'attribute' | 'match' | 'value'>;

/** "username starting with “ali”", "phone number “+15555550142”": what users were looked for by. */
export function lookupWords(t: Translate, lookup: Lookup): string {
  return t('users.found.lookup', { attribute: lookup.attribute, match: lookup.match, value: lookup.value });
}

/** Several lookups as alternatives: "phone number “+1…”, or username starting with “555…”". */
function lookupsWords(t: Translate, lookups: readonly Lookup[]): string {
  const [first, ...rest] = lookups.map((lookup) => lookupWords(t, lookup));
  return rest.reduce((words, next) => t('users.found.or', { first: words, next }), first ?? '');
}

/** Shown on a found user's row: "matched by username and email". */
export function matchedByWords(t: Translate, matchedBy: readonly SearchAttribute[]): string {
  const attributes = t.intl.formatList(
    matchedBy.map((attribute) => t('users.found.attribute', { attribute })),
    { type: 'conjunction' },
  );
  return t('users.found.matchedBy', { attributes });
}

type FindResult = ResponseOf<'users:find'>;

/** "No users with …", "1 user with …": the count of users found for the lookups. */
export function usersWithWords(t: Translate, count: number, lookups: readonly Lookup[]): string {
  return t('users.found.count', { count, searched: lookupsWords(t, lookups) });
}

/** The one line that says what was found for what: "1 user with username starting with “alice”, or email starting with “alice”." */
export function foundWords(t: Translate, result: FindResult): string {
  if (result.lookups.length === 0) return t('users.found.nothingLookedUp');
  return usersWithWords(t, result.users.length, result.lookups);
}

/** Why text that looked like a phone number was not searched as one, and what to type instead. */
export function phoneNotReadWords(t: Translate, result: Pick<FindResult, 'phoneNotRead' | 'defaultCountry'>, text: string): string | undefined {
  switch (result.phoneNotRead) {
    case undefined:
      return undefined;
    case 'needs-country-code':
      return t('users.found.phoneNeedsCountryCode', { text });
    case 'incomplete': {
      if (!result.defaultCountry) return t('users.found.phoneIncomplete', { text });
      // The country's name in the page's language ("United States", "Vereinigte Staaten").
      const country = t.intl.formatDisplayName(result.defaultCountry, { type: 'region', fallback: 'code' }) ?? result.defaultCountry;
      return t('users.found.phoneIncompleteInCountry', { text, country });
    }
  }
}

/** Lookups with more users than their first page: the operator narrows the search rather than scroll through pages. */
export function moreAvailableWords(t: Translate, result: Pick<FindResult, 'lookups'>): string | undefined {
  const more = result.lookups.filter((lookup) => lookup.moreAvailable);
  if (more.length === 0) return undefined;
  return t('users.found.moreAvailable', { searched: lookupsWords(t, more) });
}
