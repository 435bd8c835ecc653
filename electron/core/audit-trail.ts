import { randomUUID } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { AuditAction, AuditChainReport, AuditEntry, AuditOutcome, AuditRecord } from '../../shared/audit-record';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { startAuditExport } from './audit-export';
import { AuditIndex, type CodeRecipient } from './audit-index';
import { openAuditLog, readAuditRecordsAt } from './audit-log';
import { verifyAuditLog } from './audit-verify';

/** Who did it, where, to whom: everything of an entry except time, action and outcome. */
export type AuditSubject = Omit<AuditEntry, 'id' | 'time' | 'action' | 'outcome' | 'outcomeCode' | 'requestId'>;

export interface AuditTrail {
  /** Resolves once the record is on disk. */
  record(subject: AuditSubject, action: AuditAction, outcome: { outcome: AuditOutcome; code: string; requestId?: string | undefined }): Promise<void>;
  list(request: ParsedRequestOf<'audit:list'>): Promise<ResponseOf<'audit:list'>>;
  export(request: ParsedRequestOf<'audit:export'>): Promise<ResponseOf<'audit:export'>>;
  /** Follows the log's hash chain and names the first record changed, removed or reordered. */
  verify(): Promise<AuditChainReport>;
  /** ForgotPassword requests for this user since local midnight: codes sent, and those whose answer was lost. */
  codesSentToday(connectionId: string, userPoolId: string, username: string, now?: Date): Promise<{ sent: number; unknown: number }>;
  close(): Promise<void>;
}

// Records are read back from the file this many at a time while exporting.
const EXPORT_BATCH = 1000;

/** The log as indexed at one moment: calls answer from this, even if the file grows meanwhile. */
interface IndexedLog {
  /** Open on the very file indexed; undefined while there is no log yet. */
  file: FileHandle | undefined;
  index: AuditIndex;
  count: number;
  damagedLines: number[];
}

/** A page line was not the record indexed there: the file was rewritten in place. */
class IndexOutOfDate extends Error {}

/**
 * The audit log with an index of it, kept in memory: built once by streaming the file (in the
 * background from the moment the trail opens; calls wait for it), then brought up to date on
 * every call by indexing only what was appended since (by this console or another writer), or
 * rebuilt when the file was replaced. Calls read back only the lines they answer with.
 */
export function openAuditTrail(path: string): AuditTrail {
  const log = openAuditLog(path);
  let index: AuditIndex | undefined;
  let catchingUp: Promise<unknown> = Promise.resolve();
  // Calls under way, so close() returns only once none holds the file open.
  const running = new Set<Promise<unknown>>();

  async function catchUp(): Promise<IndexedLog> {
    let file: FileHandle;
    try {
      file = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      index = undefined;
      return { file: undefined, index: new AuditIndex(0), count: 0, damagedLines: [] };
    }
    try {
      const { size, ino } = await file.stat();
      if (!index || index.fileId !== ino || size < index.end) index = new AuditIndex(ino);
      await index.extend(file, size);
      return { file, index, count: index.count, damagedLines: index.damagedLines() };
    } catch (error) {
      index = undefined; // a read cut short may have indexed part of the tail: start afresh next time
      await file.close();
      throw error;
    }
  }

  /** Runs `use` on the log as indexed now; one catch-up at a time, the uses themselves in parallel. */
  function withIndexedLog<T>(use: (log: IndexedLog) => Promise<T> | T): Promise<T> {
    const run = useIndexedLog(use);
    running.add(run);
    const settled = () => running.delete(run);
    run.then(settled, settled);
    return run;
  }

  async function useIndexedLog<T>(use: (log: IndexedLog) => Promise<T> | T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const current = catchingUp.then(catchUp, catchUp);
      catchingUp = current.catch(() => undefined);
      const indexed = await current;
      try {
        return await use(indexed);
      } catch (error) {
        if (!(error instanceof IndexOutOfDate) || attempt > 1) throw error;
        if (index === indexed.index) index = undefined;
      } finally {
        await indexed.file?.close();
      }
    }
  }

  async function readRecords({ file, index: indexed }: IndexedLog, positions: Uint32Array): Promise<AuditRecord[]> {
    if (positions.length === 0 || !file) return [];
    const records = await readAuditRecordsAt(file, Array.from(positions, (position) => indexed.location(position)));
    return records.map((record, i) => {
      if (!record || !indexed.describes(positions[i] ?? -1, record)) throw new IndexOutOfDate();
      return record;
    });
  }

  // Index now, so the first call (often the audit view or a verdict) finds it ready.
  void withIndexedLog(() => undefined).catch(() => undefined);

  return {
    async record(subject, action, { outcome, code, requestId }) {
      await log.append({
        id: randomUUID(),
        time: new Date().toISOString(),
        ...subject,
        action,
        outcome,
        outcomeCode: code,
        ...(requestId ? { requestId } : {}),
      });
    },

    list: ({ limit, offset, ...filters }) =>
      withIndexedLog(async (indexed) => {
        const matching = indexed.index.matching(filters, indexed.count);
        const records = await readRecords(indexed, matching.subarray(offset, offset + limit));
        return { records, total: matching.length, damagedLines: indexed.damagedLines };
      }),

    export: ({ format, ...filters }) =>
      withIndexedLog(async (indexed) => {
        const matching = indexed.index.matching(filters, indexed.count);
        const file = startAuditExport(format);
        for (let start = 0; start < matching.length; start += EXPORT_BATCH) {
          file.add(await readRecords(indexed, matching.subarray(start, start + EXPORT_BATCH)));
        }
        return file.finish();
      }),

    verify() {
      const run = verifyAuditLog(path);
      running.add(run);
      const settled = () => running.delete(run);
      run.then(settled, settled);
      return run;
    },

    codesSentToday(connectionId, userPoolId, username, now = new Date()) {
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      const recipient: CodeRecipient = { connectionId, userPoolId, username };
      return withIndexedLog((indexed) => indexed.index.codesSince(recipient, midnight.getTime(), indexed.count));
    },

    async close() {
      await Promise.all([log.close(), Promise.allSettled(running)]);
    },
  };
}
