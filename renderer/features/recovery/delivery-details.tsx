import { useEffect, useRef } from 'react';
import type { AppClient, ResponseOf } from '../../../shared/contract';
import { formatTime } from '../../components/format';
import { useNow } from '../../components/use-now';

// Cognito codes stay valid for one hour.
const CODE_LIFETIME_MS = 60 * 60_000;

const MEDIUM_WORDS = { EMAIL: 'Email', SMS: 'Text message (SMS)' } as const;

interface DeliveryDetailsProps {
  response: ResponseOf<'recovery:forgotPassword'>;
  client: AppClient | undefined;
}

export function DeliveryDetails({ response, client }: DeliveryDetailsProps) {
  const now = useNow(15_000);
  const ref = useRef<HTMLDivElement>(null);
  // The answer appears below the button; bring it into view without moving focus. (Braces matter:
  // Chromium's scrollIntoView now returns a promise, and an effect may only return a cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const details = response.codeDeliveryDetails;
  const expiresAt = new Date(new Date(response.sentAt).getTime() + CODE_LIFETIME_MS);
  const minutesLeft = Math.max(0, Math.ceil((expiresAt.getTime() - now) / 60_000));
  // With PreventUserExistenceErrors ENABLED, Cognito answers like this even when it sent nothing.
  const mayBeSimulated = client?.preventUserExistenceErrors === 'ENABLED';

  return (
    <div ref={ref} className={`delivery${mayBeSimulated ? ' delivery-uncertain' : ''}`} role="status" aria-labelledby="delivery-heading">
      <h5 id="delivery-heading">{mayBeSimulated ? 'Cognito accepted the request' : 'Recovery code sent'}</h5>
      {details ? (
        <dl className="facts">
          <dt>Sent by</dt>
          <dd>{details.deliveryMedium ? MEDIUM_WORDS[details.deliveryMedium] : 'Not stated'}</dd>
          <dt>To</dt>
          <dd>{details.destination ?? 'Not stated'}</dd>
          <dt>Attribute</dt>
          <dd className="mono">{details.attributeName ?? 'Not stated'}</dd>
          <dt>Requested at</dt>
          <dd>{formatTime(response.sentAt)}</dd>
          <dt>Valid until</dt>
          <dd>
            {formatTime(expiresAt)} ({minutesLeft > 0 ? `about ${minutesLeft} min left` : 'expired: send a new code'})
          </dd>
        </dl>
      ) : (
        <p>Cognito accepted the request but did not say where it sent the code. Ask the caller to check their email and text messages.</p>
      )}
      {response.requestId && <p className="muted">AWS request id {response.requestId}</p>}
      {mayBeSimulated && (
        <p className="note note-warning">
          <strong>This does not prove a code was sent.</strong> {client?.clientName} has PreventUserExistenceErrors enabled, so
          Cognito gives this same answer for unknown, disabled or unverified users. Ask the caller to confirm the code arrived.
        </p>
      )}
      <p className="muted">Only the newest code works. Ask the caller to read it out, then type it below.</p>
    </div>
  );
}
