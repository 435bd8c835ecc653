import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FileProblem } from '../../shared/file-problem';
import { RecoveryDeskError } from '../core/errors';
import { jsonFile, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, type JsonFile } from '../core/json-file';
import { UserIndex, type IndexedUser } from './user-index';

// cognito-local's data store (its DataStoreFactory and DataStore interfaces; the adapter plugs this
// in), made durable. Its own, StormDB, truncates a file and rewrites it in place, so a crash mid-write
// left it empty or torn, and it reads an empty file as no data, so the pool came back as defaults.
// Here each file is held in memory and written whole through jsonFile (temporary file, fsync, rename)
// before the change that caused the write resolves; one writer per file, and the changes made while a
// write runs share the next one, so parallel calls cost a few writes, not one each. Opening an
// existing file never writes it. A damaged file stops the demo, named. A pool's file (one holding
// Users) also keeps a UserIndex, told of every change to a user before and after it is made.

/** A property name, or a path of them: "Options", ["Users", "alice"]. */
type DataKey = string | string[];
type DataRoot = Record<string, unknown>;

export class DurableDataStoreFactory {
  // One store, so one writer, per file.
  private readonly stores = new Map<string, Promise<DurableDataStore>>();
  private folder: Promise<void> | undefined;

  constructor(private readonly directory: string) {}

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
      // Compact: pools reach tens of thousands of users, and each batch of changes rewrites the file whole.
      indent: 0,
      asciiOnly: true,
    });
    const { value, problem } = await file.read();
    if (problem) throw demoUnavailable(problem, this.directory);
    if (value) {
      await chmod(file.path, PRIVATE_FILE_MODE);
      return new DurableDataStore(value, file);
    }
    const root = structuredClone(defaults) as DataRoot;
    await file.write(root);
    return new DurableDataStore(root, file);
  }
}

export class DurableDataStore {
  /** Pool files only: the indexes over root.Users, for lookups that copy only what they return. */
  readonly users: UserIndex | undefined;
  /** The write now running (settled: never rejects), after which the next one may start. */
  private written: Promise<void> = Promise.resolve();
  /** The next write, not yet started: every change made before it starts rides on it. */
  private queued: Promise<void> | undefined;

  constructor(
    private readonly root: DataRoot,
    private readonly file: JsonFile<DataRoot>,
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

  /** Resolves once the change is on disk. */
  async set<T>(_context: unknown, key: DataKey, value: T): Promise<void> {
    const { parent, last } = this.locate(key, true);
    if (!parent) throw new Error(`Cannot set ${pathOf(key).join('.')}: a part on the way is not an object.`);
    this.changeIndexed(key, () => setOwn(parent, last, copyOf(value)));
    return this.persist();
  }

  /** Resolves once the change is on disk. */
  async delete(_context: unknown, key: DataKey): Promise<void> {
    const { parent, last } = this.locate(key, false);
    if (!parent || !Object.hasOwn(parent, last)) return this.flush();
    this.changeIndexed(key, () => Reflect.deleteProperty(parent, last));
    return this.persist();
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
      const write = this.file.write(this.root);
      this.written = write.catch(() => undefined);
      return write;
    });
    return this.queued;
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
