import type { AuditChainReport } from '../../../shared/audit-record';
import { useT } from '../../i18n/use-t';

/** What the check of the audit log's hash chain found, in the operator's words. */
export function ChainReport({ report }: { report: AuditChainReport }) {
  const t = useT();
  const { problem, records, unchained, damagedLines } = report;
  return (
    <div className={problem ? 'notice notice-error' : 'notice notice-ok'}>
      {problem ? (
        <>
          {/* Line numbers as the file counts them (no digit grouping): they are looked up, not read out. */}
          <p className="notice-title">{t('audit.verify.broken', { line: String(problem.line) })}</p>
          <p>{t('audit.verify.brokenHow', { kind: problem.kind })}</p>
          <p className="notice-guidance">{t('audit.verify.brokenGuidance')}</p>
        </>
      ) : (
        <p className="notice-title">{t('audit.verify.intact', { records })}</p>
      )}
      {unchained > 0 && <p>{t('audit.verify.unchained', { count: unchained })}</p>}
      {damagedLines.length > 0 && <p>{t('audit.verify.damaged', { count: damagedLines.length })}</p>}
    </div>
  );
}
