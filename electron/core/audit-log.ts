import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEntry, AuditRecord, ChainedAuditRecord } from '../../shared/audit-record';
import { chainedLine, chainLinkOf, type ChainLink } from './audit-chain';

/** Where the audit log lies in the data folder. */
export const AUDIT_LOG_PATH = join('audit', 'audit-log.jsonl');

export interface AuditLog {
  /** Resolves with the record as written, only once it is on disk (written and fsynced). */
  append(entry: AuditEntry): Promise<ChainedAuditRecord>;
  close(): Promise<void>;
}

/**
 * An append-only JSON-lines file whose records form a hash chain (audit-chain.ts). Each append is
 * one write of one whole line followed by fsync, so a crash can tear at most the line being
 * written; earlier lines are never rewritten. A torn last line is fenced off with a newline before
 * the next append; readers skip (and report) it, and the chain passes over it.
 *
 * Other consoles may append to the same file: every append takes the file's lock, reads the last
 * chained record from the file itself, and continues the chain from there.
 */
export function openAuditLog(path: string): AuditLog {
  // Appends run one after another so lines never interleave and each sees the one before.
  let queue: Promise<unknown> = Promise.resolve();

  async function appendLocked(entry: AuditEntry): Promise<ChainedAuditRecord> {
    const file = await open(path, 'a+', 0o600);
    try {
      const { size } = await file.stat();
      const { line } = chainedLine(entry, await lastChainLink(file, size));
      // A crash mid-write left a line without its newline: end it, so this record starts clean.
      const fence = size > 0 && !(await endsWithNewline(file, size)) ? '\n' : '';
      await file.appendFile(`${fence}${line}\n`, 'utf8');
      await file.sync();
      return ChainedAuditRecord.parse(JSON.parse(line));
    } finally {
      await file.close();
    }
  }

  return {
    append(entry) {
      const checked = AuditEntry.safeParse(entry);
      if (!checked.success) return Promise.reject(new Error(`Not an audit record: ${checked.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`));
      const done = queue.then(async () => {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 });
        return withFileLock(`${path}.lock`, () => appendLocked(checked.data));
      });
      queue = done.catch(() => undefined);
      return done;
    },

    async close() {
      await queue;
    },
  };
}

async function endsWithNewline(file: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

// Reads back from the end this much at a time: the last record is almost always in the first read.
const TAIL_CHUNK_BYTES = 64 * 1024;

/**
 * The last chained record of the file's first `size` bytes, read backwards from the end; undefined
 * when there is none (a new file, or one written before the chain: the chain starts now).
 */
export async function lastChainLink(file: FileHandle, size: number): Promise<ChainLink | undefined> {
  let end = size;
  // The start of a line whose beginning lies in a chunk not read yet.
  let carry = Buffer.alloc(0);
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(end - start);
    const { bytesRead } = await file.read(chunk, 0, chunk.length, start);
    const bytes = Buffer.concat([chunk.subarray(0, bytesRead), carry]);
    let lineEnd = bytes.length;
    for (;;) {
      // (lastIndexOf with -1 would search from the end again: a chunk that starts with a newline looped forever.)
      const newline = lineEnd > 0 ? bytes.lastIndexOf(0x0a, lineEnd - 1) : -1;
      // Before the first newline of a chunk, the line may begin in the chunk before.
      if (newline === -1 && start > 0) break;
      const link = chainLinkOf(bytes.subarray(newline + 1, lineEnd));
      if (link) return link;
      if (newline === -1) return undefined;
      lineEnd = newline;
    }
    carry = Buffer.from(bytes.subarray(0, lineEnd));
    end = start;
  }
  return undefined;
}

// The lock another console holds is normally held for one write and fsync: a few milliseconds.
const LOCK_WAIT_MS = 15_000;
// A lock this old is left over from a console that died holding it (or whose clock jumped).
const LOCK_STALE_MS = 30_000;
// The owner is written the moment the lock is created: an empty lock this old never will be.
const LOCK_UNWRITTEN_STALE_MS = 2_000;

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

/** The locks this process holds now, by token: a lock naming this process but none of these was left by an earlier one with the same pid. */
const heldHere = new Set<string>();

/**
 * Runs `use` while holding a lock file that every console appending to the log takes: created
 * exclusively, removed after. One left by a console killed while holding it (its process is gone,
 * or it is older than LOCK_STALE_MS) is broken, by moving it aside and checking that what was moved
 * is the one found stale.
 */
export async function withFileLock<T>(lockPath: string, use: () => Promise<T>): Promise<T> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID() };
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const lock = await open(lockPath, 'wx', 0o600);
      try {
        await lock.writeFile(JSON.stringify(owner));
      } finally {
        await lock.close();
      }
      heldHere.add(owner.token);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await breakIfStale(lockPath)) continue;
    if (Date.now() > giveUpAt) throw new Error(`The audit log is locked by another console (${lockPath}).`);
    await sleep(Math.min(2 + attempt * 2, 50));
  }
  try {
    return await use();
  } finally {
    heldHere.delete(owner.token);
    await unlink(lockPath).catch(() => undefined);
  }
}

async function breakIfStale(lockPath: string): Promise<boolean> {
  let found: string;
  let modified: number;
  try {
    [found, modified] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath).then((s) => s.mtimeMs)]);
  } catch {
    return true; // gone meanwhile: try again at once
  }
  if (!isStale(found, modified)) return false;
  const aside = `${lockPath}.${randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return true;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  // Another console took the lock between our read and the move: give it back.
  if (moved !== found) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return true;
}

function isStale(content: string, modified: number): boolean {
  if (Date.now() - modified > LOCK_STALE_MS) return true;
  let owner: Partial<LockOwner>;
  try {
    owner = JSON.parse(content) as Partial<LockOwner>;
  } catch {
    // Being written right now, or left without its owner by a console killed between creating and writing it.
    return Date.now() - modified > LOCK_UNWRITTEN_STALE_MS;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  if (owner.pid === process.pid) return !heldHere.has(owner.token ?? '');
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists (another account's).
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Where a line lies in the file, without its newline. */
export interface LineLocation {
  offset: number;
  length: number;
}

/** One line of the log as read: an intact record, a blank line, or a damaged one (torn by a crash, edited by hand). */
export type AuditLine = LineLocation & ({ kind: 'record'; record: AuditRecord } | { kind: 'blank' } | { kind: 'damaged' });

// Reads large enough to stream a long log quickly, small enough to keep memory flat.
const SCAN_CHUNK_BYTES = 1024 * 1024;
// Page lines closer together than this are read in one go: one read beats many small ones.
const MAX_GAP_BYTES = 64 * 1024;
const MAX_READ_BYTES = 1024 * 1024;

/**
 * Streams the whole lines between byte `start` and `end` of the log to `onLine` (with the line's
 * bytes, valid only during the call), one chunk at a time, so a log of any size is read in bounded
 * memory. Returns where the last whole line ends,
 * and whether bytes follow it that are not (yet) a line: a torn write, or another writer's line
 * half on disk.
 */
export async function readAuditLines(
  file: FileHandle,
  start: number,
  end: number,
  onLine: (line: AuditLine, bytes: Buffer) => void,
): Promise<{ end: number; unfinished: boolean }> {
  const chunk = Buffer.allocUnsafe(SCAN_CHUNK_BYTES);
  // The start of a line that an earlier chunk cut off, and where it lies in the file.
  let carry = Buffer.alloc(0);
  let carryOffset = start;
  let position = start;
  while (position < end) {
    const { bytesRead } = await file.read(chunk, 0, Math.min(SCAN_CHUNK_BYTES, end - position), position);
    if (bytesRead === 0) break; // the file shrank meanwhile; the next look at it rebuilds
    position += bytesRead;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let lineStart = 0;
    let newline: number;
    while ((newline = bytes.indexOf(0x0a, lineStart)) !== -1) {
      onLine(describeLine(bytes.toString('utf8', lineStart, newline), carryOffset + lineStart, newline - lineStart), bytes.subarray(lineStart, newline));
      lineStart = newline + 1;
    }
    carry = Buffer.from(bytes.subarray(lineStart)); // a copy: the chunk is reused
    carryOffset += lineStart;
  }
  return { end: carryOffset, unfinished: carry.toString('utf8').trim() !== '' };
}

/**
 * Reads the records at these places, in as few reads as their closeness allows, in the order
 * given; undefined where the bytes there are not (or no longer) a valid record.
 */
export async function readAuditRecordsAt(file: FileHandle, locations: readonly LineLocation[]): Promise<(AuditRecord | undefined)[]> {
  const records = new Array<AuditRecord | undefined>(locations.length).fill(undefined);
  for (const { start, end, lines } of planReads(locations)) {
    const bytes = Buffer.allocUnsafe(end - start);
    const { bytesRead } = await file.read(bytes, 0, bytes.length, start);
    for (const { offset, length, slot } of lines) {
      const from = offset - start;
      records[slot] = from + length <= bytesRead ? parseAuditLine(bytes.toString('utf8', from, from + length)) : undefined;
    }
  }
  return records;
}

interface PlannedRead {
  start: number;
  end: number;
  /** The lines it covers, with their place in the caller's list. */
  lines: (LineLocation & { slot: number })[];
}

function planReads(locations: readonly LineLocation[]): PlannedRead[] {
  const reads: PlannedRead[] = [];
  const inFileOrder = locations.map(({ offset, length }, slot) => ({ offset, length, slot })).sort((a, b) => a.offset - b.offset);
  for (const line of inFileOrder) {
    const end = line.offset + line.length;
    const current = reads.at(-1);
    if (current && line.offset - current.end <= MAX_GAP_BYTES && end - current.start <= MAX_READ_BYTES) {
      current.lines.push(line);
      current.end = Math.max(current.end, end);
    } else {
      reads.push({ start: line.offset, end, lines: [line] });
    }
  }
  return reads;
}

function describeLine(text: string, offset: number, length: number): AuditLine {
  if (text.trim() === '') return { offset, length, kind: 'blank' };
  const record = parseAuditLine(text);
  return record ? { offset, length, kind: 'record', record } : { offset, length, kind: 'damaged' };
}

/** The record a line holds, or undefined when it is not valid JSON or not a valid record. */
function parseAuditLine(text: string): AuditRecord | undefined {
  const parsed = safeJson(text);
  if (parsed === undefined) return undefined;
  const record = AuditRecord.safeParse(parsed);
  return record.success ? record.data : undefined;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
