import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DemoMessage } from '../../../shared/contract';
import { demoInboxQuery, useClearInbox } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { CopyButton } from '../../components/copy';
import { formatDateTime, formatRemaining, formatTime } from '../../components/format';
import { Loading } from '../../components/loading';
import { useNow } from '../../components/use-now';

// The panel is only mounted while open, and react-query pauses the interval while the window is
// hidden, so polling runs only while someone can see it.
const POLL_MS = 2_000;

const MEDIUM_WORDS = { EMAIL: 'Email', SMS: 'SMS' } as const;

const PURPOSE_WORDS: Record<string, string> = {
  ForgotPassword: 'Password recovery (ForgotPassword)',
  AdminResetUserPassword: 'Administrator reset (AdminResetUserPassword)',
  Invitation: 'Invitation with a temporary password (AdminCreateUser)',
};

/** What the offline demo "delivered": stands in for the caller's mailbox and phone. */
export default function DemoInbox({ onClose }: { onClose: () => void }) {
  const inbox = useQuery({ ...demoInboxQuery(), refetchInterval: POLL_MS });
  const clear = useClearInbox();
  const [cleared, setCleared] = useState('');
  // One clock for every countdown in the list.
  const now = useNow(1_000);
  const messages = inbox.data?.messages ?? [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened to read a code: focus lands in the panel, and Escape (anywhere in it) closes it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <aside
      className="demo-panel inbox"
      aria-labelledby="inbox-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="demo-panel-header">
        <h2 id="inbox-heading" ref={headingRef} tabIndex={-1}>
          Demo inbox
        </h2>
        <Button className="button button-quiet" onPress={() => void inbox.refetch()} isPending={inbox.isFetching && !inbox.isPending}>
          Refresh
        </Button>
        <Button
          className="button button-quiet"
          isDisabled={messages.length === 0}
          isPending={clear.isPending}
          onPress={() =>
            clear.mutate(undefined, {
              onSuccess: ({ cleared: count }) => setCleared(count === 1 ? 'Cleared 1 message.' : `Cleared ${count} messages.`),
            })
          }
        >
          Clear inbox
        </Button>
        <Button className="button button-quiet" onPress={onClose} aria-label="Close demo inbox">
          Close
        </Button>
      </div>
      <p className="muted">
        Messages the offline demo would have sent by email or text. Demo codes protect nothing real. Newest first.
      </p>
      <p role="status" className="visually-hidden">
        {cleared}
      </p>
      {clear.isError && <ErrorNotice error={clear.error} channel="demo:clearInbox" title="The inbox was not cleared" />}
      {inbox.isPending && <Loading>Loading messages…</Loading>}
      {inbox.isError && (
        <ErrorNotice error={inbox.error} channel="demo:inbox" title="Could not read the demo inbox" onRetry={() => void inbox.refetch()} />
      )}
      {inbox.isSuccess &&
        (messages.length === 0 ? (
          <p>No messages yet. Send a recovery code and it appears here.</p>
        ) : (
          <ol className="inbox-list" aria-label="Messages">
            {messages.map((message) => (
              <InboxMessage key={message.id} message={message} now={now} />
            ))}
          </ol>
        ))}
    </aside>
  );
}

function InboxMessage({ message, now }: { message: DemoMessage; now: number }) {
  return (
    <li className="inbox-message">
      <div className="inbox-line">
        <span className="badge badge-muted">{MEDIUM_WORDS[message.deliveryMedium]}</span>
        <span className="inbox-user">{message.username}</span>
        <time dateTime={message.sentAt} className="muted">
          {formatTime(message.sentAt)}
        </time>
      </div>
      {/* The code comes first: it is what the trainer reads out, and what tests look for. */}
      <dl className="facts facts-tight">
        <dt>{message.purpose === 'Invitation' ? 'Temporary password' : 'Code'}</dt>
        <dd>
          <code className="inbox-code">{message.code}</code>{' '}
          <CopyButton text={message.code} what={message.purpose === 'Invitation' ? 'temporaryPassword' : 'code'} />
        </dd>
        <dt>Validity</dt>
        <dd>
          <Validity expiresAt={message.expiresAt} now={now} />
        </dd>
        <dt>Purpose</dt>
        <dd>{message.purpose ? (PURPOSE_WORDS[message.purpose] ?? message.purpose) : 'Not stated'}</dd>
        <dt>Sent to</dt>
        <dd className="break">{message.destination}</dd>
        <dt>As Cognito shows it</dt>
        <dd className="break mono">{message.maskedDestination || 'Not stated'}</dd>
        <dt>Pool</dt>
        <dd className="mono">{message.userPoolId}</dd>
      </dl>
    </li>
  );
}

function Validity({ expiresAt, now }: { expiresAt: string | undefined; now: number }) {
  const expires = expiresAt ? new Date(expiresAt).getTime() : Number.NaN;
  if (!expiresAt || Number.isNaN(expires)) return <>Not stated</>;
  const left = expires - now;
  // Beyond a day the date matters more than the time: an invitation lasts days.
  const until = left > 86_400_000 ? formatDateTime(expiresAt) : formatTime(expiresAt);
  return left > 0 ? (
    <>
      {formatRemaining(left)} left <span className="muted">(until <time dateTime={expiresAt}>{until}</time>)</span>
    </>
  ) : (
    <span className="inbox-expired">
      Expired at <time dateTime={expiresAt}>{formatTime(expiresAt)}</time>
    </span>
  );
}
