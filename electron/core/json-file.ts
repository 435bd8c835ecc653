import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import type { FileProblem } from '../../shared/file-problem';

// The one owner of every JSON file in the data dir: validated on load, written whole (temporary file,
// fsync, rename) with owner-only permissions, one write at a time per file, and a damaged file
// moved aside and reported instead of silently replaced by defaults.

/** Owner-only: the data dir holds the audit trail, saved connections and the demo's users. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const LEFTOVER_AGE_MS = 60_000;

/** What reading found. `problem` says what was wrong and where the file went (the page words it). */
export interface JsonRead<T> {
  /** Undefined when there is no file, or it was damaged. */
  value: T | undefined;
  /** Set when the file existed but could not be used. */
  problem?: FileProblem;
  /** Where a damaged file was moved, when it could be moved. */
  movedTo?: string;
}

export interface JsonFileOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** Which file it is, named in its problems. */
  file: FileProblem['file'];
  /**
   * What to do with a damaged file: move it aside (the default: the caller starts afresh and says so),
   * or leave it where it is (the caller refuses to go on, naming it: the demo's pool files, where
   * starting afresh would silently lose a pool).
   */
  whenDamaged?: 'move-aside' | 'leave';
  /**
   * For files that hold dates: `revive` turns the parsed JSON into what the schema checks, in place
   * (one walk after JSON.parse is about twice as quick as a reviver on files of tens of megabytes); it
   * may throw to refuse a value. `replacer` is passed to JSON.stringify.
   */
  revive?: (parsed: unknown) => void;
  replacer?: (this: unknown, key: string, value: unknown) => unknown;
  /** Spaces of indentation; 0 for large files. Default 2. */
  indent?: number;
  /**
   * Writes every character beyond ASCII as a \u escape. V8 holds text of ASCII alone in one byte per
   * character and any other text in two, so a large file reads back in half the memory (a pool of
   * 50,000 users: about 80 MB less at its peak, which the process keeps).
   */
  asciiOnly?: boolean;
}

export interface JsonFile<T> {
  readonly path: string;
  read(): Promise<JsonRead<T>>;
  /** For start-up code that must decide before anything asynchronous runs (window placement). */
  readSync(): JsonRead<T>;
  /** Validates, then replaces the file whole. Rejects (and changes nothing) on a value the schema refuses. */
  write(value: T): Promise<void>;
  writeSync(value: T): void;
}

/** A file problem in English, for the diagnostic log and a terminal (the page words it in the operator's language). */
export function describeFileProblem({ file, path, reason, errno, where, movedTo }: FileProblem): string {
  const why = { empty: 'it is empty', 'not-json': 'it is not valid JSON', invalid: `its content is not valid${where ? ` (${where})` : ''}`, unreadable: `it could not be read (${errno ?? 'error'})` }[reason];
  return `The ${file} file ${path} could not be used: ${why}${movedTo ? `; it was moved to ${movedTo}` : ''}.`;
}

const BEYOND_ASCII = /[\u{80}-\u{10FFFF}]/gu;
/** A UTF-16 code unit as JSON's \uXXXX (a character outside the BMP becomes its two surrogates, as JSON allows). */
function escapeCharacter(character: string): string {
  return character
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

export function jsonFile<T>({ path, schema, file, whenDamaged = 'move-aside', revive, replacer, indent = 2, asciiOnly = false }: JsonFileOptions<T>): JsonFile<T> {
  type Damage = Pick<FileProblem, 'reason' | 'where'>;
  function interpret(text: string): { ok: true; value: T } | { ok: false; damage: Damage } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { ok: false, damage: { reason: text.trim() === '' ? 'empty' : 'not-json' } };
    }
    try {
      revive?.(raw);
    } catch (error) {
      // Well-formed JSON holding a value the file's reviving refused.
      return { ok: false, damage: { reason: 'invalid', where: (error as Error).message.slice(0, 400) } };
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { ok: true, value: parsed.data };
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => issue.path.join('.') || '(top level)')
      .join(', ');
    return { ok: false, damage: { reason: 'invalid', where } };
  }

  const asidePath = () => `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const damaged = (damage: Damage, movedTo: string | undefined): JsonRead<T> => ({
    value: undefined,
    problem: { file, path, ...damage, ...(movedTo ? { movedTo } : {}) },
    ...(movedTo ? { movedTo } : {}),
  });
  const unreadable = (error: unknown): JsonRead<T> => ({
    value: undefined,
    problem: { file, path, reason: 'unreadable', errno: (error as NodeJS.ErrnoException).code ?? 'error' },
  });

  function serialize(value: T): string {
    // Never write what could not be read back.
    const json = JSON.stringify(schema.parse(value), replacer, indent);
    return `${asciiOnly ? json.replace(BEYOND_ASCII, escapeCharacter) : json}\n`;
  }

  // Writes run one after another in call order, so an older value never lands after a newer one.
  let writing: Promise<void> = Promise.resolve();

  // A process killed mid-write (kill -9) leaves write-file-atomic's temporary file (<name>.<digits>)
  // beside the file. A live write's lasts milliseconds; one older than a minute is such a leftover.
  let swept = false;
  async function removeLeftoverTemporaryFiles(): Promise<void> {
    if (swept) return;
    swept = true;
    const folder = dirname(path);
    const pattern = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
    const names = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => pattern.test(name))
        .map(async (name) => {
          const leftover = join(folder, name);
          const { mtimeMs } = await stat(leftover);
          if (Date.now() - mtimeMs > LEFTOVER_AGE_MS) await rm(leftover, { force: true });
        })
        .map((removal) => removal.catch(() => undefined)),
    );
  }

  /** What the file's text means; a damaged file is moved aside (a rare, tiny step: done synchronously). */
  function conclude(text: string): JsonRead<T> {
    const result = interpret(text);
    if (result.ok) return { value: result.value };
    if (whenDamaged === 'leave') return damaged(result.damage, undefined);
    const aside = asidePath();
    try {
      renameSync(path, aside);
      return damaged(result.damage, aside);
    } catch {
      return damaged(result.damage, undefined);
    }
  }

  const failedRead = (error: unknown): JsonRead<T> => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? { value: undefined } : unreadable(error));

  return {
    path,
    async read() {
      await removeLeftoverTemporaryFiles();
      return readFile(path, 'utf8').then(conclude, failedRead);
    },
    readSync() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        return failedRead(error);
      }
      return conclude(text);
    },
    write(value) {
      let text: string;
      try {
        text = serialize(value);
      } catch (error) {
        return Promise.reject(error);
      }
      const run = writing.then(async () => {
        await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
        // Temporary file, fsync, rename: a crash leaves the old file or the new one, never half of one.
        await writeFileAtomic(path, text, { mode: PRIVATE_FILE_MODE });
      });
      writing = run.catch(() => undefined);
      return run;
    },
    writeSync(value) {
      const text = serialize(value);
      mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
      writeFileAtomic.sync(path, text, { mode: PRIVATE_FILE_MODE });
    },
  };
}
