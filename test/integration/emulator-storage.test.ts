import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecoveryDeskError } from '../../electron/core/errors';
import { DEMO_STAFF_POOL_ID, startDemoEmulator } from '../../electron/emulator';
import { startTestBackend } from './helpers/test-backend';
import { wordsFor } from '../support/translate';

// How the demo emulator keeps its files: owner-only, and a damaged pool or app client file stops the
// start, named and left in place, instead of being silently replaced by the seed's defaults.

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A data folder the emulator has seeded and closed. */
async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-emulator-storage-'));
  tempDirs.push(dataDir);
  await (await startDemoEmulator({ dataDir, throttling: false })).close();
  return dataDir;
}

async function startFailure(dataDir: string): Promise<RecoveryDeskError> {
  const error = await startDemoEmulator({ dataDir, throttling: false }).then(
    async (emulator) => {
      await emulator.close();
      throw new Error('The emulator started on a damaged file.');
    },
    (refused: unknown) => refused,
  );
  if (!(error instanceof RecoveryDeskError)) throw error;
  return error;
}

const folderContents = async (folder: string) => Object.fromEntries(await Promise.all((await readdir(folder)).sort().map(async (name) => [name, await readFile(join(folder, name), 'utf8')] as const)));

describe('demo emulator files', () => {
  describe.each([
    ['the staff pool file', `${DEMO_STAFF_POOL_ID}.json`],
    ['clients.json', 'clients.json'],
  ])('%s', (_what, fileName) => {
    it.each([
      ['empty (a kill -9 during a StormDB write)', () => ''],
      ['torn', (whole: string) => whole.slice(0, Math.floor(whole.length / 2))],
      ['not JSON', () => '\u0000\u0000garbage'],
      ['an empty object', () => '{}'],
    ])('that is %s stops the start with DemoUnavailable naming it, and nothing is replaced', async (_kind, damage) => {
      const dataDir = await seededDataDir();
      const folder = join(dataDir, 'emulator');
      const path = join(folder, fileName);
      await writeFile(path, damage(await readFile(path, 'utf8')));
      const before = await folderContents(folder);

      const error = await startFailure(dataDir);
      expect(error).toMatchObject({ code: 'DemoUnavailable', facts: { params: { file: { file: 'demo-data', path }, directory: folder } } });
      expect(await folderContents(folder)).toEqual(before);
    });
  });

  it('starts afresh, seeded, once the damaged folder is moved away as the guidance says', async () => {
    const dataDir = await seededDataDir();
    await writeFile(join(dataDir, 'emulator', 'clients.json'), '');
    await startFailure(dataDir);
    await rm(join(dataDir, 'emulator'), { recursive: true });
    const emulator = await startDemoEmulator({ dataDir, throttling: false });
    await emulator.close();
    expect(JSON.parse(await readFile(join(dataDir, 'emulator', 'clients.json'), 'utf8'))).toMatchObject({ Clients: { staffconsolepublic000001: { UserPoolId: DEMO_STAFF_POOL_ID } } });
  });

  it('answers a demo call through the backend with DemoUnavailable naming the file', async () => {
    const desk = await startTestBackend('demo-unavailable', { throttling: false });
    try {
      await (await startDemoEmulator({ dataDir: desk.dataDir, throttling: false })).close();
      const path = join(desk.dataDir, 'emulator', `${DEMO_STAFF_POOL_ID}.json`);
      await writeFile(path, '');

      const error = await desk.fail('pools:list', { connectionId: 'demo' });
      expect(error).toMatchObject({ code: 'DemoUnavailable', retryable: false, params: { file: { file: 'demo-data', path }, directory: join(desk.dataDir, 'emulator') } });
      expect(wordsFor(error).guidance).toContain(join(desk.dataDir, 'emulator'));
    } finally {
      await desk.close();
    }
  });

  it('moves a damaged inbox aside, says so, and starts an empty one', async () => {
    const dataDir = await seededDataDir();
    const inboxPath = join(dataDir, 'emulator-inbox.json');
    await writeFile(inboxPath, '{"version": 1, "messages": [');
    const problems: string[] = [];
    const emulator = await startDemoEmulator({ dataDir, throttling: false, onProblem: (problem) => problems.push(problem) });
    await emulator.close();
    expect(emulator.inbox()).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^The demo-inbox file .*emulator-inbox\.json could not be used: it is not valid JSON; it was moved to .*emulator-inbox\.json\.damaged-/)]);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('emulator-inbox.json.damaged-'))).toHaveLength(1);
  });

  it('does not rewrite a pool file at a start when nothing changed, and keeps it compact', async () => {
    const dataDir = await seededDataDir();
    const folder = join(dataDir, 'emulator');
    const identity = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(folder)).sort().map(async (name) => {
            const { ino, mtimeMs, size } = await stat(join(folder, name));
            return [name, { ino, mtimeMs, size }] as const;
          }),
        ),
      );
    const before = await identity();
    expect(Object.keys(before)).toContain(`${DEMO_STAFF_POOL_ID}.json`);

    await (await startDemoEmulator({ dataDir, throttling: false })).close();
    // The same inode and mtime: not written again, nor replaced by a rename.
    expect(await identity()).toEqual(before);
    // Compact JSON: one line, no indentation.
    const text = await readFile(join(folder, `${DEMO_STAFF_POOL_ID}.json`), 'utf8');
    expect(text.trimEnd()).not.toContain('\n');
  });

  it.skipIf(process.platform === 'win32')('keeps the folder and every file owner-only (not checked on Windows, which has no such modes)', async () => {
    const dataDir = await seededDataDir();
    const emulator = await startDemoEmulator({ dataDir, throttling: false });
    await emulator.clearInbox(); // writes the inbox file
    await emulator.close();
    const folder = join(dataDir, 'emulator');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const files = [...(await readdir(folder)).map((name) => join(folder, name)), join(dataDir, 'emulator-inbox.json')];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect({ file, mode: (await stat(file)).mode & 0o777 }).toEqual({ file, mode: 0o600 });
  });
});
