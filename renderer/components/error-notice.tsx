import { Button } from 'react-aria-components';
import type { Channel } from '../../shared/contract';
import { toApiCallError } from '../api/client';

interface ErrorNoticeProps {
  error: unknown;
  channel: Channel;
  /** A short line saying what was being attempted, e.g. "Could not load the user". */
  title: string;
  onRetry?: () => void;
}

/** A failed call, in the operator's words: what happened, what to do, and the id for a support case. */
export function ErrorNotice({ error, channel, title, onRetry }: ErrorNoticeProps) {
  const failure = toApiCallError(error, channel);
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-title">{title}</p>
      <p>{failure.message}</p>
      <p className="notice-guidance">{failure.guidance}</p>
      {failure.issues && failure.issues.length > 0 && (
        <ul className="notice-issues">
          {failure.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="notice-meta">
        Error code {failure.code}
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
