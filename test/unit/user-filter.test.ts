import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../shared/contract';
import { buildUserFilter, MAX_FILTER_LENGTH, mergeFoundUsers, planCallerLookups } from '../../electron/core/user-filter';
import { toApiError } from '../../electron/core/errors';

describe('buildUserFilter', () => {
  it('builds exact and prefix filters with the value in double quotes', () => {
    expect(buildUserFilter('email', 'exact', 'alice@acme.example')).toBe('email = "alice@acme.example"');
    expect(buildUserFilter('username', 'prefix', 'cust')).toBe('username ^= "cust"');
  });

  it('lists everyone (no filter) for an empty value', () => {
    expect(buildUserFilter('name', 'prefix', '')).toBeUndefined();
  });

  it('escapes a double quote so it cannot end the value early', () => {
    expect(buildUserFilter('username', 'exact', 'a"b')).toBe('username = "a\\"b"');
    expect(buildUserFilter('username', 'exact', '" or username ^= "')).toBe('username = "\\" or username ^= \\""');
  });

  it('escapes a trailing backslash so it cannot escape the closing quote', () => {
    expect(buildUserFilter('username', 'prefix', 'x\\')).toBe('username ^= "x\\\\"');
  });

  it('refuses a filter longer than Cognito accepts, with a specific error', () => {
    const fits = 'a'.repeat(MAX_FILTER_LENGTH - 'email = ""'.length);
    expect(buildUserFilter('email', 'exact', fits)).toHaveLength(MAX_FILTER_LENGTH);
    let thrown: unknown;
    try {
      buildUserFilter('email', 'exact', `${fits}"`);
    } catch (error) {
      thrown = error;
    }
    expect(toApiError(thrown)).toMatchObject({ code: 'FilterTooLong', retryable: false });
  });
});

describe('planCallerLookups', () => {
  it('looks a word up as a username and as (the start of) an email', () => {
    expect(planCallerLookups('alice', 'US')).toEqual({
      lookups: [
        { attribute: 'username', match: 'prefix', value: 'alice' },
        { attribute: 'email', match: 'prefix', value: 'alice' },
      ],
    });
    expect(planCallerLookups('alice@acme.example', undefined).lookups.map((l) => l.attribute)).toEqual(['username', 'email']);
  });

  it('looks a phone number up exactly in E.164 first, and as a username when it has no spaces', () => {
    expect(planCallerLookups('555-555-0142', 'US')).toEqual({
      lookups: [
        { attribute: 'phone_number', match: 'exact', value: '+15555550142' },
        { attribute: 'username', match: 'prefix', value: '555-555-0142' },
      ],
    });
    // Usernames have no spaces: only the phone lookup is left.
    expect(planCallerLookups('+1 (555) 555-0142', undefined)).toEqual({ lookups: [{ attribute: 'phone_number', match: 'exact', value: '+15555550142' }] });
  });

  it('says why a phone-shaped text was not searched as a number, and never as an email', () => {
    expect(planCallerLookups('555-555-0142', undefined)).toEqual({
      lookups: [{ attribute: 'username', match: 'prefix', value: '555-555-0142' }],
      phoneNotRead: 'needs-country-code',
    });
    expect(planCallerLookups('555 0142', 'US')).toEqual({ lookups: [], phoneNotRead: 'incomplete' });
  });

  it('looks text with spaces up as a name', () => {
    expect(planCallerLookups('Zoë Ång', 'US')).toEqual({ lookups: [{ attribute: 'name', match: 'prefix', value: 'Zoë Ång' }] });
  });

  it('never plans more than three lookups', () => {
    for (const text of ['a', 'alice', 'alice smith', '+15555550142', '5555550142', '555 555 0142', 'a@b', '0142']) {
      expect(planCallerLookups(text, 'US').lookups.length, text).toBeLessThanOrEqual(3);
    }
  });
});

describe('mergeFoundUsers', () => {
  const user = (username: string): UserSummary => ({ username, status: 'CONFIRMED', enabled: true, emailVerified: false, phoneNumberVerified: false });
  const lookups = [
    { attribute: 'phone_number', match: 'exact', value: '+15555550143' },
    { attribute: 'username', match: 'prefix', value: 'frank' },
    { attribute: 'email', match: 'prefix', value: 'frank' },
  ] as const;

  it('lists each user once, first found first, with every attribute that found them in lookup order', () => {
    const merged = mergeFoundUsers(lookups, [[user('frank.both')], [user('frank.both'), user('frankie')], [user('franz'), user('frank.both')]]);
    expect(merged.map((u) => [u.username, u.matchedBy])).toEqual([
      ['frank.both', ['phone_number', 'username', 'email']],
      ['frankie', ['username']],
      ['franz', ['email']],
    ]);
  });

  it('finds nobody when no lookup did', () => {
    expect(mergeFoundUsers(lookups, [[], [], []])).toEqual([]);
  });
});
