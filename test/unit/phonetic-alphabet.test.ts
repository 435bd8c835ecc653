import { describe, expect, it } from 'vitest';
import { generatePassword, PASSWORD_ALPHABETS, RANDOM_ALPHABET, type PasswordRules } from '../../shared/password-policy';
import { passwordGroups, phraseFor, readBack, readOut } from '../../shared/phonetic-alphabet';

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

describe('readBack', () => {
  it('spells the password again from its readout, for every character Cognito accepts', () => {
    expect(readBack(readOut(everyCognitoCharacter))).toBe(everyCognitoCharacter);
  });

  it('spells every generated password again, both kinds, the longest included', () => {
    for (const alphabet of Object.values(PASSWORD_ALPHABETS)) {
      for (let i = 0; i < 200; i++) {
        const password = generatePassword(strictest, { alphabet });
        expect(readBack(readOut(password)), password).toBe(password);
      }
    }
  });

  it('refuses a phrase that is not in the readout', () => {
    expect(() => readBack(['upper-case Kilo', 'Kilo'])).toThrow('"Kilo"');
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
