import { UI_LANGUAGES, type LanguageSetting } from './contract';

/** A language the console speaks (its words are in the renderer's catalogs and the desktop menus'). */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The language to speak, the one rule of both processes (the page and the desktop's menus): the
 * operator's choice in Settings, else the first of the system's preferred languages we have, else
 * English. A tag's language is what comes before its region or encoding: "de-AT", "de_DE.UTF-8"
 * (Linux) and "de" all pick German.
 */
export function chooseLanguage(setting: LanguageSetting | undefined, preferred: readonly string[]): UiLanguage {
  if (setting && setting !== 'system') return setting;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_.@]/)[0];
    const found = UI_LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return UI_LANGUAGES[0];
}
