import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { DemoMessage } from '../../../shared/contract';
import { demoInboxQuery, useClearInbox } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { CopyButton } from '../../components/copy';
import { useFormat } from '../../components/format';
import { Loading } from '../../components/loading';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/use-t';

// The panel is only mounted while open, and react-query pauses the interval while the window is
// hidden, so polling runs only while someone can see it.
const POLL_MS = 2_000;

/** What the offline demo "delivered": stands in for the caller's mailbox and phone. */
export default function DemoInbox({ onClose }: { onClose: () => void }) {
  const t = useT();
  const inbox = useQuery({ ...demoInboxQuery(), refetchInterval: POLL_MS });
  const clear = useClearInbox();
  // How many messages the last clearing removed, worded when shown.
  const [cleared, setCleared] = useState<number>();
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
          {t('demo.inbox.title')}
        </h2>
        <Button className="button button-quiet" onPress={() => void inbox.refetch()} isPending={inbox.isFetching && !inbox.isPending}>
          {t('demo.inbox.refresh')}
        </Button>
        <Button
          className="button button-quiet"
          isDisabled={messages.length === 0}
          isPending={clear.isPending}
          onPress={() =>
            clear.mutate(undefined, {
              onSuccess: ({ cleared: count }) => setCleared(count),
            })
          }
        >
          {t('demo.inbox.clear')}
        </Button>
        <Button className="button button-quiet" onPress={onClose} aria-label={t('demo.inbox.closeLabel')}>
          {t('demo.inbox.close')}
        </Button>
      </div>
      <p className="muted">{t('demo.inbox.intro')}</p>
      <p role="status" className="visually-hidden">
        {cleared === undefined ? '' : t('demo.inbox.cleared', { count: cleared })}
      </p>
      {clear.isError && <ErrorNotice error={clear.error} channel="demo:clearInbox" title={t('demo.inbox.clearFailed')} />}
      {inbox.isPending && <Loading>{t('demo.inbox.loading')}</Loading>}
      {inbox.isError && (
        <ErrorNotice error={inbox.error} channel="demo:inbox" title={t('demo.inbox.readFailed')} onRetry={() => void inbox.refetch()} />
      )}
      {inbox.isSuccess &&
        (messages.length === 0 ? (
          <p>{t('demo.inbox.empty')}</p>
        ) : (
          <ol className="inbox-list" aria-label={t('demo.inbox.listLabel')}>
            {messages.map((message) => (
              <InboxMessage key={message.id} message={message} now={now} />
            ))}
          </ol>
        ))}
    </aside>
  );
}

function InboxMessage({ message, now }: { message: DemoMessage; now: number }) {
  const t = useT();
  const format = useFormat();
  const isInvitation = message.purpose === 'Invitation';
  return (
    <li className="inbox-message">
      <div className="inbox-line">
        <span className="badge badge-muted">{t('demo.inbox.medium', { medium: message.deliveryMedium })}</span>
        <span className="inbox-user">{message.username}</span>
        <time dateTime={message.sentAt} className="muted">
          {format.time(message.sentAt)}
        </time>
      </div>
      {/* The code comes first: it is what the trainer reads out, and what tests look for. */}
      <dl className="facts facts-tight">
        <dt>{isInvitation ? t('demo.inbox.temporaryPassword') : t('demo.inbox.code')}</dt>
        <dd>
          <code className="inbox-code">{message.code}</code> <CopyButton text={message.code} what={isInvitation ? 'temporaryPassword' : 'code'} />
        </dd>
        <dt>{t('demo.inbox.validity')}</dt>
        <dd>
          <Validity expiresAt={message.expiresAt} now={now} />
        </dd>
        <dt>{t('demo.inbox.purpose')}</dt>
        <dd>{message.purpose ? t('demo.inbox.purposeWords', { purpose: message.purpose }) : t('demo.inbox.notStated')}</dd>
        <dt>{t('demo.inbox.sentTo')}</dt>
        <dd className="break">{message.destination}</dd>
        <dt>{t('demo.inbox.masked')}</dt>
        <dd className="break mono">{message.maskedDestination || t('demo.inbox.notStated')}</dd>
        <dt>{t('demo.inbox.pool')}</dt>
        <dd className="mono">{message.userPoolId}</dd>
      </dl>
    </li>
  );
}

function Validity({ expiresAt, now }: { expiresAt: string | undefined; now: number }) {
  const t = useT();
  const format = useFormat();
  const expires = expiresAt ? new Date(expiresAt) : undefined;
  if (!expiresAt || !expires || Number.isNaN(expires.getTime())) return <>{t('demo.inbox.notStated')}</>;
  const left = expires.getTime() - now;
  const time = (chunks: ReactNode[]) => <time dateTime={expiresAt}>{chunks}</time>;
  if (left <= 0) return <span className="inbox-expired">{t('demo.inbox.expired', { at: expires, time })}</span>;
  const muted = (chunks: ReactNode[]) => <span className="muted">{chunks}</span>;
  // Beyond a day the date matters more than the time: an invitation lasts days.
  const message = left > 86_400_000 ? 'demo.inbox.leftUntilDate' : 'demo.inbox.leftUntilTime';
  return <>{t(message, { remaining: format.remaining(left), until: expires, muted, time })}</>;
}
