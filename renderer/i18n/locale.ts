// The rule that picks the language lives in shared/, so the desktop's menus follow the same one.
export { chooseLanguage } from '../../shared/ui-language';

/** The pseudo-locale the end-to-end tests run in: accented and longer, so untranslated or clipped text shows. */
export const PSEUDO_LOCALE = 'en-XA';
/** Set in local storage by a test (never by the page) to run the console in the pseudo-locale. */
export const PSEUDO_LOCALE_KEY = 'recovery-desk.pseudo-locale';

/** Whether a test asked for the pseudo-locale. */
export function pseudoLocaleRequested(): boolean {
  try {
    return localStorage.getItem(PSEUDO_LOCALE_KEY) === PSEUDO_LOCALE;
  } catch {
    return false;
  }
}
