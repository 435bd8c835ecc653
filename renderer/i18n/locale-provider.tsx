import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { settingsQuery } from '../api/queries';
import { chooseLanguage, PSEUDO_LOCALE, pseudoLocaleRequested } from './locale';
import { catalogs, en } from './messages';
import { pseudoCatalog } from './pseudo';

/**
 * Every word of the page in the operator's language: the one chosen in Settings, else the system's.
 * The desktop shell names the operating system's languages (settings:get), which Chromium's
 * navigator.languages in Electron need not reflect; the browser shell does not, and the browser's
 * languages are the system's there. Dates, times and numbers follow the same locale. A missing
 * message is an error (the end-to-end tests fail on any console error), never silently English.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const settings = useQuery(settingsQuery());
  const pseudo = pseudoLocaleRequested();
  const language = chooseLanguage(settings.data?.language, [...(settings.data?.systemLanguages ?? []), ...navigator.languages]);
  const messages = useMemo(() => (pseudo ? pseudoCatalog(en) : catalogs[language]), [pseudo, language]);
  const locale = pseudo ? PSEUDO_LOCALE : language;
  // Screen readers pick their voice, and the browser its hyphenation, by the page's language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
      {/* react-aria's own words (a combo box's button, a list's empty state) and its number and date handling too. */}
      <I18nProvider locale={language}>{children}</I18nProvider>
    </IntlProvider>
  );
}
