import { useMemo, type ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { readMessageRef } from '../../shared/message-ref';
import type { MessageId } from './messages';

/** Values for a message's placeholders; a function renders a tag's content (<b>…</b>). */
export type MessageValues = Record<string, string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** `t` for one language (react-intl's IntlShape): the hook below in components, createIntl in tests. */
export function translator(intl: IntlShape) {
  function t(id: MessageId, values?: Record<string, string | number | Date>): string;
  function t(id: MessageId, values: MessageValues): ReactNode;
  function t(id: MessageId, values?: MessageValues): ReactNode {
    return intl.formatMessage({ id }, values as never);
  }
  /** A message named by the privileged side or the contract (an id, or a messageRef with its values). */
  const ref = (text: string): string => {
    const { id, params } = readMessageRef(text);
    return intl.formatMessage({ id }, params);
  };
  return Object.assign(t, { ref, intl });
}

export type Translate = ReturnType<typeof translator>;

/**
 * The one way the page says something: `t('recovery.verdict.ready', { destination })`. Ids are typed
 * from the English catalog, so a mistyped id does not compile. Stable while the language stays, so
 * it can sit in a hook's dependencies.
 */
export function useT(): Translate {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}
