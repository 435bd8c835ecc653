import { open, type FileHandle } from 'node:fs/promises';
import type { AuditChainReport } from '../../shared/audit-record';
import { CHAIN_START, expectedLineHash, type ChainLink } from './audit-chain';
import { readAuditLines, type AuditLine } from './audit-log';

type Problem = NonNullable<AuditChainReport['problem']>;

/** A chained record that checked out, and where it lies. */
interface Checked extends ChainLink {
  line: number;
}

/**
 * Follows a file's hash chain line by line and names the first place it breaks:
 * - changed: a record's bytes no longer give its hash; a record whose successor names another hash
 *   (it was edited and its hash recomputed); a damaged line where a record is missing; a record
 *   without the chain after the chain began;
 * - reordered: a record whose number comes later (or earlier) than the one due, when the one due
 *   turns up further down the file;
 * - removed: a record whose number comes later than the one due, when the one due never turns up.
 * Lines that are not a record but leave no gap (torn by a crash; the writer continued from the
 * record before) are reported as damaged, not as a break. A last line removed is not detectable
 * from the file alone, nor a file rewritten from some line on with its hashes recomputed.
 */
export class AuditChainCheck {
  private lineNumber = 0;
  private records = 0;
  private unchained = 0;
  private readonly damagedLines: number[] = [];
  private last: Checked | undefined;
  /** The first damaged line since the last good record. */
  private damagedSinceLast: number | undefined;
  /** A record came too early; whether the one due turns up later decides between reordered and removed. */
  private gap: { line: number; dueSeq: number } | undefined;
  private problem: Problem | undefined;

  add(line: AuditLine, bytes: Buffer): void {
    const number = ++this.lineNumber;
    if (line.kind === 'blank') return;
    if (line.kind === 'damaged') {
      this.damagedLines.push(number);
      this.damagedSinceLast ??= number;
      return;
    }
    this.records++;
    const { record } = line;
    if (this.problem) return;
    if (this.gap) {
      if (record.v === 2 && record.seq === this.gap.dueSeq) this.problem = { kind: 'reordered', line: this.gap.line };
      return;
    }
    if (record.v === 1) {
      if (this.last) this.problem = { kind: 'changed', line: number };
      else this.unchained++;
      return;
    }
    if (expectedLineHash(bytes) !== record.hash) {
      this.problem = { kind: 'changed', line: number };
      return;
    }
    const dueSeq = (this.last?.seq ?? 0) + 1;
    if (record.seq === dueSeq) {
      if (record.prev === (this.last?.hash ?? CHAIN_START)) {
        this.last = { seq: record.seq, hash: record.hash, line: number };
        this.damagedSinceLast = undefined;
      } else {
        // The record before was edited and rehashed (or, at the start, this one was).
        this.problem = { kind: 'changed', line: this.last?.line ?? number };
      }
    } else if (this.damagedSinceLast !== undefined) {
      this.problem = { kind: 'changed', line: this.damagedSinceLast };
    } else if (record.seq > dueSeq) {
      this.gap = { line: number, dueSeq };
    } else {
      this.problem = { kind: 'reordered', line: number };
    }
  }

  /** The report, once every line was added; `unfinished` when bytes after the last line are not yet a line. */
  finish(unfinished = false): AuditChainReport {
    const damagedLines = unfinished ? [...this.damagedLines, this.lineNumber + 1] : [...this.damagedLines];
    const problem = this.problem ?? (this.gap ? { kind: 'removed' as const, line: this.gap.line } : undefined);
    return { records: this.records, unchained: this.unchained, damagedLines, ...(problem ? { problem } : {}) };
  }
}

/** Checks the chain of the log at `path` as it is now (streamed, in bounded memory); a log that does not exist yet is empty. */
export async function verifyAuditLog(path: string): Promise<AuditChainReport> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return new AuditChainCheck().finish();
  }
  try {
    const check = new AuditChainCheck();
    const { size } = await file.stat();
    const { unfinished } = await readAuditLines(file, 0, size, (line, bytes) => check.add(line, bytes));
    return check.finish(unfinished);
  } finally {
    await file.close();
  }
}
