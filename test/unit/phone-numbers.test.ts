import { describe, expect, it } from 'vitest';
import { isPhoneCountry, phoneSearchValue, readPhoneNumber } from '../../electron/core/phone-numbers';

describe('readPhoneNumber', () => {
  it('reads a number with + and its country code in any connection, whatever the punctuation', () => {
    for (const text of ['+1 (555) 555-0142', '+15555550142', '+1.555.555.0142', '+1 555/555 0142']) {
      expect(readPhoneNumber(text, undefined), text).toEqual({ kind: 'phone', e164: '+15555550142' });
      expect(readPhoneNumber(text, 'GB'), text).toEqual({ kind: 'phone', e164: '+15555550142' });
    }
  });

  it('reads a number without + in the default country, trunk prefix and all', () => {
    expect(readPhoneNumber('555-555-0142', 'US')).toEqual({ kind: 'phone', e164: '+15555550142' });
    expect(readPhoneNumber('(555) 555 0142', 'US')).toEqual({ kind: 'phone', e164: '+15555550142' });
    expect(readPhoneNumber('1 555 555 0142', 'US')).toEqual({ kind: 'phone', e164: '+15555550142' });
    expect(readPhoneNumber('020 7946 0018', 'GB')).toEqual({ kind: 'phone', e164: '+442079460018' });
  });

  it('does not guess a country: without a default one, a number without + is not read', () => {
    expect(readPhoneNumber('555-555-0142', undefined)).toEqual({ kind: 'unread', problem: 'needs-country-code' });
  });

  it('says when a phone-shaped text is not a whole number', () => {
    expect(readPhoneNumber('555-0142', 'US')).toEqual({ kind: 'unread', problem: 'incomplete' });
    expect(readPhoneNumber('+1 555', undefined)).toEqual({ kind: 'unread', problem: 'incomplete' });
    expect(readPhoneNumber('555 555 0142 555 0142', 'US')).toEqual({ kind: 'unread', problem: 'incomplete' });
  });

  it('leaves words, emails and short digit runs alone', () => {
    for (const text of ['alice', 'alice@acme.example', 'customer002', '0142', '1-800-FLOWERS', 'zoë']) {
      expect(readPhoneNumber(text, 'US'), text).toEqual({ kind: 'not-a-phone' });
    }
  });
});

describe('phoneSearchValue', () => {
  it('searches a whole number in E.164, a partial one by its + and digits, anything else as typed', () => {
    expect(phoneSearchValue('555-555-0142', 'US')).toBe('+15555550142');
    expect(phoneSearchValue('+44 20 79', undefined)).toBe('+442079');
    expect(phoneSearchValue('alice', 'US')).toBe('alice');
  });
});

describe('isPhoneCountry', () => {
  it('knows ISO 3166 alpha-2 codes of countries with phone numbers, not made-up ones', () => {
    expect(isPhoneCountry('US')).toBe(true);
    expect(isPhoneCountry('GB')).toBe(true);
    expect(isPhoneCountry('UK')).toBe(false);
    expect(isPhoneCountry('XX')).toBe(false);
  });
});
