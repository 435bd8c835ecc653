import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditRecord } from '../../shared/audit-record';

export interface AuditLog {
  /** Resolves only once the record is on disk (written and fsynced). */
  append(record: AuditRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * An append-only JSON-lines file. Each append is one write of one whole line followed by fsync,
 * so a crash can tear at most the line being written; earlier lines are never rewritten. A torn
 * last line is fenced off with a newline before the next append; readers skip (and report) it.
 */
export function openAuditLog(path: string): AuditLog {
  let handle: Promise<FileHandle> | undefined;
  // Appends run one after another so lines never interleave.
  let queue: Promise<unknown> = Promise.resolve();

  async function openForAppend(): Promise<FileHandle> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const file = await open(path, 'a+', 0o600);
    const { size } = await file.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await file.read(last, 0, 1, size - 1);
      // A crash mid-write left a line without its newline: end it, so the next record starts clean.
      if (last[0] !== 0x0a) {
        await file.appendFile('\n');
        await file.sync();
      }
    }
    return file;
  }

  return {
    append(record) {
      const checked = AuditRecord.safeParse(record);
      if (!checked.success) return Promise.reject(new Error(`Not an audit record: ${checked.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`));
      const line = `${JSON.stringify(checked.data)}\n`;
      const done = queue.then(async () => {
        handle ??= openForAppend();
        const file = await handle;
        await file.appendFile(line, 'utf8');
        await file.sync();
      });
      queue = done.catch(() => {
        handle = undefined; // reopen on the next append rather than failing forever
      });
      return done;
    },

    async close() {
      await queue;
      const file = handle;
      handle = undefined;
      if (file) await (await file).close();
    },
  };
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
 * Streams the whole lines between byte `start` and `end` of the log to `onLine`, one chunk at a
 * time, so a log of any size is read in bounded memory. Returns where the last whole line ends,
 * and whether bytes follow it that are not (yet) a line: a torn write, or another writer's line
 * half on disk.
 */
export async function readAuditLines(file: FileHandle, start: number, end: number, onLine: (line: AuditLine) => void): Promise<{ end: number; unfinished: boolean }> {
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
      onLine(describeLine(bytes.toString('utf8', lineStart, newline), carryOffset + lineStart, newline - lineStart));
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
