import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { Channel } from '../../shared/contract';
import { COGNITO_ERROR_CODES } from '../../shared/errors';
import { toApiCallError } from '../api/client';
import { useT } from '../i18n/use-t';
import { errorWords } from './error-words';
import { useFormat } from './format';
import { scrollIntoPane } from './scroll-into-pane';

interface ErrorNoticeProps {
  error: unknown;
  channel: Channel;
  /** A short line saying what was being attempted, e.g. "Could not load the user". */
  title: string;
  /** For an action: the line to show when its outcome is unknown (it may have happened), e.g. "The code may have been sent". */
  titleIfUnknown?: string;
  onRetry?: () => void;
  /**
   * For the failure of what the operator just did: focus moves to the notice, scrolled into view,
   * so the next thing read is what went wrong.
   */
  takeFocus?: boolean;
}

const COGNITO_CODES = new Set<string>(COGNITO_ERROR_CODES);

/** The name a support case or AWS's documentation uses: Cognito's exceptions keep their suffix. */
export function errorName(code: string): string {
  return COGNITO_CODES.has(code) ? `${code}Exception` : code;
}

/**
 * A failed call, in the operator's words: what happened (and Cognito's own words), what to say to
 * the caller, what to do next, whether retrying helps (and when), and the ids for a support case.
 */
export function ErrorNotice({ error, channel, title, titleIfUnknown, onRetry, takeFocus = false }: ErrorNoticeProps) {
  const t = useT();
  const format = useFormat();
  const { failure } = toApiCallError(error, channel);
  const unknown = failure.code === 'OutcomeUnknown';
  const words = errorWords(t, failure, (chunks) => <code>{chunks}</code>);
  const ref = useRef<HTMLDivElement>(null);
  // Each new failure (a new error object) takes focus again.
  useEffect(() => {
    if (!takeFocus) return;
    ref.current?.focus({ preventScroll: true });
    scrollIntoPane(ref.current);
  }, [takeFocus, error]);
  return (
    <div ref={ref} role="alert" tabIndex={takeFocus ? -1 : undefined} className={`notice ${unknown ? 'notice-warning notice-unknown' : 'notice-error'}`}>
      <p className="notice-title">{unknown && titleIfUnknown ? titleIfUnknown : title}</p>
      <dl className="notice-parts">
        <dt>{t('errors.notice.whatHappened')}</dt>
        <dd className="notice-message">{words.message}</dd>
        {failure.detail && (
          <>
            <dt>{t('errors.notice.cognitoSaid')}</dt>
            {/* AWS's own words, in AWS's English: quoted as they came, marked so screen readers read them in English. */}
            <dd className="notice-detail">
              <q lang="en">{failure.detail}</q>
            </dd>
          </>
        )}
        <dt>{t('errors.notice.tellCaller')}</dt>
        <dd className="notice-tell">{t('errors.notice.quote', { words: words.tellCaller })}</dd>
        <dt>{t('errors.notice.nextStep')}</dt>
        <dd className="notice-guidance">{words.guidance}</dd>
        <dt>{t('errors.notice.tryAgain')}</dt>
        <dd className="notice-retry">{unknown ? t('errors.notice.notBeforeChecked') : format.retry(failure.retryable, failure.retryAfterSeconds)}</dd>
      </dl>
      {failure.issues && failure.issues.length > 0 && (
        <ul className="notice-issues" aria-label={t('errors.notice.fieldsToCorrect')}>
          {failure.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{t('errors.notice.issue', { path: issue.path, message: t.ref(issue.message) })}</li>
          ))}
        </ul>
      )}
      <p className="notice-meta">{t('errors.notice.meta', { name: errorName(failure.code), requestId: failure.requestId ?? 'none' })}</p>
      {onRetry && failure.retryable && (
        <Button className="button button-secondary" onPress={onRetry}>
          {t('errors.notice.tryAgainButton')}
        </Button>
      )}
    </div>
  );
}
