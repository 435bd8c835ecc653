import type { MatchExtended, ZxcvbnResult } from '@zxcvbn-ts/core';

// A strength estimate from zxcvbn-ts. Its dictionaries are a few megabytes, so they are loaded
// the first time a password field needs them (a separate chunk), never at start-up.

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** zxcvbn's warnings, as its keys (the renderer words them: recovery.strength.warning.*). */
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type StrengthWarning = (typeof STRENGTH_WARNINGS)[number];

/** zxcvbn's suggestions, as its keys (recovery.strength.suggestion.*). */
export const STRENGTH_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
] as const;
export type StrengthSuggestion = (typeof STRENGTH_SUGGESTIONS)[number];

export interface StrengthEstimate {
  /** 0 (very weak) to 4 (very strong); recovery.strength.score words it. */
  score: StrengthScore;
  /** On a list of common (leaked) passwords, or mostly made of one such entry. */
  common: boolean;
  /** The common-password entry it matched, when `common`. */
  commonMatch?: string;
  /** zxcvbn's own warning, as its key, e.g. "common" ("This is a commonly used password."). */
  warning?: StrengthWarning;
  suggestions: StrengthSuggestion[];
}

const isWarning = (key: string): key is StrengthWarning => (STRENGTH_WARNINGS as readonly string[]).includes(key);
const isSuggestion = (key: string): key is StrengthSuggestion => (STRENGTH_SUGGESTIONS as readonly string[]).includes(key);

type Checker = (password: string, userInputs: string[]) => ZxcvbnResult;

function isCommonPasswordMatch(match: MatchExtended): boolean {
  // language-common names its list "passwords-common"; older releases called it "passwords".
  return match.pattern === 'dictionary' && typeof match['dictionaryName'] === 'string' && match['dictionaryName'].startsWith('passwords');
}

/** The estimate the UI shows, from zxcvbn's result. Pure: no loading, no state. */
export function describeStrength(result: Pick<ZxcvbnResult, 'score' | 'feedback' | 'sequence' | 'password'>): StrengthEstimate {
  const length = [...result.password].length;
  // Common when one entry of a leaked-password list makes up at least half of it (l33t, case
  // and reversal included): "Password123!" is "password" with the usual decorations.
  const match = result.sequence.find((m) => isCommonPasswordMatch(m) && [...m.token].length >= Math.max(4, length / 2));
  const estimate: StrengthEstimate = {
    score: result.score,
    common: match !== undefined,
    suggestions: result.feedback.suggestions.filter(isSuggestion),
  };
  if (match) estimate.commonMatch = String(match['matchedWord'] ?? match.token);
  if (result.feedback.warning && isWarning(result.feedback.warning)) estimate.warning = result.feedback.warning;
  return estimate;
}

let checker: Promise<Checker> | undefined;

/**
 * zxcvbn with the common and English dictionaries, built once; a failed load is retried next time.
 * Without translations its feedback is keys, which the catalogs word in the operator's language.
 */
export function loadStrengthChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        // Levenshtein matching would take about a second a check on the UI thread; the l33t and
        // case variants already catch "P@ssw0rd"-style near-misses of common passwords.
        useLevenshteinDistance: false,
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs);
    },
    (error: unknown) => {
      checker = undefined;
      throw error;
    },
  );
  return checker;
}

/** The estimate for one password; the username (and similar) count as guessable words. */
export async function estimateStrength(password: string, userInputs: string[] = []): Promise<StrengthEstimate> {
  const check = await loadStrengthChecker();
  return describeStrength(check(password, userInputs));
}
