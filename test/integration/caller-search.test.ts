import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { createBackend } from '../../electron/core/backend';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// The one search box (users:find) against the real demo emulator, whose ListUsers matches filters the
// way Cognito does: the operator types what the caller says, and finds them.

const STAFF = 'us-east-1_AcmeStaff1';
const CUSTOMERS = 'us-east-1_AcmeCust01';
const onStaff = { connectionId: 'demo', userPoolId: STAFF };

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend('caller-search', { throttling: false });
});

afterAll(async () => {
  await t?.close();
});

const find = (text: string, on: { connectionId: string; userPoolId: string } = onStaff) => t.call('users:find', { ...on, text });
const found = (result: ResponseOf<'users:find'>) => result.users.map((user) => [user.username, user.matchedBy]);

function expectNoDuplicates(result: ResponseOf<'users:find'>) {
  const usernames = result.users.map((user) => user.username);
  expect(new Set(usernames).size).toBe(usernames.length);
}

describe('the one search box on the demo connection (default country US)', () => {
  it('says the demo reads numbers without + as US numbers', async () => {
    const { connections } = await t.call('connections:list', {});
    expect(connections.find((c) => c.id === 'demo')?.defaultCountry).toBe('US');
  });

  it('finds bob by his number as the caller says it, with + and punctuation, matched by phone', async () => {
    const result = await find('+1 (555) 555-0142');
    expect(found(result)).toEqual([['bob.phone-only', ['phone_number']]]);
    // Spaces mean no username: the one lookup is the number, exactly, in E.164.
    expect(result.lookups).toEqual([{ attribute: 'phone_number', match: 'exact', value: '+15555550142', moreAvailable: false }]);
    expect(result.defaultCountry).toBe('US');
    expect(result.phoneNotRead).toBeUndefined();
  });

  it('finds bob by his number without + or country code, read in the default country', async () => {
    const result = await find('555-555-0142');
    expect(found(result)).toEqual([['bob.phone-only', ['phone_number']]]);
    expect(result.lookups.map((l) => [l.attribute, l.match, l.value])).toEqual([
      ['phone_number', 'exact', '+15555550142'],
      ['username', 'prefix', '555-555-0142'],
    ]);
  });

  it('trims what was typed: " alice " finds alice once, matched by username and email', async () => {
    const result = await find(' alice ');
    expect(found(result)).toEqual([['alice.verified', ['username', 'email']]]);
    expect(result.lookups.map((l) => [l.attribute, l.value])).toEqual([
      ['username', 'alice'],
      ['email', 'alice'],
    ]);
  });

  it('composes a decomposed "zoë" (e + combining diaeresis) before searching, and finds zoë.ångström', async () => {
    const decomposed = 'zoe\u0308';
    expect(decomposed).not.toBe('zoë');
    const result = await find(decomposed);
    expect(found(result)).toEqual([['zoë.ångström', ['username']]]);
    expect(result.lookups[0]?.value).toBe('zo\u00eb');
  });

  it('finds a user by their email, matched by email', async () => {
    expect(found(await find('zoe@acme.example'))).toEqual([['zoë.ångström', ['email']]]);
    // Email is not case-sensitive in Cognito (the username is).
    expect(found(await find('Frank@Acme'))).toEqual([['frank.both', ['email']]]);
  });

  it('finds a user by the start of their name when the text has spaces', async () => {
    expect(found(await find('Alice Ver'))).toEqual([['alice.verified', ['name']]]);
  });

  it('reports every attribute that matched, and never the same user twice', async () => {
    // "a" starts alice's username and her email (and others' emails).
    const broad = await find('a');
    expectNoDuplicates(broad);
    expect(broad.users.find((u) => u.username === 'alice.verified')?.matchedBy).toEqual(['username', 'email']);
    expect(broad.users.every((u) => u.matchedBy.length > 0)).toBe(true);
    for (const text of ['frank', 'i', '+1 (555) 555-0143', 'mia']) expectNoDuplicates(await find(text));
  });

  it('finds nobody for text that matches no one, and says what it looked up', async () => {
    const result = await find('nobody.here');
    expect(result.users).toEqual([]);
    expect(result.lookups.map((l) => l.attribute)).toEqual(['username', 'email']);
  });

  it('returns the first page of each lookup and says which have more, rather than paging', async () => {
    const result = await find('customer', { connectionId: 'demo', userPoolId: CUSTOMERS });
    expectNoDuplicates(result);
    expect(result.lookups.map((l) => [l.attribute, l.moreAvailable])).toEqual([
      ['username', true],
      ['email', true],
    ]);
    expect(result.users.length).toBeGreaterThanOrEqual(60);
    expect(result.users.length).toBeLessThanOrEqual(120);
    const narrower = await find('customer25', { connectionId: 'demo', userPoolId: CUSTOMERS });
    expect(narrower.lookups.every((l) => !l.moreAvailable)).toBe(true);
    expect(narrower.users).toHaveLength(10);
  });

  it('does not search a number too short to be whole as a phone number, and says so', async () => {
    const result = await find('555 0142');
    expect(result).toMatchObject({ users: [], lookups: [], phoneNotRead: 'incomplete' });
  });

  it('refuses empty text on its field, and sends nothing', async () => {
    const error = await t.fail('users:find', { ...onStaff, text: '   ' });
    expect(error.code).toBe('InvalidRequest');
    expect(error.issues?.map((i) => i.path)).toEqual(['text']);
  });

  it('keeps the per-attribute search, with phone numbers read in E.164 there too', async () => {
    const byPhone = await t.call('users:search', { ...onStaff, attribute: 'phone_number', match: 'exact', value: '(555) 555-0142' });
    expect(byPhone.users.map((u) => u.username)).toEqual(['bob.phone-only']);
    expect(byPhone.value).toBe('+15555550142');
    const byName = await t.call('users:search', { ...onStaff, attribute: 'username', match: 'prefix', value: ' zoe\u0308 ' });
    expect(byName.users.map((u) => u.username)).toEqual(['zoë.ångström']);
  });
});

describe('a saved connection and its default country', () => {
  const typedKeys = { kind: 'access-keys' as const, accessKeyId: 'AKIACALLERSEARCH0001', secretAccessKey: 'callerSearchSecretValue000000000001' };

  it('without one, only numbers with + are phone numbers; with US saved, the same text finds bob', async () => {
    await find('alice');
    const endpoint = t.emulator()?.endpoint ?? '';
    const saved = await t.call('connections:save', { name: 'Demo, no country', region: 'us-east-1', endpoint, source: typedKeys });
    expect(saved.defaultCountry).toBeUndefined();
    const onSaved = { connectionId: saved.id, userPoolId: STAFF };

    const unread = await find('555-555-0142', onSaved);
    expect(unread.users).toEqual([]);
    expect(unread.phoneNotRead).toBe('needs-country-code');
    expect(unread.lookups.map((l) => l.attribute)).toEqual(['username']);
    expect(found(await find('+1 (555) 555-0142', onSaved))).toEqual([['bob.phone-only', ['phone_number']]]);

    const edited = await t.call('connections:save', { connectionId: saved.id, name: 'Demo, US', region: 'us-east-1', endpoint, source: { kind: 'access-keys' }, defaultCountry: 'us' });
    expect(edited.defaultCountry).toBe('US');
    expect(found(await find('555-555-0142', onSaved))).toEqual([['bob.phone-only', ['phone_number']]]);

    // Kept in connections.json through the store.
    const file = JSON.parse(await readFile(join(t.dataDir, 'connections.json'), 'utf8')) as { connections: Array<{ id: string; defaultCountry?: string }> };
    expect(file.connections.find((c) => c.id === saved.id)?.defaultCountry).toBe('US');
    await t.call('connections:delete', { connectionId: saved.id });
  });

  it('refuses a country phone numbering does not know, on its field, and saves nothing', async () => {
    const before = (await t.call('connections:list', {})).connections;
    for (const defaultCountry of ['UK', 'XX', 'USA']) {
      const error = await t.fail('connections:save', { name: 'Bad country', region: 'us-east-1', source: { kind: 'default-chain' }, defaultCountry });
      expect(error.code, defaultCountry).toBe('InvalidRequest');
      expect(error.issues?.map((i) => i.path), defaultCountry).toEqual(['defaultCountry']);
    }
    expect((await t.call('connections:list', {})).connections).toEqual(before);
  });
});

describe('the environment connection', () => {
  it('takes its default country from RECOVERY_DESK_DEFAULT_COUNTRY, and ignores one that is not a country', async () => {
    for (const [value, expected] of [
      ['gb', 'GB'],
      ['Narnia', undefined],
      [undefined, undefined],
    ] as const) {
      const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-env-country-'));
      const backend = createBackend({
        dataDir,
        env: { AWS_REGION: 'eu-west-2', ...(value ? { RECOVERY_DESK_DEFAULT_COUNTRY: value } : {}) },
        startDemo: () => Promise.reject(new Error('not used')),
      });
      try {
        const result = await backend.dispatch('connections:list', {});
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const environment = (result.data as ResponseOf<'connections:list'>).connections.find((c) => c.id === 'aws-environment');
        expect(environment, String(value)).toBeDefined();
        expect(environment?.defaultCountry, String(value)).toBe(expected);
      } finally {
        await backend.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  });
});
