import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { Channel } from '../../shared/contract';
import { COGNITO_ERROR_CODES, type ApiError } from '../../shared/errors';
import { toApiCallError, type ApiCallError } from '../api/client';
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

/** Every ApiError carries these; read them off the thrown error whichever way it was built. */
type Explained = ApiCallError & Partial<Pick<ApiError, 'tellCaller' | 'retryAfterSeconds'>>;

/** Said when an error reached the page without words for the caller (it should not happen). */
const FALLBACK_TELL_CALLER = 'Bear with me a moment while I look into this.';

/**
 * A failed call, in the operator's words: what happened, what to say to the caller, what to do
 * next, whether retrying helps (and when), and the ids for a support case. Never only the raw text.
 */
export function ErrorNotice({ error, channel, title, titleIfUnknown, onRetry, takeFocus = false }: ErrorNoticeProps) {
  const format = useFormat();
  const failure = toApiCallError(error, channel) as Explained;
  const unknown = failure.code === 'OutcomeUnknown';
  const tellCaller = failure.tellCaller?.trim() || FALLBACK_TELL_CALLER;
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
        <dt>What happened</dt>
        <dd className="notice-message">{failure.message}</dd>
        <dt>Tell the caller</dt>
        <dd className="notice-tell">“{tellCaller}”</dd>
        <dt>Next step</dt>
        <dd className="notice-guidance">{failure.guidance}</dd>
        <dt>Try again?</dt>
        <dd className="notice-retry">
          {unknown ? 'Not before you have checked: it may already have happened.' : format.retry(failure.retryable, failure.retryAfterSeconds)}
        </dd>
      </dl>
      {failure.issues && failure.issues.length > 0 && (
        <ul className="notice-issues" aria-label="Fields to correct">
          {failure.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="notice-meta">
        Error {errorName(failure.code)}
        {failure.requestId && <> · AWS request id {failure.requestId}</>}
      </p>
      {onRetry && failure.retryable && (
        <Button className="button button-secondary" onPress={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
