import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { catalogs, en, type MessageId } from '../../renderer/i18n/messages';
import { PSEUDO_LOCALE, PSEUDO_LOCALE_KEY } from '../../renderer/i18n/locale';
import { pseudoCatalog } from '../../renderer/i18n/pseudo';

// The page's words in a language, from the same catalogs the page uses: a journey written with them
// runs unchanged in English, in German and in the pseudo-locale, so each finds its buttons by the
// words an operator in that language reads.

export type PageLocale = 'en' | 'de' | typeof PSEUDO_LOCALE;

/** Where the browser and the page are told which language to speak. */
export const LOCALES: readonly PageLocale[] = ['en', 'de', PSEUDO_LOCALE];

/** The names of the tags (<b>…</b>) a message uses, each to be read as its plain text. */
function tagNames(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      found.add(element.value);
      tagNames(element.children, found);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) tagNames(option.value, found);
  }
  return found;
}

/** `say('recovery.panel.send')`: the text the page shows for that id in `locale`, tags as their text. */
export function wordsOf(locale: PageLocale) {
  const pseudo = locale === PSEUDO_LOCALE;
  const intl = createIntl({ locale, messages: pseudo ? pseudoCatalog(en) : catalogs[locale] });
  return (id: MessageId, values: Record<string, string | number> = {}): string => {
    const tags = Object.fromEntries([...tagNames(parse(en[id]))].map((name) => [name, (chunks: unknown[]) => chunks.join('')]));
    const text = intl.formatMessage({ id }, { ...values, ...tags } as never);
    return Array.isArray(text) ? text.join('') : String(text);
  };
}

/** What a test sets before the page loads so the page speaks `locale` (the browser's language, or the pseudo-locale). */
export function pseudoLocaleScript(locale: PageLocale): { key: string; value: string } | undefined {
  return locale === PSEUDO_LOCALE ? { key: PSEUDO_LOCALE_KEY, value: PSEUDO_LOCALE } : undefined;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` as a regular expression that finds it anywhere (a pseudo-locale text holds brackets). */
export function containing(text: string): RegExp {
  return new RegExp(escaped(text));
}

/** `text` at the end of a name: a select's button is named by its value, then its label. */
export function ending(text: string): RegExp {
  return new RegExp(`${escaped(text)}$`);
}
