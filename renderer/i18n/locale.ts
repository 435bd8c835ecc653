import { UI_LANGUAGES, type LanguageSetting } from '../../shared/contract';
import type { Language } from './messages';

/** The pseudo-locale the end-to-end tests run in: accented and longer, so untranslated or clipped text shows. */
export const PSEUDO_LOCALE = 'en-XA';
/** Set in local storage by a test (never by the page) to run the console in the pseudo-locale. */
export const PSEUDO_LOCALE_KEY = 'recovery-desk.pseudo-locale';

/**
 * The language to speak: the operator's choice in Settings, else the first of the system's (the
 * browser's) preferred languages we have, else English. "de-AT" and "de" both pick German.
 */
export function chooseLanguage(setting: LanguageSetting | undefined, preferred: readonly string[]): Language {
  if (setting && setting !== 'system') return setting;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = UI_LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return UI_LANGUAGES[0];
}

/** Whether a test asked for the pseudo-locale. */
export function pseudoLocaleRequested(): boolean {
  try {
    return localStorage.getItem(PSEUDO_LOCALE_KEY) === PSEUDO_LOCALE;
  } catch {
    return false;
  }
}
