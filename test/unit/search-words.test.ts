import { describe, expect, it } from 'vitest';
import type { CallerLookup, FoundUser, ResponseOf } from '../../shared/contract';
import { foundWords, lookupWords, matchedByWords, moreAvailableWords, normalizeSearchText, phoneNotReadWords, usersWithWords } from '../../renderer/features/users/search-words';
import { statusLabel } from '../../renderer/features/users/user-status';
import { translate } from '../support/translate';

const en = translate('en');
const de = translate('de');

type FindResult = ResponseOf<'users:find'>;

const lookup = (attribute: CallerLookup['attribute'], match: CallerLookup['match'], value: string, moreAvailable = false): CallerLookup => ({
  attribute,
  match,
  value,
  moreAvailable,
});

const user: FoundUser = { username: 'alice', status: 'CONFIRMED', enabled: true, emailVerified: true, phoneNumberVerified: false, matchedBy: ['username'] };

function result(overrides: Partial<FindResult>): FindResult {
  return { users: [], lookups: [], ...overrides };
}

describe('what the search looked for and found', () => {
  it('trims and composes what was typed', () => {
    expect(normalizeSearchText('  zoe\u0308 ')).toBe('zoë');
  });

  it('says each lookup: an exact value, or a prefix', () => {
    expect(lookupWords(en, lookup('phone_number', 'exact', '+15555550142'))).toBe('phone number “+15555550142”');
    expect(lookupWords(en, lookup('username', 'prefix', 'ali'))).toBe('username starting with “ali”');
    expect(lookupWords(de, lookup('email', 'prefix', 'ali'))).toBe('die E-Mail-Adresse mit „ali“ beginnt');
  });

  it('counts the users found with a plural, and names every lookup as an alternative', () => {
    const lookups = [lookup('username', 'prefix', 'alice'), lookup('email', 'prefix', 'alice')];
    expect(foundWords(en, result({ users: [user], lookups }))).toBe('1 user with username starting with “alice”, or email starting with “alice”.');
    expect(foundWords(en, result({ users: [user, { ...user, username: 'alicia' }], lookups: lookups.slice(0, 1) }))).toBe('2 users with username starting with “alice”.');
    expect(foundWords(en, result({ lookups: lookups.slice(1) }))).toBe('No users with email starting with “alice”.');
    expect(foundWords(de, result({ users: [user], lookups }))).toBe('1 Benutzer gefunden, bei dem der Benutzername mit „alice“ beginnt oder die E-Mail-Adresse mit „alice“ beginnt.');
    expect(usersWithWords(de, 3, [lookup('phone_number', 'exact', '+15550109999')])).toBe('3 Benutzer gefunden, bei denen die Telefonnummer „+15550109999“ lautet.');
    expect(usersWithWords(de, 0, [lookup('phone_number', 'exact', '+15550109999')])).toBe('Kein Benutzer gefunden, bei dem die Telefonnummer „+15550109999“ lautet.');
  });

  it('says when nothing could be looked up', () => {
    expect(foundWords(en, result({}))).toBe(en('users.found.nothingLookedUp'));
  });

  it('says which attributes found a user, as a list', () => {
    expect(matchedByWords(en, ['phone_number'])).toBe('matched by phone number');
    expect(matchedByWords(en, ['username', 'email'])).toBe('matched by username and email');
    expect(matchedByWords(de, ['username', 'email'])).toBe('Treffer: Benutzername und E-Mail');
  });

  it('explains a phone number that was not searched, naming the default country in the page’s language', () => {
    expect(phoneNotReadWords(en, result({}), '555')).toBeUndefined();
    expect(phoneNotReadWords(en, result({ phoneNotRead: 'needs-country-code' }), '555-0142')).toBe(en('users.found.phoneNeedsCountryCode', { text: '555-0142' }));
    expect(phoneNotReadWords(en, result({ phoneNotRead: 'incomplete', defaultCountry: 'US' }), '555 0142')).toContain('it is not a whole number for United States.');
    expect(phoneNotReadWords(de, result({ phoneNotRead: 'incomplete', defaultCountry: 'US' }), '555 0142')).toContain('(Standardland: Vereinigte Staaten)');
    expect(phoneNotReadWords(en, result({ phoneNotRead: 'incomplete' }), '555 0142')).toBe(en('users.found.phoneIncomplete', { text: '555 0142' }));
  });

  it('names only the lookups that have more users than they show', () => {
    expect(moreAvailableWords(en, result({ lookups: [lookup('username', 'prefix', 'customer')] }))).toBeUndefined();
    const more = moreAvailableWords(en, result({ lookups: [lookup('username', 'prefix', 'customer', true), lookup('email', 'prefix', 'customer')] }));
    expect(more).toBe(en('users.found.moreAvailable', { searched: lookupWords(en, lookup('username', 'prefix', 'customer')) }));
  });

  it('words each Cognito status, and an unknown one as such', () => {
    expect(statusLabel(en, 'FORCE_CHANGE_PASSWORD')).toBe('Must set a password');
    expect(statusLabel(de, 'FORCE_CHANGE_PASSWORD')).toBe('Muss ein Passwort festlegen');
    expect(statusLabel(en, 'UNKNOWN')).toBe('Unknown status');
  });
});
