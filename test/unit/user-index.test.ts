import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableDataStoreFactory, type DurableDataStore } from '../../electron/emulator/durable-data-store';
import { parseListUsersFilter, type ListUsersFilter } from '../../electron/emulator/list-users-filter';
import type { UserIndex } from '../../electron/emulator/user-index';

// The indexes answer exactly what a scan of every user with the filter's own test answers: same users,
// same order, same pages. Each case is checked against that scan, before and after writes.

const ctx = {};
interface TestUser {
  Username: string;
  Enabled: boolean;
  UserStatus: string;
  Attributes: { Name: string; Value: string }[];
}

const GIVEN = ['Zoë', 'Åsa', 'Łukasz', 'María', 'José', 'Anna', 'anna', 'Émile', '王', 'Ольга', 'Σοφία', 'ann'];
const FAMILY = ['Ångström', 'García', 'Nowak', 'Müller', 'O\'Brien', 'Smith', 'Ñúñez'];
const STATUSES = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'UNCONFIRMED'];

function person(n: number): TestUser {
  const given = GIVEN[n % GIVEN.length] as string;
  const family = FAMILY[n % FAMILY.length] as string;
  const attributes = [
    { Name: 'sub', Value: `0000${n.toString(16).padStart(4, '0')}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}` },
    { Name: 'given_name', Value: given },
    { Name: 'family_name', Value: family },
    { Name: 'name', Value: `${given} ${family}` },
    // Some share an email prefix, some differ only in case, some have none.
    ...(n % 9 === 0 ? [] : [{ Name: 'email', Value: `${n % 2 === 0 ? given : given.toUpperCase()}.${n}@Example.com` }]),
    ...(n % 4 === 0 ? [{ Name: 'phone_number', Value: `+4915${String(n).padStart(8, '0')}` }] : []),
    ...(n % 5 === 0 ? [{ Name: 'preferred_username', Value: `${given}${n % 3}` }] : []),
  ];
  // Usernames in mixed case and scripts, so code-unit order and case matter.
  return { Username: `${n % 3 === 0 ? given : given.toLowerCase()}.${n}`, Enabled: n % 7 !== 0, UserStatus: STATUSES[n % STATUSES.length] as string, Attributes: attributes };
}

const FILTERS = [
  undefined,
  'username ^= "anna"',
  'username ^= "Anna"',
  'username = "ann.11"',
  'email ^= "anna"',
  'email ^= "ANNA."',
  'email = "zoë.12@example.com"',
  'email ^= "z"',
  'email ^= ""',
  'name ^= "maría g"',
  'given_name = "σοφία"',
  'family_name ^= "ñú"',
  'phone_number ^= "+4915000000"',
  'phone_number = "+491500000016"',
  'preferred_username = "anna0"',
  'sub = "0000000c-aaaa-4bbb-8ccc-000000000012"',
  'sub ^= "0000000"',
  'cognito:user_status = "force_change_password"',
  'status = "Disabled"',
  'email ^= "nobody"',
];

/** What the index must answer: every user the filter's test accepts, in code-unit order of usernames. */
function scan(users: Iterable<TestUser>, filter: ListUsersFilter | undefined): string[] {
  return [...users]
    .filter((user) => filter === undefined || filter.matches(user as unknown as Record<string, unknown>))
    .map((user) => user.Username)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every page, each resuming after the last username of the one before. */
function pageThrough(index: UserIndex, filter: ListUsersFilter | undefined, limit: number): string[] {
  const all: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 10_000; pages += 1) {
    const { usernames, more } = index.page(filter, after, limit);
    expect(usernames.length).toBeLessThanOrEqual(limit);
    all.push(...usernames);
    if (!more) return all;
    expect(usernames).toHaveLength(limit);
    after = usernames.at(-1);
  }
  throw new Error('paging never ended');
}

let dir: string;
let store: DurableDataStore;
let index: UserIndex;
const users = new Map<string, TestUser>();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'user-index-'));
  users.clear();
  for (let n = 1; n <= 400; n += 1) users.set(person(n).Username, person(n));
  const factory = new DurableDataStoreFactory(dir);
  store = await factory.create(ctx, 'us-east-1_Index', { Users: Object.fromEntries(users), Options: {} });
  if (!store.users) throw new Error('a pool file should be indexed');
  index = store.users;
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

function expectSameAsScan(): void {
  for (const text of FILTERS) {
    const filter = parseListUsersFilter(text);
    const expected = scan(users.values(), filter);
    for (const limit of [1, 7, 60]) expect(pageThrough(index, filter, limit), `${text ?? 'no filter'}, pages of ${limit}`).toEqual(expected);
  }
}

describe('UserIndex', () => {
  it('pages every filter exactly as a scan of all users would', () => {
    // Not vacuous: most filters find several users, one finds none.
    expect(scan(users.values(), parseListUsersFilter('email ^= "anna"')).length).toBeGreaterThan(20);
    expectSameAsScan();
  });

  it('stays exact through adds, changes and deletes made through the data store', async () => {
    expectSameAsScan(); // builds every index first, so the writes below must keep them current
    const changed = person(12);
    changed.Attributes = changed.Attributes.map((attribute) => (attribute.Name === 'email' ? { ...attribute, Value: 'renamed@example.com' } : attribute));
    users.set(changed.Username, changed);
    await store.set(ctx, ['Users', changed.Username], changed);
    for (let n = 401; n <= 460; n += 1) {
      users.set(person(n).Username, person(n));
      await store.set(ctx, ['Users', person(n).Username], person(n));
    }
    for (const n of [3, 40, 401]) {
      users.delete(person(n).Username);
      await store.delete(ctx, ['Users', person(n).Username]);
    }
    // A change inside a record (cognito-local sets whole users, but the store allows deeper keys).
    const nested = person(20);
    nested.Attributes = [...nested.Attributes.filter((attribute) => attribute.Name !== 'email'), { Name: 'email', Value: 'nested@example.com' }];
    users.set(nested.Username, nested);
    await store.set(ctx, ['Users', nested.Username, 'Attributes'], nested.Attributes);

    expect(index.lookUp('email', 'renamed@example.com', 'equal')).toEqual([changed.Username]);
    expect(index.lookUp('email', 'zoë.12@example.com', 'equal')).toEqual([]);
    expect(index.lookUp('email', 'nested@example.com', 'equal')).toEqual([nested.Username]);
    expectSameAsScan();
  });

  it('starts afresh when the whole Users map is replaced', async () => {
    expectSameAsScan();
    const only = person(1000);
    users.clear();
    users.set(only.Username, only);
    await store.set(ctx, 'Users', { [only.Username]: only });
    expectSameAsScan();
    expect(index.page(undefined, undefined, 60).usernames).toEqual([only.Username]);
  });

  it('finds users by case-folded username, and never across the separator of a key', () => {
    expect(index.lookUp('folded_username', 'anna.6', 'equal').sort()).toEqual(['anna.6']);
    expect(index.lookUp('folded_username', 'zoë.12', 'equal')).toEqual(['Zoë.12']);
    // "ann" is a prefix of "anna…" and of "ann.11": as a prefix of the value only.
    expect(index.lookUp('given_name', 'ann', 'equal').sort()).toEqual(scan(users.values(), parseListUsersFilter('given_name = "ann"')));
  });
});
