import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditRecord } from '../../shared/audit-record';

/** What reading the log found: every intact record, and the lines that were not (e.g. torn by a crash). */
export interface AuditLogContents {
  records: AuditRecord[];
  /** 1-based line numbers of lines that are not a valid record. */
  damagedLines: number[];
}

export interface AuditLog {
  /** Resolves only once the record is on disk (written and fsynced). */
  append(record: AuditRecord): Promise<void>;
  read(): Promise<AuditLogContents>;
  close(): Promise<void>;
}

/**
 * An append-only JSON-lines file. Each append is one write of one whole line followed by fsync,
 * so a crash can tear at most the line being written; earlier lines are never rewritten. A torn
 * last line is fenced off with a newline before the next append and skipped (and reported) on read.
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

    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damagedLines: [] };
        throw error;
      }
      const records: AuditRecord[] = [];
      const damagedLines: number[] = [];
      text.split('\n').forEach((line, index) => {
        if (line.trim() === '') return;
        const parsed = safeJson(line);
        const record = parsed === undefined ? undefined : AuditRecord.safeParse(parsed);
        if (record?.success) records.push(record.data);
        else damagedLines.push(index + 1);
      });
      return { records, damagedLines };
    },

    async close() {
      await queue;
      const file = handle;
      handle = undefined;
      if (file) await (await file).close();
    },
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
