import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AuditAction, AuditOutcome, AuditRecord } from '../../../shared/audit-record';
import { callerCheckLabel } from '../../components/caller-check-label';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { connectionName, connectionNameTranslate } from '../connections/connection-wording';
import { formatAuditTime } from './audit-time';

// Rows grow with their content (long ticket references, several ticked checks), so they are
// measured once rendered; this is only the first guess.
const ESTIMATED_ROW_HEIGHT = 64;
// Start fetching the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 30;

/** The action in plain words; the Cognito operation name follows it. */
const ACTION_WORDS: Record<AuditAction, MessageId> = {
  ForgotPassword: 'audit.action.forgotPassword',
  ConfirmForgotPassword: 'audit.action.confirmForgotPassword',
  ResendInvitation: 'audit.action.resendInvitation',
  AdminResetUserPassword: 'audit.action.adminResetUserPassword',
  AdminSetTemporaryPassword: 'audit.action.adminSetTemporaryPassword',
  RevokeSession: 'audit.action.revokeSession',
  GlobalSignOut: 'audit.action.globalSignOut',
  AuthEventFeedback: 'audit.action.authEventFeedback',
  ResetMfa: 'audit.action.resetMfa',
};

/** How each outcome reads and looks. Unknown is neither: the action may have happened, so it gets its own look. */
const OUTCOME_LOOKS: Record<AuditOutcome, { words: MessageId; badge: string; row?: string; note?: MessageId }> = {
  success: { words: 'audit.outcome.success', badge: 'badge-ok' },
  failure: { words: 'audit.outcome.failure', badge: 'badge-bad', row: 'audit-failed' },
  unknown: { words: 'audit.outcome.unknown', note: 'audit.outcome.unknownNote', badge: 'badge-warn', row: 'audit-unknown' },
};

const COLUMNS: readonly MessageId[] = [
  'audit.column.time',
  'audit.column.operator',
  'audit.column.connection',
  'audit.column.userPool',
  'audit.column.appClient',
  'audit.column.user',
  'audit.column.action',
  'audit.column.outcome',
  'audit.column.requestId',
  'audit.column.ticket',
  'audit.column.callerVerification',
];

interface AuditTableProps {
  records: AuditRecord[];
  /** How many records match in all (for assistive technology's row count). */
  total: number;
  /** Set while another page can be fetched; called when the rendered rows near the end. */
  onNearEnd: (() => void) | undefined;
}

/**
 * A real table (so screen readers announce headers per cell) that renders only the rows in view,
 * with spacer rows above and below standing in for the rest. The scroll area is focusable, so the
 * arrow and page keys scroll it.
 */
export function AuditTable({ records, total, onNearEnd }: AuditTableProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design.
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => records[index]?.id ?? index,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows.at(-1);
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const lastRendered = last?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && lastRendered >= records.length - PREFETCH_ROWS) onNearEnd();
  }, [lastRendered, records.length, onNearEnd]);

  return (
    <div ref={scrollRef} className="audit-scroll" role="region" aria-label={t('audit.table.scrollLabel')} tabIndex={0}>
      <table className="table audit-table" aria-label={t('audit.table.label')} aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="audit-spacer">
              <td colSpan={COLUMNS.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {rows.map((row) => {
            const record = records[row.index];
            if (!record) return null;
            return <AuditRow key={row.key} record={record} index={row.index} measure={virtualizer.measureElement} />;
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="audit-spacer">
              <td colSpan={COLUMNS.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface AuditRowProps {
  record: AuditRecord;
  index: number;
  measure: (element: HTMLTableRowElement | null) => void;
}

function AuditRow({ record, index, measure }: AuditRowProps) {
  const t = useT();
  const outcome = OUTCOME_LOOKS[record.outcome];
  const action = ACTION_WORDS[record.action] as MessageId | undefined;
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className={outcome.row}>
      <td className="audit-time">
        <time dateTime={record.time}>{formatAuditTime(t, record.time)}</time>
      </td>
      <td>
        {record.operator.displayName ? (
          <>
            <span className="audit-strong">{record.operator.displayName}</span>
            <span className="audit-sub">{record.operator.osUser}</span>
          </>
        ) : (
          <span>{record.operator.osUser}</span>
        )}
      </td>
      <td>
        <span translate={connectionNameTranslate(record.connection)}>{connectionName(record.connection, t)}</span>
        <span className="audit-sub">{record.connection.region}</span>
      </td>
      <td className="mono break">{record.userPoolId}</td>
      <td className="mono break">{record.clientId ?? <Missing />}</td>
      <td className="audit-strong audit-wrap">{record.username}</td>
      <td>
        <span>{action ? t(action) : record.action}</span>
        <span className="audit-sub mono">{record.action}</span>
      </td>
      <td>
        <span className={`badge ${outcome.badge}`}>{t(outcome.words)}</span>
        {outcome.note && <span className="audit-sub">{t(outcome.note)}</span>}
        <span className="audit-sub mono">{record.outcomeCode}</span>
      </td>
      <td className="mono break">{record.requestId ?? <Missing />}</td>
      <td className="audit-wrap">{record.ticket ?? <Missing />}</td>
      <td>
        <Verification checks={record.callerVerification} />
      </td>
    </tr>
  );
}

/** A value the record does not have, said in words. */
function Missing({ what = 'audit.table.none' }: { what?: MessageId }) {
  const t = useT();
  return <span className="muted">{t(what)}</span>;
}

function Verification({ checks }: { checks: string[] | undefined }) {
  const t = useT();
  if (checks === undefined) return <Missing what="audit.table.notAsked" />;
  if (checks.length === 0) return <Missing what="audit.table.noneTicked" />;
  return (
    <ul className="audit-checks">
      {checks.map((label) => (
        <li key={label}>
          <span aria-hidden="true" className="audit-tick" /> {callerCheckLabel(t, label)}
        </li>
      ))}
    </ul>
  );
}
