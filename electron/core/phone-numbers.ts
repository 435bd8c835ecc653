import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Callers read their number out the way they write it: "+1 (555) 555-0142", "555-555-0142",
// "020 7946 0018". Cognito stores and matches E.164 ("+15555550142") only.

/** Digits with the punctuation people put around them, and nothing else. */
const PHONE_SHAPED = /^\+?[\d\s()./-]*\d[\d\s()./-]*$/;
/** Fewer digits than this, without +, reads as part of a username or an email rather than a phone number. */
const MIN_PHONE_DIGITS = 7;

export type PhoneReading =
  /** Searched as this E.164 number. */
  | { kind: 'phone'; e164: string }
  /** Looks like a phone number, but cannot be read as a whole one. */
  | { kind: 'unread'; problem: 'needs-country-code' | 'incomplete' }
  | { kind: 'not-a-phone' };

/** Whether phone numbering knows the country (ISO 3166 alpha-2), so it can be a connection's default country. */
export function isPhoneCountry(code: string): boolean {
  return isSupportedCountry(code);
}

/**
 * Reads typed text as a phone number. Numbers with + are read anywhere; without it only in the
 * default country, if there is one. A possible number (right length for its country) is enough:
 * it is a lookup, not a sign-up, and test ranges such as 555 are possible but not valid.
 */
export function readPhoneNumber(text: string, defaultCountry: string | undefined): PhoneReading {
  const digits = text.replace(/\D/g, '').length;
  if (!PHONE_SHAPED.test(text) || (!text.startsWith('+') && digits < MIN_PHONE_DIGITS)) return { kind: 'not-a-phone' };
  const country = defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  if (!text.startsWith('+') && !country) return { kind: 'unread', problem: 'needs-country-code' };
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : {});
  return parsed?.isPossible() ? { kind: 'phone', e164: parsed.number } : { kind: 'unread', problem: 'incomplete' };
}

/**
 * What a phone_number search sends for typed text: E.164 for a whole number; otherwise, for a
 * partial one, its + and digits (E.164 has no spaces or dashes), so a prefix such as "+44 20" works.
 */
export function phoneSearchValue(text: string, defaultCountry: string | undefined): string {
  const reading = readPhoneNumber(text, defaultCountry);
  if (reading.kind === 'phone') return reading.e164;
  return PHONE_SHAPED.test(text) ? text.replace(/[^\d+]/g, '') : text;
}
