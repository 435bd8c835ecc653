import type { AppClient, ResponseOf } from '../../../shared/contract';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/use-t';
import { codeExpiresAt } from './code-input';
import { awsName } from '../../components/aws-name';

interface DeliveryDetailsProps {
  response: ResponseOf<'recovery:forgotPassword'>;
  client: AppClient | undefined;
}

export function DeliveryDetails({ response, client }: DeliveryDetailsProps) {
  const t = useT();
  const now = useNow(15_000);
  const details = response.codeDeliveryDetails;
  const sentAt = new Date(response.sentAt);
  const expiresAt = codeExpiresAt(response.sentAt) ?? sentAt;
  const expired = expiresAt.getTime() <= now;
  // With PreventUserExistenceErrors ENABLED, Cognito answers like this even when it sent nothing.
  const mayBeSimulated = client?.preventUserExistenceErrors === 'ENABLED';

  return (
    <div className={`delivery${mayBeSimulated ? ' delivery-uncertain' : ''}`} role="status" aria-labelledby="delivery-heading">
      <h5 id="delivery-heading">{t('recovery.delivery.heading', { uncertain: mayBeSimulated ? 'yes' : 'no' })}</h5>
      {details ? (
        // One line: the operator reads it while the caller waits; focus is already in the code field below.
        <p className="delivery-line">
          {t('recovery.delivery.line', {
            medium: details.deliveryMedium ?? 'unknown',
            hasDestination: details.destination ? 'yes' : 'no',
            destination: details.destination ?? '',
            attribute: details.attributeName ?? 'none',
            sentAt,
            until: expiresAt,
            expired: expired ? 'yes' : 'no',
            requestId: response.requestId ?? 'none',
            strong: (chunks) => <strong>{chunks}</strong>,
            dest: (chunks) => <strong className="mono">{chunks}</strong>,
            muted: (chunks) => <span className="muted">{chunks}</span>,
            awsName,
          })}
        </p>
      ) : (
        <p>{t('recovery.delivery.noDetails')}</p>
      )}
      {mayBeSimulated && (
        <p className="note note-warning">
          {t('recovery.delivery.notProof', { client: client?.clientName ?? '', strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}
    </div>
  );
}
