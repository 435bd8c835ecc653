import { foldCase, type ListUsersFilter } from './list-users-filter';

// Indexes over a pool's users, so that a lookup or a page costs about the same at 50,000 users as at
// 1,000: usernames in order (paging resumes by binary search), and sorted keys per searchable
// attribute (exact and prefix matches by binary search). The data store keeps them current on every
// write (forget before a record changes, learn after). Built on first use, so a start reads the file
// and nothing more. Records are read in place and never changed here; callers copy what they return.

/** A user record as stored: only the fields the indexes and filters read. */
export interface IndexedUser {
  Username: string;
  Attributes?: readonly { Name: string; Value?: string }[];
}

/** What can be looked up by key: the attributes ListUsers searches and sign-in resolves, and usernames without case. */
export type IndexedField = 'folded_username' | 'sub' | 'email' | 'phone_number' | 'preferred_username' | 'name' | 'given_name' | 'family_name';

const ATTRIBUTE_FIELDS: ReadonlySet<string> = new Set<IndexedField>(['sub', 'email', 'phone_number', 'preferred_username', 'name', 'given_name', 'family_name']);

// A key entry is "<folded value>\u0000<username>": sorted, equal values sit together, ordered by username.
// Usernames cannot hold control characters (Cognito's pattern is letters, marks, symbols, numbers and
// punctuation), so the last separator always splits an entry.
const SEPARATOR = '\u0000';

export class UserIndex {
  /** Sorted; undefined until first needed. */
  private ordered: string[] | undefined;
  private readonly keys = new Map<IndexedField, string[]>();

  /** `records` is the live Users map the data store holds. */
  constructor(private readonly records: () => Readonly<Record<string, IndexedUser>>) {}

  /** The record in place (read-only), or undefined. */
  record(username: string): IndexedUser | undefined {
    const records = this.records();
    return Object.hasOwn(records, username) ? records[username] : undefined;
  }

  /** Call before the record of `username` changes or goes. */
  forget(username: string): void {
    this.eachEntryOf(username, removeSorted);
  }

  /** Call after the record of `username` was added or changed. */
  learn(username: string): void {
    this.eachEntryOf(username, insertSorted);
  }

  /** Call when the whole Users map was replaced. */
  reset(): void {
    this.ordered = undefined;
    this.keys.clear();
  }

  /** Usernames (unsorted) whose field equals, or starts with, `folded` (already case-folded). */
  lookUp(field: IndexedField, folded: string, match: 'equal' | 'prefix'): string[] {
    const entries = this.keysOf(field);
    const start = match === 'equal' ? folded + SEPARATOR : folded;
    const found: string[] = [];
    for (let at = lowerBound(entries, start); at < entries.length; at += 1) {
      const entry = entries[at] as string;
      if (!entry.startsWith(start)) break;
      const separator = entry.lastIndexOf(SEPARATOR);
      // A prefix must fall within the value, not run on into the separator and the username.
      if (match === 'prefix' && separator < start.length) continue;
      found.push(entry.slice(separator + 1));
    }
    return found;
  }

  /**
   * One page of ListUsers: the usernames after `after` (code-unit order) that match the filter, at
   * most `limit`, and whether more follow. Indexed attributes narrow the candidates first; the filter's
   * own test decides, so the index can only make it faster, never change the answer.
   */
  page(filter: ListUsersFilter | undefined, after: string | undefined, limit: number): { usernames: string[]; more: boolean } {
    const matches = (username: string) => {
      const user = this.record(username);
      return user !== undefined && (filter === undefined || filter.matches(user as unknown as Record<string, unknown>));
    };
    const ordered = this.orderedNames();
    const found: string[] = [];
    const collect = (candidates: Iterable<string>) => {
      for (const username of candidates) {
        if (!matches(username)) continue;
        if (found.length === limit) return true;
        found.push(username);
      }
      return false;
    };
    const from = after === undefined ? 0 : upperBound(ordered, after);
    let more: boolean;
    if (filter === undefined || filter.attribute === 'cognito:user_status' || filter.attribute === 'status') {
      more = collect(walk(ordered, from, () => true));
    } else if (filter.attribute === 'username') {
      // Case-sensitive: the range of usernames starting with the value, from where the last page ended.
      const start = Math.max(from, lowerBound(ordered, filter.wanted));
      const exact = filter.operator === '=';
      more = collect(walk(ordered, start, (username) => (exact ? username === filter.wanted : username.startsWith(filter.wanted))));
    } else {
      // Keys are folded; sub (compared exactly) is folded here too, and the filter's test keeps it exact.
      const candidates = this.lookUp(filter.attribute, foldCase(filter.wanted), filter.operator === '=' ? 'equal' : 'prefix');
      // Many candidates (a short prefix): walking the usernames in order finds a page sooner than sorting them all.
      if (candidates.length * candidates.length > (limit + 1) * ordered.length) more = collect(walk(ordered, from, () => true));
      else more = collect(candidates.filter((username) => after === undefined || username > after).sort(byCodeUnits));
    }
    return { usernames: found, more };
  }

  /** The first username, in order, whose record passes `test`. */
  find(test: (user: IndexedUser) => boolean): string | undefined {
    return this.orderedNames().find((username) => {
      const user = this.record(username);
      return user !== undefined && test(user);
    });
  }

  /** Applies `change` to each index's entry for the user's record as it is now. */
  private eachEntryOf(username: string, change: (sorted: string[], entry: string) => void): void {
    const user = this.record(username);
    if (!user) return;
    if (this.ordered) change(this.ordered, username);
    for (const [field, entries] of this.keys) {
      for (const value of valuesOf(user, field)) change(entries, entryOf(value, username));
    }
  }

  private orderedNames(): string[] {
    this.ordered ??= Object.keys(this.records()).sort(byCodeUnits);
    return this.ordered;
  }

  private keysOf(field: IndexedField): string[] {
    let entries = this.keys.get(field);
    if (!entries) {
      entries = [];
      for (const [username, user] of Object.entries(this.records())) {
        for (const value of valuesOf(user, field)) entries.push(entryOf(value, username));
      }
      entries.sort(byCodeUnits);
      this.keys.set(field, entries);
    }
    return entries;
  }
}

/** Attributes compared without case are indexed folded; the caller's own test decides case-sensitive matches. */
function valuesOf(user: IndexedUser, field: IndexedField): string[] {
  if (field === 'folded_username') return [foldCase(user.Username)];
  if (!ATTRIBUTE_FIELDS.has(field)) return [];
  const values: string[] = [];
  for (const attribute of user.Attributes ?? []) {
    if (attribute.Name === field && typeof attribute.Value === 'string') values.push(foldCase(attribute.Value));
  }
  return values;
}

function entryOf(value: string, username: string): string {
  return value + SEPARATOR + username;
}

function* walk(ordered: readonly string[], from: number, inRange: (username: string) => boolean): Generator<string> {
  for (let at = from; at < ordered.length; at += 1) {
    const username = ordered[at] as string;
    if (!inRange(username)) return;
    yield username;
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position whose entry is ≥ `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first position whose entry is > `value`. */
function upperBound(sorted: readonly string[], value: string): number {
  const at = lowerBound(sorted, value);
  return sorted[at] === value ? at + 1 : at;
}

function insertSorted(sorted: string[], value: string): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] !== value) sorted.splice(at, 0, value);
}

function removeSorted(sorted: string[], value: string): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}
