import { createIntl } from 'react-intl';
import type { ApiError } from '../../shared/errors';
import { errorWords } from '../../renderer/components/error-words';
import { catalogs, type Language } from '../../renderer/i18n/messages';
import { translator, type Translate } from '../../renderer/i18n/use-t';

/** The page's `t` for one language, outside React: what an operator in that language reads. */
export function translate(language: Language): Translate {
  return translator(
    createIntl({
      locale: language,
      messages: catalogs[language],
      onError: (error) => {
        throw error;
      },
    }),
  );
}

/** A failure as the operator reads it in `language`: what happened, what to do, what to tell the caller. */
export function wordsFor(failure: ApiError, language: Language = 'en') {
  return errorWords(translate(language), failure);
}
