import { describe, expect, it } from 'vitest';
import { generatePassword, PASSWORD_ALPHABETS, RANDOM_ALPHABET, type PasswordRules } from '../../shared/password-policy';
import { passwordGroups, phraseFor, readBack, readOut, spellingLanguage, type SpellingLanguage } from '../../shared/phonetic-alphabet';

const strictest: PasswordRules = { minimumLength: 99, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const everyCognitoCharacter = Object.values(RANDOM_ALPHABET).join('');

describe('readOut', () => {
  it('says letters by the NATO alphabet with their case, digits as words and symbols by name', () => {
    expect(readOut('Kx7-')).toEqual(['upper-case Kilo', 'lower-case x-ray', 'Seven', 'Hyphen']);
    expect(readOut('aJ!?@')).toEqual(['lower-case alpha', 'upper-case Juliet', 'Exclamation mark', 'Question mark', 'At sign']);
  });

  it('names every character Cognito accepts, each with its own phrase', () => {
    const phrases = readOut(everyCognitoCharacter);
    expect(phrases).toHaveLength(everyCognitoCharacter.length);
    expect(phrases.filter((phrase) => phrase.startsWith('character U+'))).toEqual([]);
    expect(new Set(phrases).size).toBe(phrases.length);
  });

  it('names anything else by its code point, so no character is skipped', () => {
    expect(phraseFor('é')).toBe('character U+00E9');
    expect(readBack(readOut('a😀é'))).toBe('a😀é');
  });
});

describe('readOut in German', () => {
  it('spells letters by DIN 5009:2022 with their case, digits as words (2 as "Zwo") and symbols by their German names', () => {
    expect(readOut('Kx7-', 'de')).toEqual(['großes K wie Köln', 'kleines x wie Xanten', 'Sieben', 'Bindestrich']);
    expect(readOut('aC2!?@', 'de')).toEqual(['kleines a wie Aachen', 'großes C wie Chemnitz', 'Zwo', 'Ausrufezeichen', 'Fragezeichen', 'At-Zeichen']);
    expect(readOut('yZ', 'de')).toEqual(['kleines y wie Ypsilon', 'großes Z wie Zwickau']);
  });

  it('names every character Cognito accepts, each with its own phrase, none left in English', () => {
    const phrases = readOut(everyCognitoCharacter, 'de');
    expect(new Set(phrases).size).toBe(phrases.length);
    expect(phrases.filter((phrase) => phrase.startsWith('Zeichen U+'))).toEqual([]);
    const english = new Set(readOut(everyCognitoCharacter, 'en'));
    // Only the names the two languages share: Plus, Tilde, Backslash.
    expect(phrases.filter((phrase) => english.has(phrase)).sort()).toEqual(['Backslash', 'Plus', 'Tilde']);
  });

  it('names anything else by its code point', () => {
    expect(phraseFor('é', 'de')).toBe('Zeichen U+00E9');
    expect(readBack(readOut('a😀é', 'de'), 'de')).toBe('a😀é');
  });
});

describe('the spelling language', () => {
  it('follows the page language: German for any German, English (NATO) for the rest', () => {
    expect(spellingLanguage('de')).toBe('de');
    expect(spellingLanguage('de-AT')).toBe('de');
    expect(spellingLanguage('en')).toBe('en');
    expect(spellingLanguage('en-XA')).toBe('en');
    expect(spellingLanguage('fr')).toBe('en');
  });
});

describe('readBack', () => {
  const languages: SpellingLanguage[] = ['en', 'de'];

  it.each(languages)('%s: spells the password again from its readout, for every character Cognito accepts', (language) => {
    expect(readBack(readOut(everyCognitoCharacter, language), language)).toBe(everyCognitoCharacter);
  });

  it.each(languages)('%s: spells every generated password again, both kinds, the longest included', (language) => {
    for (const alphabet of Object.values(PASSWORD_ALPHABETS)) {
      for (let i = 0; i < 200; i++) {
        const password = generatePassword(strictest, { alphabet });
        expect(readBack(readOut(password, language), language), password).toBe(password);
      }
    }
  });

  it('refuses a phrase that is not in the readout, or not in its language', () => {
    expect(() => readBack(['upper-case Kilo', 'Kilo'])).toThrow('"Kilo"');
    expect(() => readBack(['upper-case Kilo'], 'de')).toThrow('"upper-case Kilo"');
  });
});

describe('passwordGroups', () => {
  it('cuts the password into groups of four for the eye, losing nothing', () => {
    expect(passwordGroups('Kx7-9aPe+mHt')).toEqual(['Kx7-', '9aPe', '+mHt']);
    expect(passwordGroups('Kx7-9a')).toEqual(['Kx7-', '9a']);
    const password = generatePassword(strictest);
    expect(passwordGroups(password).join('')).toBe(password);
  });
});
