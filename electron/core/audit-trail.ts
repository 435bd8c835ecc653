import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import type { AuditAction, AuditOutcome, AuditRecord } from '../../shared/audit-record';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { openAuditLog, type AuditLog } from './audit-log';

export type AuditFilters = Omit<ParsedRequestOf<'audit:list'>, 'limit' | 'offset'>;

/** Who did it, where, to whom: everything of a record except time, action and outcome. */
export type AuditSubject = Omit<AuditRecord, 'v' | 'id' | 'time' | 'action' | 'outcome' | 'outcomeCode' | 'requestId'>;

export interface AuditTrail {
  /** Resolves once the record is on disk. */
  record(subject: AuditSubject, action: AuditAction, outcome: { outcome: AuditOutcome; code: string; requestId?: string | undefined }): Promise<void>;
  list(request: ParsedRequestOf<'audit:list'>): Promise<ResponseOf<'audit:list'>>;
  export(request: ParsedRequestOf<'audit:export'>): Promise<ResponseOf<'audit:export'>>;
  /** ForgotPassword codes sent to this user since local midnight. */
  codesSentToday(connectionId: string, userPoolId: string, username: string, now?: Date): Promise<number>;
  close(): Promise<void>;
}

const CSV_COLUMNS = [
  'time',
  'operator_os_user',
  'operator_display_name',
  'connection_id',
  'connection_name',
  'region',
  'user_pool_id',
  'client_id',
  'username',
  'action',
  'outcome',
  'outcome_code',
  'request_id',
  'ticket',
  'caller_verification',
] as const;

export function openAuditTrail(path: string): AuditTrail {
  const log: AuditLog = openAuditLog(path);

  async function matching(filters: AuditFilters) {
    const { records, damagedLines } = await log.read();
    const from = filters.from ? Date.parse(filters.from) : undefined;
    const to = filters.to ? Date.parse(filters.to) : undefined;
    const user = filters.username?.toLocaleLowerCase();
    const operator = filters.operator?.toLocaleLowerCase();
    const selected = records
      .filter((r) => {
        const time = Date.parse(r.time);
        if (from !== undefined && time < from) return false;
        if (to !== undefined && time > to) return false;
        if (filters.outcome && r.outcome !== filters.outcome) return false;
        if (user && !r.username.toLocaleLowerCase().includes(user)) return false;
        if (operator && ![r.operator.osUser, r.operator.displayName ?? ''].some((name) => name.toLocaleLowerCase().includes(operator))) return false;
        return true;
      })
      .reverse(); // the file is oldest first; operators read newest first
    return { selected, damagedLines };
  }

  return {
    async record(subject, action, outcome) {
      await log.append({
        v: 1,
        id: randomUUID(),
        time: new Date().toISOString(),
        ...subject,
        action,
        outcome: outcome.outcome,
        outcomeCode: outcome.code,
        ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
      });
    },

    async list({ limit, offset, ...filters }) {
      const { selected, damagedLines } = await matching(filters);
      return { records: selected.slice(offset, offset + limit), total: selected.length, damagedLines };
    },

    async export({ format, ...filters }) {
      const { selected } = await matching(filters);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (format === 'json') {
        return {
          filename: `recovery-desk-audit-${stamp}.json`,
          mediaType: 'application/json',
          content: `${JSON.stringify(selected, null, 2)}\n`,
          count: selected.length,
        };
      }
      const rows = selected.map((r) => [
        r.time,
        r.operator.osUser,
        r.operator.displayName ?? '',
        r.connection.id,
        r.connection.name,
        r.connection.region,
        r.userPoolId,
        r.clientId ?? '',
        r.username,
        r.action,
        r.outcome,
        r.outcomeCode,
        r.requestId ?? '',
        r.ticket ?? '',
        (r.callerVerification ?? []).join('; '),
      ]);
      // escapeFormulae: a username or ticket starting with = + - @ must not run as a spreadsheet formula.
      const content = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
      return { filename: `recovery-desk-audit-${stamp}.csv`, mediaType: 'text/csv', content: `${content}\r\n`, count: selected.length };
    },

    async codesSentToday(connectionId, userPoolId, username, now = new Date()) {
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      const { records } = await log.read();
      return records.filter(
        (r) =>
          r.action === 'ForgotPassword' &&
          r.outcome === 'success' &&
          r.connection.id === connectionId &&
          r.userPoolId === userPoolId &&
          r.username === username &&
          Date.parse(r.time) >= midnight.getTime(),
      ).length;
    },

    close: () => log.close(),
  };
}
