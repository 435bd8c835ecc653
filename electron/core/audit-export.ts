import Papa from 'papaparse';
import type { AuditRecord } from '../../shared/audit-record';
import type { ResponseOf } from '../../shared/contract';

export type AuditExportFormat = 'csv' | 'json';

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
  'user_sub',
  'action',
  'outcome',
  'outcome_code',
  'request_id',
  'ticket',
  'caller_verification',
] as const;

// A cell a spreadsheet would run as a formula gets a leading apostrophe. papaparse's own pattern
// (/^[=+\-@\t\r].*$/) lets `=1+1\nx` through (`.` stops at the line break) and misses a leading
// line feed, a sign after leading spaces, and the full-width signs spreadsheets also accept.
const FORMULA_START = /^\s*[=+\-@\t\r\n＝＋－＠]/;
const CSV_OPTIONS = { escapeFormulae: FORMULA_START, newline: '\r\n' };
export const CSV_BOM = '\uFEFF';

/** Builds an export file from batches of records, so the records need not all be in memory at once. */
export interface AuditExportFile {
  add(records: readonly AuditRecord[]): void;
  finish(): ResponseOf<'audit:export'>;
}

export function startAuditExport(format: AuditExportFormat, now = new Date()): AuditExportFile {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parts: string[] = format === 'csv' ? [Papa.unparse([[...CSV_COLUMNS]], CSV_OPTIONS)] : [];
  let count = 0;
  return {
    add(records) {
      if (records.length === 0) return;
      count += records.length;
      parts.push(format === 'csv' ? Papa.unparse(records.map(csvRow), CSV_OPTIONS) : records.map(jsonElement).join(',\n'));
    },
    finish() {
      if (format === 'csv') {
        // The byte order mark tells Excel the file is UTF-8 (without it, zoë.ångström arrives garbled).
        return { filename: `recovery-desk-audit-${stamp}.csv`, mediaType: 'text/csv;charset=utf-8', content: `${CSV_BOM}${parts.join('\r\n')}\r\n`, count };
      }
      // The same text as JSON.stringify(allRecords, null, 2), written a batch at a time.
      const content = count === 0 ? '[]\n' : `[\n${parts.join(',\n')}\n]\n`;
      return { filename: `recovery-desk-audit-${stamp}.json`, mediaType: 'application/json', content, count };
    },
  };
}

function csvRow(r: AuditRecord): string[] {
  return [
    r.time,
    r.operator.osUser,
    r.operator.displayName ?? '',
    r.connection.id,
    r.connection.name,
    r.connection.region,
    r.userPoolId,
    r.clientId ?? '',
    r.username,
    r.v === 2 ? (r.sub ?? '') : '',
    r.action,
    r.outcome,
    r.outcomeCode,
    r.requestId ?? '',
    r.ticket ?? '',
    (r.callerVerification ?? []).join('; '),
  ];
}

/** One record as an element of a pretty-printed array: indented once more than on its own. */
function jsonElement(record: AuditRecord): string {
  return JSON.stringify(record, null, 2).replace(/^/gm, '  ');
}
