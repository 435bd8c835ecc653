import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { demoInboxQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { formatTime } from '../../components/format';
import { Loading } from '../../components/loading';

// The panel is only mounted while open, and react-query pauses the interval while the window is
// hidden, so polling runs only while someone can see it.
const POLL_MS = 2_000;

const MEDIUM_WORDS = { EMAIL: 'Email', SMS: 'SMS' } as const;

/** What the offline demo "delivered": stands in for the caller's mailbox and phone. */
export default function DemoInbox({ onClose }: { onClose: () => void }) {
  const inbox = useQuery({ ...demoInboxQuery(), refetchInterval: POLL_MS });

  return (
    <aside className="inbox" aria-labelledby="inbox-heading">
      <div className="inbox-header">
        <h2 id="inbox-heading">Demo inbox</h2>
        <Button className="button button-quiet" onPress={() => void inbox.refetch()} isPending={inbox.isFetching && !inbox.isPending}>
          Refresh
        </Button>
        <Button className="button button-quiet" onPress={onClose} aria-label="Close demo inbox">
          Close
        </Button>
      </div>
      <p className="muted">
        Messages the offline demo would have sent by email or text. Demo codes protect nothing real. Newest first.
      </p>
      {inbox.isPending && <Loading>Loading messages…</Loading>}
      {inbox.isError && (
        <ErrorNotice error={inbox.error} channel="demo:inbox" title="Could not read the demo inbox" onRetry={() => void inbox.refetch()} />
      )}
      {inbox.isSuccess &&
        (inbox.data.messages.length === 0 ? (
          <p>No messages yet. Send a recovery code and it appears here.</p>
        ) : (
          <ol className="inbox-list" aria-label="Messages">
            {inbox.data.messages.map((message) => (
              <li key={message.id} className="inbox-message">
                <div className="inbox-line">
                  <span className="badge badge-muted">{MEDIUM_WORDS[message.deliveryMedium]}</span>
                  <span className="inbox-user">{message.username}</span>
                  <time dateTime={message.sentAt} className="muted">
                    {formatTime(message.sentAt)}
                  </time>
                </div>
                <dl className="facts facts-tight">
                  <dt>To</dt>
                  <dd className="break">{message.destination}</dd>
                  <dt>Pool</dt>
                  <dd className="mono">{message.userPoolId}</dd>
                  <dt>Code</dt>
                  <dd>
                    <code className="inbox-code">{message.code}</code>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        ))}
    </aside>
  );
}
