import { chmod, mkdir, open, readFile, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FileProblem } from '../../shared/file-problem';
import { RecoveryDeskError } from '../core/errors';
import { jsonFile, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, toAsciiJson, type JsonFile } from '../core/json-file';
import { UserIndex, type IndexedUser } from './user-index';

// cognito-local's data store (its DataStoreFactory and DataStore interfaces; the adapter plugs this
// in), made durable. Its own, StormDB, truncates a file and rewrites it in place, so a crash mid-write
// left it empty or torn, and it reads an empty file as no data, so the pool came back as defaults.
// Here each file is held in memory, and a change resolves only once it is on disk. One writer per
// file; the changes made while a write runs share the next one, so parallel calls cost a few writes,
// not one each. A small file is written whole through jsonFile (temporary file, fsync, rename). A large
// one (a pool of thousands of users) would cost a rewrite of megabytes per change, so its changes are
// appended to <id>.journal (one JSON line each, fsynced) and the file is written whole again, and the
// journal removed, once the journal reaches half the file's size. Opening reads the file and replays
// the journal; it never writes either (but for cutting off a last line a crash left unfinished). A
// damaged file stops the demo, named. A pool's file (one holding Users) also keeps a UserIndex, told of
// every change to a user before and after it is made.

/** A property name, or a path of them: "Options", ["Users", "alice"]. */
type DataKey = string | string[];
type DataRoot = Record<string, unknown>;
/** One change, as a journal line holds it. */
const ChangeLine = z.union([z.strictObject({ set: z.array(z.string()).min(1), value: z.unknown() }), z.strictObject({ delete: z.array(z.string()).min(1) })]);
type Change = z.infer<typeof ChangeLine>;

/** Files at least this large get their changes appended to a journal rather than written whole. */
const APPEND_FROM_BYTES = 1024 * 1024;

export interface DurableDataStoreOptions {
  /** Default 1 MiB; tests lower it to exercise the journal with small files. */
  appendFromBytes?: number;
}

export class DurableDataStoreFactory {
  // One store, so one writer, per file.
  private readonly stores = new Map<string, Promise<DurableDataStore>>();
  private folder: Promise<void> | undefined;

  constructor(
    private readonly directory: string,
    private readonly options: DurableDataStoreOptions = {},
  ) {}

  /**
   * The store of `<directory>/<id>.json`. A missing file is created holding `defaults`; a file that
   * cannot be read, or lacks one of the defaults' top-level entries, fails with DemoUnavailable.
   */
  create(_context: unknown, id: string, defaults: object): Promise<DurableDataStore> {
    let store = this.stores.get(id);
    if (!store) {
      store = this.open(id, defaults);
      this.stores.set(id, store);
    }
    return store;
  }

  /** Resolves once every write asked for so far, in every file, has finished. */
  async flush(): Promise<void> {
    const stores = await Promise.allSettled(this.stores.values());
    await Promise.all(stores.map((store) => (store.status === 'fulfilled' ? store.value.flush() : undefined)));
  }

  private async open(id: string, defaults: object): Promise<DurableDataStore> {
    // Folders and files from before this store (StormDB's) were readable by everyone: tighten them.
    this.folder ??= mkdir(this.directory, { recursive: true, mode: PRIVATE_DIR_MODE }).then(() => chmod(this.directory, PRIVATE_DIR_MODE));
    await this.folder;
    const file = jsonFile<DataRoot>({
      path: join(this.directory, `${id}.json`),
      schema: rootHolding(defaults),
      file: 'demo-data',
      whenDamaged: 'leave',
      revive: reviveDates,
      replacer: serializeDates,
      // Compact: pools reach tens of thousands of users, and the file is still written whole now and then.
      indent: 0,
      asciiOnly: true,
    });
    const journal = new Journal(journalPath(this.directory, id));
    const appendFrom = this.options.appendFromBytes ?? APPEND_FROM_BYTES;
    const { value, problem } = await file.read();
    if (problem) throw demoUnavailable(problem, this.directory);
    if (value) {
      await chmod(file.path, PRIVATE_FILE_MODE);
      const store = new DurableDataStore(value, file, journal, (await stat(file.path)).size, appendFrom);
      const replayed = await journal.read();
      if ('problem' in replayed) throw demoUnavailable(replayed.problem, this.directory);
      const refused = store.replay(replayed.changes);
      if (refused) throw demoUnavailable({ file: 'demo-data', path: journal.path, reason: 'invalid', where: refused }, this.directory);
      return store;
    }
    // A journal left without its file (the pool was deleted) belongs to no data here.
    await journal.clear();
    const root = structuredClone(defaults) as DataRoot;
    await file.write(root);
    return new DurableDataStore(root, file, journal, (await stat(file.path)).size, appendFrom);
  }
}

/** Where the changes to `<directory>/<id>.json` not yet written into it are; whoever replaces that file removes this one first. */
export function journalPath(directory: string, id: string): string {
  return join(directory, `${id}.journal`);
}

/** The changes appended to a large file's journal since it was last written whole. */
class Journal {
  /** Its size now: appends add to it, a whole write of the file empties it. */
  bytes = 0;

  constructor(readonly path: string) {}

  /**
   * The changes, in order. A last line without its newline is a write a crash cut short: it was never
   * acknowledged, so it is dropped, and cut from the file so the next append starts a line of its own.
   */
  async read(): Promise<{ changes: Change[] } | { problem: FileProblem }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { changes: [] };
      return { problem: { file: 'demo-data', path: this.path, reason: 'unreadable', errno: (error as NodeJS.ErrnoException).code ?? 'error' } };
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete.length < text.length) await truncate(this.path, Buffer.byteLength(complete));
    this.bytes = Buffer.byteLength(complete);
    const changes: Change[] = [];
    for (const [at, line] of complete.split('\n').slice(0, -1).entries()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return { problem: { file: 'demo-data', path: this.path, reason: 'invalid', where: `line ${at + 1} is not JSON` } };
      }
      const change = ChangeLine.safeParse(parsed);
      if (!change.success) return { problem: { file: 'demo-data', path: this.path, reason: 'invalid', where: `line ${at + 1} is not a change` } };
      changes.push(change.data);
    }
    return { changes };
  }

  /** Resolves once the lines are on disk (fsync). */
  async append(lines: readonly string[]): Promise<void> {
    const text = `${lines.join('\n')}\n`;
    const handle = await open(this.path, 'a', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.bytes += Buffer.byteLength(text);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    this.bytes = 0;
  }
}

export class DurableDataStore {
  /** Pool files only: the indexes over root.Users, for lookups that copy only what they return. */
  readonly users: UserIndex | undefined;
  /** The write now running (settled: never rejects), after which the next one may start. */
  private written: Promise<void> = Promise.resolve();
  /** The next write, not yet started: every change made before it starts rides on it. */
  private queued: Promise<void> | undefined;
  /** The changes the next write carries, as journal lines. */
  private unwritten: string[] = [];
  /** After a failed append the journal may lack a change memory holds: the next write is whole. */
  private mustWriteWhole = false;

  constructor(
    private readonly root: DataRoot,
    private readonly file: JsonFile<DataRoot>,
    private readonly journal: Journal,
    /** The file's size when it was last written whole. */
    private wholeBytes: number,
    private readonly appendFromBytes: number,
  ) {
    if (isRecord(root.Users)) this.users = new UserIndex(() => (isRecord(root.Users) ? (root.Users as Record<string, IndexedUser>) : {}));
  }

  // Values are copied in and out, so the memory changes only through set and delete: what callers
  // were told is what gets written.
  get<T>(context: unknown, key: DataKey): Promise<T | null>;
  get<T>(context: unknown, key: DataKey, defaultValue: T): Promise<T>;
  async get<T>(_context: unknown, key: DataKey, defaultValue?: T): Promise<T | null> {
    const found = pathOf(key).reduce<unknown>((node, part) => (isRecord(node) && Object.hasOwn(node, part) ? node[part] : undefined), this.root);
    return found === undefined || found === null ? (defaultValue ?? null) : (copyOf(found) as T);
  }

  async getRoot<T>(_context: unknown): Promise<T | null> {
    return copyOf(this.root) as T;
  }

  /** Resolves once the change is on disk. A value that could not be written back (a "…Date" that is no Date) is refused and changes nothing. */
  async set<T>(_context: unknown, key: DataKey, value: T): Promise<void> {
    const line = journalLine({ set: pathOf(key), value });
    this.apply({ set: pathOf(key), value });
    this.unwritten.push(line);
    return this.persist();
  }

  /** Resolves once the change is on disk. */
  async delete(_context: unknown, key: DataKey): Promise<void> {
    if (!this.apply({ delete: pathOf(key) })) return this.flush();
    this.unwritten.push(journalLine({ delete: pathOf(key) }));
    return this.persist();
  }

  /** Applies the journal's changes at open; returns what was wrong with one that cannot be applied. */
  replay(changes: readonly Change[]): string | undefined {
    for (const [at, change] of changes.entries()) {
      try {
        if ('set' in change) {
          // Dates come back as text, as in the file: revived the same way, keyed by their own name.
          const holder: DataRoot = {};
          setOwn(holder, change.set.at(-1) ?? '', change.value);
          reviveDates(holder);
          this.apply({ set: change.set, value: Object.values(holder)[0] });
        } else this.apply(change);
      } catch (error) {
        return `line ${at + 1}: ${(error as Error).message}`;
      }
    }
    return undefined;
  }

  /** Makes one change in memory; false when a delete found nothing to delete. */
  private apply(change: Change): boolean {
    if ('set' in change) {
      const { parent, last } = this.locate(change.set, true);
      if (!parent) throw new Error(`Cannot set ${change.set.join('.')}: a part on the way is not an object.`);
      this.changeIndexed(change.set, () => setOwn(parent, last, copyOf(change.value)));
      return true;
    }
    const { parent, last } = this.locate(change.delete, false);
    if (!parent || !Object.hasOwn(parent, last)) return false;
    this.changeIndexed(change.delete, () => Reflect.deleteProperty(parent, last));
    return true;
  }

  /** Makes a change, keeping the user index current: one user's entries, or all of them if Users itself changes. */
  private changeIndexed(key: DataKey, change: () => void): void {
    const [top, username] = pathOf(key);
    if (!this.users || top !== 'Users') return void change();
    if (username === undefined) {
      change();
      this.users.reset();
      return;
    }
    this.users.forget(username);
    change();
    this.users.learn(username);
  }

  /** Resolves once every write asked for so far has finished (a failed one has already failed its callers). */
  flush(): Promise<void> {
    return this.queued?.catch(() => undefined) ?? this.written;
  }

  private persist(): Promise<void> {
    // One write at a time, in order; the changes made while one runs share the next.
    this.queued ??= this.written.then(() => {
      this.queued = undefined;
      const lines = this.unwritten;
      this.unwritten = [];
      const write = this.write(lines);
      this.written = write.catch(() => undefined);
      return write;
    });
    return this.queued;
  }

  /** Appends the lines to the journal, or writes the file whole (and empties the journal) when that is due. */
  private async write(lines: readonly string[]): Promise<void> {
    const appended = lines.reduce((bytes, line) => bytes + line.length + 1, 0);
    const append = !this.mustWriteWhole && this.wholeBytes >= this.appendFromBytes && this.journal.bytes + appended <= this.wholeBytes / 2;
    try {
      if (append) return await this.journal.append(lines);
      await this.file.write(this.root);
      this.wholeBytes = (await stat(this.file.path)).size;
      this.mustWriteWhole = false;
      // A crash before this leaves changes the file already holds in the journal: replayed, they change nothing.
      await this.journal.clear();
    } catch (error) {
      this.mustWriteWhole = true;
      throw error;
    }
  }

  /** The object holding the key's last part; with `create`, missing objects on the way are added, as StormDB did. */
  private locate(key: DataKey, create: boolean): { parent: DataRoot | undefined; last: string } {
    const path = pathOf(key);
    const last = path.pop();
    if (last === undefined) throw new Error('A data store key needs at least one part.');
    let parent: DataRoot = this.root;
    for (const part of path) {
      if (create && !Object.hasOwn(parent, part)) setOwn(parent, part, {});
      const next: unknown = Object.hasOwn(parent, part) ? parent[part] : undefined;
      if (!isRecord(next)) return { parent: undefined, last };
      parent = next;
    }
    return { parent, last };
  }
}

/**
 * A deep copy of stored data. cognito-local reads the whole Users map whenever a username is not found
 * (every AdminCreateUser), so this runs over every user per call: a walk of plain objects, arrays and
 * Dates is several times quicker than structuredClone. Anything else is left to structuredClone.
 */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value instanceof Date) return new Date(value.getTime());
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: DataRoot = {};
  for (const [key, entry] of Object.entries(value)) setOwn(copy, key, copyOf(entry));
  return copy;
}

/** Sets an own property: a key of "__proto__" (a username can be anything) stays an entry, not the prototype. */
function setOwn(target: DataRoot, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function pathOf(key: DataKey): string[] {
  return Array.isArray(key) ? [...key] : [key];
}

function isRecord(value: unknown): value is DataRoot {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON object holding every top-level entry of the defaults, as an object. StormDB replaced an
 * empty file, or `{}`, by the defaults: silently losing a pool. Here that is damage.
 */
function rootHolding(defaults: object): z.ZodType<DataRoot> {
  // Checked, not parsed: z.record would copy a map of tens of thousands of users on every read and write.
  const anObject = z.custom<DataRoot>(isRecord, { message: 'Expected an object' });
  return z.looseObject(Object.fromEntries(Object.keys(defaults).map((entry) => [entry, anObject])));
}

// Dates as cognito-local's StormDB store keeps them, so existing folders read the same: every property
// whose name ends in "Date" holds a Date in memory and an ISO string (or, from older files, a number
// of milliseconds) on disk.

/** Turns, in place, every "…Date" property of the parsed file into a Date; throws on one that holds neither text nor a number. */
function reviveDates(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) reviveDates(item);
    return;
  }
  const record = node as DataRoot;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (!key.endsWith('Date')) reviveDates(value);
    else if (typeof value === 'number') record[key] = new Date(value);
    else if (typeof value === 'string') record[key] = new Date(Date.parse(value));
    else throw new Error(`${key} should hold a date, found ${value === null ? 'null' : `a ${typeof value}`}`);
  }
}

/** A change as one line of the journal: dates as ISO text, as in the file, and ASCII only. */
function journalLine(change: Change): string {
  return toAsciiJson(JSON.stringify(change, serializeDates));
}

function serializeDates(this: unknown, key: string, value: unknown): unknown {
  if (!key.endsWith('Date')) return value;
  // `value` has been through toJSON already; the holder has the Date itself.
  const date = (this as DataRoot)[key];
  if (!(date instanceof Date)) throw new Error(`${key} should hold a Date, found ${date === null ? 'null' : `a ${typeof date}`}`);
  return date.toISOString();
}

/** The demo does not start on a damaged file, so that nothing is silently lost; the folder to rename is named. */
function demoUnavailable(problem: FileProblem, directory: string): RecoveryDeskError {
  return new RecoveryDeskError('DemoUnavailable', { params: { file: problem, directory } });
}
