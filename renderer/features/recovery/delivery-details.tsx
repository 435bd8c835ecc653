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
  const details = response.codeDeliveryDetails;
  const expiresAt = new Date(new Date(response.sentAt).getTime() + CODE_LIFETIME_MS);
  const minutesLeft = Math.max(0, Math.ceil((expiresAt.getTime() - now) / 60_000));
  // With PreventUserExistenceErrors ENABLED, Cognito answers like this even when it sent nothing.
  const mayBeSimulated = client?.preventUserExistenceErrors === 'ENABLED';

  return (
    <div className={`delivery${mayBeSimulated ? ' delivery-uncertain' : ''}`} role="status" aria-labelledby="delivery-heading">
      <h5 id="delivery-heading">{mayBeSimulated ? 'Cognito accepted the request' : 'Recovery code sent'}</h5>
      {details ? (
        // One line: the operator reads it while the caller waits; focus is already in the code field below.
        <p className="delivery-line">
          Sent by <strong>{details.deliveryMedium ? MEDIUM_WORDS[details.deliveryMedium] : 'a medium Cognito did not state'}</strong> to{' '}
          <strong className="mono">{details.destination ?? 'an address Cognito did not state'}</strong>
          {details.attributeName && <span className="muted"> ({details.attributeName})</span>} at {formatTime(response.sentAt)}, valid until{' '}
          {formatTime(expiresAt)}
          {minutesLeft > 0 ? '' : ' (expired: send a new code)'}. Only the newest code works.
          {response.requestId && <span className="muted"> AWS request id {response.requestId}</span>}
        </p>
      ) : (
        <p>Cognito accepted the request but did not say where it sent the code. Ask the caller to check their email and text messages.</p>
      )}
      {mayBeSimulated && (
        <p className="note note-warning">
          <strong>This does not prove a code was sent.</strong> {client?.clientName} has PreventUserExistenceErrors enabled, so
          Cognito gives this same answer for unknown, disabled or unverified users. Ask the caller to confirm the code arrived.
        </p>
      )}
    </div>
  );
}
