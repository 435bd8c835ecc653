// How a password is read out over the phone, in the operator's language: one phrase a character,
// letters by the spelling alphabet the caller knows with their case said every time (passwords are
// case-sensitive), digits as words, symbols by name. Each phrase stands for exactly one character,
// so a readout reads back. English spells with the NATO alphabet, German with DIN 5009:2022's
// (A wie Aachen … Z wie Zwickau). The tables are the standards' own words, kept here with the
// rules that read them back; every other word on screen comes from the renderer's catalogs.

/** The languages a password can be spelled in; any other page language spells in English (NATO's is the international one). */
export type SpellingLanguage = 'en' | 'de';

interface Spelling {
  /** The word for each letter, A to Z. */
  letters: readonly string[];
  upper: (letter: string, word: string) => string;
  lower: (letter: string, word: string) => string;
  /** The word for each digit, 0 to 9. */
  digits: readonly string[];
  /** A name for every symbol Cognito accepts, so a fully random password can be read out too. */
  symbols: Readonly<Record<string, string>>;
  /** Anything else (a typed é or emoji) is named by its code point, so the readout never skips a character. */
  codePointWord: string;
}

const ENGLISH: Spelling = {
  // The common English spellings: "Alfa" and "Juliett" (ICAO's) look like typos to the operator.
  letters: [
    'Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo', 'Lima', 'Mike',
    'November', 'Oscar', 'Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango', 'Uniform', 'Victor', 'Whiskey', 'X-ray', 'Yankee', 'Zulu',
  ],
  upper: (_letter, word) => `upper-case ${word}`,
  lower: (_letter, word) => `lower-case ${word.toLowerCase()}`,
  digits: ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'],
  symbols: {
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
  },
  codePointWord: 'character',
};

const GERMAN: Spelling = {
  // DIN 5009:2022, "Buchstabiertafel für Wirtschaft und Verwaltung": city names, Y as Ypsilon.
  letters: [
    'Aachen', 'Berlin', 'Chemnitz', 'Düsseldorf', 'Essen', 'Frankfurt', 'Goslar', 'Hamburg', 'Ingelheim', 'Jena', 'Köln', 'Leipzig', 'München',
    'Nürnberg', 'Offenbach', 'Potsdam', 'Quickborn', 'Rostock', 'Salzwedel', 'Tübingen', 'Unna', 'Völklingen', 'Wuppertal', 'Xanten', 'Ypsilon', 'Zwickau',
  ],
  // "großes K wie Köln": the letter, its case and the word, as German callers hear spelling.
  upper: (letter, word) => `großes ${letter} wie ${word}`,
  lower: (letter, word) => `kleines ${letter} wie ${word}`,
  // DIN 5009 says "zwo" for 2, so it is not heard as "drei".
  digits: ['Null', 'Eins', 'Zwo', 'Drei', 'Vier', 'Fünf', 'Sechs', 'Sieben', 'Acht', 'Neun'],
  symbols: {
    '-': 'Bindestrich',
    '+': 'Plus',
    '=': 'Gleichheitszeichen',
    '!': 'Ausrufezeichen',
    '?': 'Fragezeichen',
    '@': 'At-Zeichen',
    $: 'Dollarzeichen',
    '%': 'Prozentzeichen',
    '*': 'Sternchen',
    '#': 'Raute',
    '^': 'Zirkumflex',
    '.': 'Punkt',
    ',': 'Komma',
    ':': 'Doppelpunkt',
    ';': 'Semikolon',
    '[': 'Eckige Klammer auf',
    ']': 'Eckige Klammer zu',
    '{': 'Geschweifte Klammer auf',
    '}': 'Geschweifte Klammer zu',
    '(': 'Runde Klammer auf',
    ')': 'Runde Klammer zu',
    '<': 'Kleiner-als-Zeichen',
    '>': 'Größer-als-Zeichen',
    '"': 'Doppeltes Anführungszeichen',
    "'": 'Apostroph',
    '`': 'Gravis',
    '/': 'Schrägstrich',
    '\\': 'Backslash',
    '|': 'Senkrechter Strich',
    _: 'Unterstrich',
    '~': 'Tilde',
    '&': 'Kaufmännisches Und',
  },
  codePointWord: 'Zeichen',
};

const SPELLINGS: Readonly<Record<SpellingLanguage, Spelling>> = { en: ENGLISH, de: GERMAN };

/** The spelling for a page language ("de", "de-AT"); English for any language without its own. */
export function spellingLanguage(locale: string): SpellingLanguage {
  return locale.toLowerCase().split('-')[0] === 'de' ? 'de' : 'en';
}

interface Phrases {
  byCharacter: Map<string, string>;
  byPhrase: Map<string, string>;
  codePoint: RegExp;
}

const built = new Map<SpellingLanguage, Phrases>();

function phrases(language: SpellingLanguage): Phrases {
  const cached = built.get(language);
  if (cached) return cached;
  const spelling = SPELLINGS[language];
  const byCharacter = new Map<string, string>([
    ...spelling.letters.flatMap((word, i): [string, string][] => {
      const upper = String.fromCharCode(65 + i);
      const lower = upper.toLowerCase();
      return [
        [upper, spelling.upper(upper, word)],
        [lower, spelling.lower(lower, word)],
      ];
    }),
    ...spelling.digits.map((word, digit): [string, string] => [String(digit), word]),
    ...Object.entries(spelling.symbols),
  ]);
  const made: Phrases = {
    byCharacter,
    byPhrase: new Map([...byCharacter].map(([character, phrase]) => [phrase, character])),
    codePoint: new RegExp(`^${spelling.codePointWord} U\\+([0-9A-F]{4,6})$`),
  };
  built.set(language, made);
  return made;
}

/** How one character is said, e.g. "upper-case Kilo", "Seven", "Hyphen"; in German "großes K wie Köln", "Sieben", "Bindestrich". */
export function phraseFor(character: string, language: SpellingLanguage = 'en'): string {
  const known = phrases(language).byCharacter.get(character);
  if (known !== undefined) return known;
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `${SPELLINGS[language].codePointWord} U+${hex}`;
}

/** The password as the operator says it: one phrase a character. */
export function readOut(password: string, language: SpellingLanguage = 'en'): string[] {
  return [...password].map((character) => phraseFor(character, language));
}

/** The password a readout spells, as the caller would type it; throws on a phrase it does not know. */
export function readBack(said: readonly string[], language: SpellingLanguage = 'en'): string {
  const { byPhrase, codePoint } = phrases(language);
  return said
    .map((phrase) => {
      const character = byPhrase.get(phrase);
      if (character !== undefined) return character;
      const hex = codePoint.exec(phrase)?.[1];
      if (hex === undefined) throw new Error(`Not a phrase of the readout: "${phrase}"`);
      return String.fromCodePoint(parseInt(hex, 16));
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
