// How a password is read out over the phone: one phrase a character, letters by the NATO
// alphabet with their case said every time (passwords are case-sensitive), digits as words,
// symbols by name. Each phrase stands for exactly one character, so a readout reads back.

// The common English spellings: "Alfa" and "Juliett" (ICAO's) look like typos to the operator.
const NATO_WORDS = [
  'Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo', 'Lima', 'Mike',
  'November', 'Oscar', 'Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango', 'Uniform', 'Victor', 'Whiskey', 'X-ray', 'Yankee', 'Zulu',
];

const DIGIT_WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/** A name for every symbol Cognito accepts, so a fully random password can be read out too. */
const SYMBOL_NAMES: Record<string, string> = {
  '-': 'Hyphen',
  '+': 'Plus',
  '=': 'Equals',
  '!': 'Exclamation mark',
  '?': 'Question mark',
  '@': 'At sign',
  $: 'Dollar',
  '%': 'Percent',
  '*': 'Asterisk',
  '#': 'Hash',
  '^': 'Caret',
  '.': 'Dot',
  ',': 'Comma',
  ':': 'Colon',
  ';': 'Semicolon',
  '[': 'Left square bracket',
  ']': 'Right square bracket',
  '{': 'Left curly brace',
  '}': 'Right curly brace',
  '(': 'Left parenthesis',
  ')': 'Right parenthesis',
  '<': 'Less-than sign',
  '>': 'Greater-than sign',
  '"': 'Double quote',
  "'": 'Single quote',
  '`': 'Backtick',
  '/': 'Slash',
  '\\': 'Backslash',
  '|': 'Vertical bar',
  _: 'Underscore',
  '~': 'Tilde',
  '&': 'Ampersand',
};

const PHRASES = new Map<string, string>([
  ...NATO_WORDS.flatMap((word): [string, string][] => [
    [word.charAt(0), `upper-case ${word}`],
    [word.charAt(0).toLowerCase(), `lower-case ${word.toLowerCase()}`],
  ]),
  ...DIGIT_WORDS.map((word, digit): [string, string] => [String(digit), word]),
  ...Object.entries(SYMBOL_NAMES),
]);

const CHARACTERS = new Map([...PHRASES].map(([character, phrase]) => [phrase, character]));

// Anything else (a typed é or emoji) is named by its code point, so the readout never skips a character.
const CODE_POINT = /^character U\+([0-9A-F]{4,6})$/;

/** How one character is said, e.g. "upper-case Kilo", "Seven", "Hyphen". */
export function phraseFor(character: string): string {
  return PHRASES.get(character) ?? `character U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The password as the operator says it: one phrase a character. */
export function readOut(password: string): string[] {
  return [...password].map(phraseFor);
}

/** The password a readout spells, as the caller would type it; throws on a phrase it does not know. */
export function readBack(phrases: readonly string[]): string {
  return phrases
    .map((phrase) => {
      const character = CHARACTERS.get(phrase);
      if (character !== undefined) return character;
      const codePoint = CODE_POINT.exec(phrase)?.[1];
      if (codePoint === undefined) throw new Error(`Not a phrase of the readout: "${phrase}"`);
      return String.fromCodePoint(parseInt(codePoint, 16));
    })
    .join('');
}

/** The password cut into groups for the eye (the value itself is never changed). */
export function passwordGroups(password: string, size = 4): string[] {
  const characters = [...password];
  const groups: string[] = [];
  for (let i = 0; i < characters.length; i += size) groups.push(characters.slice(i, i + size).join(''));
  return groups;
}
