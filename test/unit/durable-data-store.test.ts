import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecoveryDeskError } from '../../electron/core/errors';
import { DurableDataStoreFactory } from '../../electron/emulator/durable-data-store';

// cognito-local passes a logging context first; the store ignores it.
const ctx = {};
const POOL_DEFAULTS = { Users: {}, Options: { Id: 'us-east-1_Test' } };

interface TestUser {
  Username: string;
  UserCreateDate: Date;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'durable-data-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async (id: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
const user = (Username: string): TestUser => ({ Username, UserCreateDate: new Date('2024-03-01T08:00:00.000Z') });

describe('DurableDataStoreFactory', () => {
  it('creates a missing file holding the defaults, and a new factory reads it back', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    expect(await store.getRoot(ctx)).toEqual(POOL_DEFAULTS);
    expect(await onDisk('us-east-1_Test')).toEqual(POOL_DEFAULTS);

    await store.set(ctx, ['Users', 'alice'], user('alice'));
    const reopened = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', { Users: {}, Options: { Id: 'other defaults' } });
    expect(await reopened.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));
    expect(await reopened.get(ctx, 'Options')).toEqual({ Id: 'us-east-1_Test' });
  });

  it('gives one store per file', async () => {
    const factory = new DurableDataStoreFactory(dir);
    const [first, second] = await Promise.all([factory.create(ctx, 'clients', { Clients: {} }), factory.create(ctx, 'clients', { Clients: {} })]);
    expect(first).toBe(second);
  });

  it('reads, sets and deletes by key path, answering missing paths with the default or null', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    await store.set(ctx, ['Users', 'alice'], user('alice'));
    await store.set(ctx, ['Groups', 'admins'], { GroupName: 'admins' });
    expect(await store.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));
    expect(await store.get(ctx, 'Groups')).toEqual({ admins: { GroupName: 'admins' } });
    expect(await store.get(ctx, ['Users', 'nobody'])).toBeNull();
    expect(await store.get(ctx, ['Users', 'nobody'], 'fallback')).toBe('fallback');
    expect(await store.get(ctx, ['Missing', 'nobody'], {})).toEqual({});

    await store.delete(ctx, ['Users', 'alice']);
    await store.delete(ctx, ['Users', 'never-there']);
    expect(await store.get(ctx, 'Users')).toEqual({});
    expect(await onDisk('us-east-1_Test')).toEqual({ ...POOL_DEFAULTS, Groups: { admins: { GroupName: 'admins' } } });
  });

  it('copies values in and out, so only set and delete change what is stored', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    const alice = user('alice');
    await store.set(ctx, ['Users', 'alice'], alice);
    alice.Username = 'changed after set';
    const read = await store.get<TestUser>(ctx, ['Users', 'alice']);
    if (read) read.Username = 'changed after get';
    expect(await store.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));
  });

  it('copies nested arrays and dates too, and keeps a "__proto__" username a plain entry', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    const nested = { ...user('__proto__'), Attributes: [{ Name: 'email', Value: 'a@example.com' }], RefreshTokens: ['one'] };
    await store.set(ctx, JSON.parse('["Users", "__proto__"]') as string[], nested);
    const read = await store.get<typeof nested>(ctx, ['Users', '__proto__']);
    read?.RefreshTokens.push('two');
    read?.UserCreateDate.setTime(0);
    expect(await store.get(ctx, ['Users', '__proto__'])).toEqual(nested);
    const users = await store.get<Record<string, unknown>>(ctx, 'Users', {});
    expect(Object.keys(users)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(users)).toBe(Object.prototype);
  });

  it('resolves each set only once the file on disk holds it, for many changes at once', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    const names = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const onDiskWhenResolved = await Promise.all(
      names.map((name) => store.set(ctx, ['Users', name], user(name)).then(async () => Object.keys((await onDisk('us-east-1_Test')).Users as object))),
    );
    names.forEach((name, i) => expect(onDiskWhenResolved[i]).toContain(name));
  });

  it('keeps dates as cognito-local did: ISO strings (or milliseconds, from older files) on disk, Dates in memory', async () => {
    await writeFile(
      join(dir, 'us-east-1_Test.json'),
      JSON.stringify({ Options: { Id: 'us-east-1_Test', CreationDate: 1704704400000 }, Users: { alice: { Username: 'alice', UserCreateDate: '2024-03-01T08:00:00.000Z' } } }),
    );
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    expect(await store.get(ctx, ['Options', 'CreationDate'])).toEqual(new Date('2024-01-08T09:00:00.000Z'));
    expect(await store.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));

    await store.set(ctx, ['Users', 'bob'], user('bob'));
    expect(await onDisk('us-east-1_Test')).toEqual({
      Options: { Id: 'us-east-1_Test', CreationDate: '2024-01-08T09:00:00.000Z' },
      Users: { alice: { Username: 'alice', UserCreateDate: '2024-03-01T08:00:00.000Z' }, bob: { Username: 'bob', UserCreateDate: '2024-03-01T08:00:00.000Z' } },
    });
  });

  it('refuses to write a date field that holds no Date, and leaves the file as it was', async () => {
    const store = await new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    const before = await readFile(join(dir, 'us-east-1_Test.json'), 'utf8');
    await expect(store.set(ctx, ['Users', 'alice'], { Username: 'alice', UserCreateDate: 'yesterday' })).rejects.toThrow('UserCreateDate should hold a Date, found a string');
    expect(await readFile(join(dir, 'us-east-1_Test.json'), 'utf8')).toBe(before);
  });

  it.each([
    ['empty', '', { reason: 'empty' }],
    ['torn', '{"Users": {"alice": {"Username": "al', { reason: 'not-json' }],
    ['not JSON', 'garbage', { reason: 'not-json' }],
    ['an empty object, which StormDB replaced by the defaults', '{}', { reason: 'invalid', where: 'Users, Options' }],
    ['missing the users', '{"Options": {"Id": "us-east-1_Test"}}', { reason: 'invalid', where: 'Users' }],
    ['holding a date that is none', '{"Options": {"Id": "us-east-1_Test"}, "Users": {"alice": {"UserCreateDate": null}}}', { reason: 'invalid', where: 'UserCreateDate should hold a date, found null' }],
  ] as const)('refuses a file that is %s with DemoUnavailable naming it, and leaves it in place', async (_kind, content, damage) => {
    const path = join(dir, 'us-east-1_Test.json');
    await writeFile(path, content);
    const opening = new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    const error = await opening.then(
      () => undefined,
      (refused: unknown) => refused,
    );
    expect(error).toBeInstanceOf(RecoveryDeskError);
    expect(error).toMatchObject({ code: 'DemoUnavailable', facts: { params: { file: { file: 'demo-data', path, ...damage }, directory: dir } } });
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['us-east-1_Test.json']);
  });

  it.skipIf(process.platform === 'win32')('keeps its folder and files owner-only, tightening those made before (not on Windows, which has no such modes)', async () => {
    await mkdir(join(dir, 'older'), { mode: 0o755 });
    await chmod(join(dir, 'older'), 0o755);
    await writeFile(join(dir, 'older', 'clients.json'), '{"Clients": {}}', { mode: 0o644 });
    await chmod(join(dir, 'older', 'clients.json'), 0o644);
    const factory = new DurableDataStoreFactory(join(dir, 'older'));
    await factory.create(ctx, 'clients', { Clients: {} });
    await factory.create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
    expect((await stat(join(dir, 'older'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'older', 'clients.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'older', 'us-east-1_Test.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('the journal of a large file', () => {
  // Every file counts as large here (appendFromBytes 0); this one is a few kilobytes, so its journal
  // is written whole again after a dozen or so changes.
  const SEEDED = { Users: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`user-${i}`, user(`user-${i}`)])), Options: { Id: 'us-east-1_Test' } };
  const open = (options = { appendFromBytes: 0 }) => new DurableDataStoreFactory(dir, options).create(ctx, 'us-east-1_Test', POOL_DEFAULTS);
  let journal: string;
  let file: string;
  beforeEach(() => {
    journal = join(dir, 'us-east-1_Test.journal');
    file = join(dir, 'us-east-1_Test.json');
  });
  const seed = () => new DurableDataStoreFactory(dir).create(ctx, 'us-east-1_Test', SEEDED).then((store) => store.flush());

  it('appends changes to the journal, leaves the file as it was, and reads both back as one', async () => {
    await seed();
    const before = await readFile(file, 'utf8');
    const store = await open();
    await store.set(ctx, ['Users', 'bob'], user('bob'));
    await store.delete(ctx, ['Users', 'user-3']);
    await store.set(ctx, ['Options', 'LastModifiedDate'], new Date('2024-05-01T10:00:00.000Z'));
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await readFile(journal, 'utf8')).split('\n')).toHaveLength(4); // three lines and the last newline

    const reopened = await open();
    expect(await reopened.get(ctx, ['Users', 'bob'])).toEqual(user('bob'));
    expect(await reopened.get(ctx, ['Users', 'user-3'])).toBeNull();
    expect(await reopened.get(ctx, ['Options', 'LastModifiedDate'])).toEqual(new Date('2024-05-01T10:00:00.000Z'));
    expect(Object.keys((await reopened.get<object>(ctx, 'Users')) ?? {})).toHaveLength(40);
    // Opening wrote neither.
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('writes the file whole and removes the journal once the journal reaches half its size, losing nothing', async () => {
    await seed();
    const store = await open();
    const names: string[] = [];
    for (let i = 0; i < 200 && (await readdir(dir)).includes('us-east-1_Test.journal') === names.length > 0; i += 1) {
      names.push(`new-${i}`);
      await store.set(ctx, ['Users', `new-${i}`], user(`new-${i}`));
    }
    // The loop ended when a change emptied the journal into the file.
    expect((await readdir(dir)).filter((name) => name.startsWith('us-east-1_Test'))).toEqual(['us-east-1_Test.json']);
    expect(names.length).toBeGreaterThan(5);
    expect(Object.keys((await onDisk('us-east-1_Test')).Users as object)).toEqual(expect.arrayContaining(names));
    expect(Object.keys((await (await open()).get<object>(ctx, 'Users')) ?? {})).toHaveLength(40 + names.length);
  });

  it('drops a last line a crash cut short (never acknowledged), and appends cleanly after it', async () => {
    await seed();
    const store = await open();
    await store.set(ctx, ['Users', 'alice'], user('alice'));
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"set":["Users","carol"],"val`);

    const reopened = await open();
    expect(await reopened.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));
    expect(await reopened.get(ctx, ['Users', 'carol'])).toBeNull();
    await reopened.set(ctx, ['Users', 'dave'], user('dave'));
    const again = await open();
    expect(await again.get(ctx, ['Users', 'dave'])).toEqual(user('dave'));
    expect(await again.get(ctx, ['Users', 'alice'])).toEqual(user('alice'));
  });

  it.each([
    ['not JSON', 'garbage\n{"delete":["Users","user-1"]}\n', 'line 1 is not JSON'],
    ['JSON but no change', '{"delete":["Users","user-1"]}\n{"remove":"everything"}\n', 'line 2 is not a change'],
  ])('refuses a journal with a line that is %s with DemoUnavailable naming it, and leaves it in place', async (_kind, content, where) => {
    await seed();
    await writeFile(journal, content);
    const error = await open().then(
      () => undefined,
      (refused: unknown) => refused,
    );
    expect(error).toMatchObject({ code: 'DemoUnavailable', facts: { params: { file: { file: 'demo-data', path: journal, reason: 'invalid', where } } } });
    expect(await readFile(journal, 'utf8')).toBe(content);
  });

  it('removes a journal left without its file (a deleted pool) when it creates the file afresh', async () => {
    await writeFile(journal, '{"set":["Users","ghost"],"value":{"Username":"ghost"}}\n');
    const store = await open();
    expect(await store.get(ctx, 'Users')).toEqual({});
    expect(await readdir(dir)).toEqual(['us-east-1_Test.json']);
  });

  it('refuses a date field that holds no Date before changing anything, in memory or on disk', async () => {
    await seed();
    const store = await open();
    await expect(store.set(ctx, ['Users', 'user-1'], { Username: 'user-1', UserCreateDate: 'yesterday' })).rejects.toThrow('UserCreateDate should hold a Date, found a string');
    expect(await store.get(ctx, ['Users', 'user-1'])).toEqual(user('user-1'));
    expect(await readdir(dir)).toEqual(['us-east-1_Test.json']);
  });
});
