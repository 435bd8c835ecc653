import { useQuery } from '@tanstack/react-query';
import type { AuditTrailState } from '../../../shared/contract';
import { auditTrailQuery } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { errorWords } from '../../components/error-words';
import { useFormat } from '../../components/format';
import { useT } from '../../i18n/use-t';

/**
 * How far the central audit trail has got, when the organization's policy sends every record to
 * CloudWatch Logs too: all delivered, some on their way, or failing (why, and when the next attempt
 * is). Nothing when the log stays on this computer only.
 */
export function AuditTrailStatus() {
  const t = useT();
  const query = useQuery(auditTrailQuery());
  if (query.isError) return <ErrorNotice error={query.error} channel="audit:trail" title={t('audit.trail.failed')} onRetry={() => void query.refetch()} />;
  const trail = query.data;
  if (!trail || trail.state === 'off') return null;
  return (
    <section className={`audit-trail ${trail.state === 'failing' ? 'notice notice-warning' : ''}`} aria-label={t('audit.trail.label')}>
      {trail.state === 'failing' ? <FailingTrail trail={trail} /> : <ProgressingTrail trail={trail} />}
      <Destination trail={trail} />
    </section>
  );
}

function ProgressingTrail({ trail }: { trail: AuditTrailState }) {
  const t = useT();
  const format = useFormat();
  return (
    <p role="status" className="audit-trail-state">
      {trail.state === 'waiting'
        ? t('audit.trail.waiting', { count: trail.waiting, since: format.dateTime(trail.waitingSince) })
        : t('audit.trail.delivered')}
    </p>
  );
}

function FailingTrail({ trail }: { trail: AuditTrailState }) {
  const t = useT();
  const format = useFormat();
  const words = trail.failure ? errorWords(t, trail.failure, (chunks) => <code>{chunks}</code>) : undefined;
  return (
    <>
      <p role="status" className="notice-title audit-trail-state">
        {t('audit.trail.failing', { count: trail.waiting, since: format.dateTime(trail.waitingSince) })}
      </p>
      {words && (
        <dl className="notice-parts">
          <dt>{t('errors.notice.whatHappened')}</dt>
          <dd className="notice-message">{words.message}</dd>
          <dt>{t('errors.notice.nextStep')}</dt>
          <dd className="notice-guidance">{words.guidance}</dd>
        </dl>
      )}
      <p>{t('audit.trail.retry', { at: trail.retryAt ? format.time(trail.retryAt) : '—' })}</p>
    </>
  );
}

function Destination({ trail }: { trail: AuditTrailState }) {
  const t = useT();
  const format = useFormat();
  if (!trail.destination) return null;
  return (
    <p className="muted audit-trail-destination">
      {t('audit.trail.destination', { ...trail.destination, lastDelivered: trail.lastDeliveredAt ? format.dateTime(trail.lastDeliveredAt) : 'none' })}
    </p>
  );
}
