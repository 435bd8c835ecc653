import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonFile } from '../../electron/core/json-file';

const Thing = z.object({ name: z.string(), count: z.number().int() });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'json-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jsonFile', () => {
  it('reads nothing (and no problem) when there is no file', async () => {
    const file = jsonFile({ path: join(dir, 'thing.json'), schema: Thing, file: 'settings' });
    expect(await file.read()).toEqual({ value: undefined });
    expect(file.readSync()).toEqual({ value: undefined });
  });

  it('writes owner-only, in a folder it creates owner-only, and reads back what it wrote', async () => {
    const path = join(dir, 'nested', 'thing.json');
    const file = jsonFile({ path, schema: Thing, file: 'settings' });
    await file.write({ name: 'a', count: 1 });
    expect((await file.read()).value).toEqual({ name: 'a', count: 1 });
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    }
    // No temporary file is left behind.
    expect(await readdir(join(dir, 'nested'))).toEqual(['thing.json']);
  });

  it('refuses to write a value its schema refuses, and keeps the file as it was', async () => {
    const path = join(dir, 'thing.json');
    const file = jsonFile({ path, schema: Thing, file: 'settings' });
    await file.write({ name: 'a', count: 1 });
    await expect(file.write({ name: 'b', count: 1.5 })).rejects.toThrow();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ name: 'a', count: 1 });
  });

  it('keeps the last of many concurrent writes, whole', async () => {
    const path = join(dir, 'thing.json');
    const file = jsonFile({ path, schema: Thing, file: 'settings' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => file.write({ name: 'x'.repeat(1000 * (20 - i)), count: i })));
    expect((await file.read()).value?.count).toBe(19);
  });

  it.each([
    ['empty', '', { reason: 'empty' }],
    ['torn', '{"name": "a", "cou', { reason: 'not-json' }],
    ['of the wrong shape', '{"name": 3}', { reason: 'invalid', where: 'name, count' }],
  ] as const)('moves a %s file aside and says where', async (_kind, content, damage) => {
    const path = join(dir, 'thing.json');
    await writeFile(path, content);
    const file = jsonFile({ path, schema: Thing, file: 'settings' });
    const read = await file.read();
    expect(read.value).toBeUndefined();
    expect(read.movedTo).toMatch(/thing\.json\.damaged-/);
    expect(read.problem).toEqual({ file: 'settings', path, ...damage, movedTo: read.movedTo });
    expect(await readFile(read.movedTo ?? '', 'utf8')).toBe(content);
    expect(await readdir(dir)).not.toContain('thing.json');
  });

  it('says what its reviving refused in well-formed JSON, rather than calling the file invalid JSON', async () => {
    const path = join(dir, 'dated.json');
    await writeFile(path, '{"name": "a", "count": 1, "seenDate": null}');
    const revive = (parsed: unknown) => {
      if (typeof (parsed as { seenDate?: unknown }).seenDate !== 'string') throw new Error('seenDate should hold a date');
    };
    const file = jsonFile({ path, schema: Thing, file: 'settings', whenDamaged: 'leave', revive });
    expect((await file.read()).problem).toEqual({ file: 'settings', path, reason: 'invalid', where: 'seenDate should hold a date' });
  });

  it('writes only ASCII when asked, and reads every character back the same', async () => {
    const path = join(dir, 'names.json');
    // Latin, CJK, Cyrillic, an emoji outside the BMP (two UTF-16 units), and a quote and backslash.
    const name = 'Zoë Ångström 王芳 Ольга 🙂 "q" \\ end';
    const file = jsonFile({ path, schema: Thing, file: 'settings', asciiOnly: true });
    await file.write({ name, count: 1 });
    const text = await readFile(path, 'utf8');
    expect([...text].every((character) => character.charCodeAt(0) < 0x80)).toBe(true);
    expect(text).toContain('\\u00eb');
    expect((await file.read()).value).toEqual({ name, count: 1 });
  });

  it('leaves a damaged file in place when asked to, naming it', async () => {
    const path = join(dir, 'pool.json');
    await writeFile(path, '');
    const file = jsonFile({ path, schema: Thing, file: 'settings', whenDamaged: 'leave' });
    expect(await file.read()).toEqual({ value: undefined, problem: { file: 'settings', path, reason: 'empty' } });
    expect(file.readSync().problem?.path).toBe(path);
    expect(await readdir(dir)).toEqual(['pool.json']);
  });

  it('removes the temporary files a killed writer left beside the file, but not a live write\'s or another file\'s', async () => {
    const path = join(dir, 'pool.json');
    await writeFile(path, '{"name":"a","count":1}');
    const old = new Date(Date.now() - 10 * 60_000);
    for (const leftover of ['pool.json.1234567', 'pool.json.89']) {
      await writeFile(join(dir, leftover), '{"name":');
      await utimes(join(dir, leftover), old, old);
    }
    await writeFile(join(dir, 'pool.json.424242'), '{"na'); // being written right now
    await writeFile(join(dir, 'other.json.1234567'), 'x');
    await utimes(join(dir, 'other.json.1234567'), old, old);
    const file = jsonFile({ path, schema: Thing, file: 'settings' });
    expect((await file.read()).value).toEqual({ name: 'a', count: 1 });
    expect((await readdir(dir)).sort()).toEqual(['other.json.1234567', 'pool.json', 'pool.json.424242']);
  });
});
