import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_PATH } from '../../electron/core/audit-log';
import { auditEntry, auditRecord, chainedLines } from './helpers/audit-log-fixture';

// `npm run audit:verify`: the built out/main/audit-verify.js as a real process, on data folders
// whose audit log was left intact, edited, cut or shuffled. `npm test` builds before it runs the
// integration tests.

const projectDir = path.resolve(__dirname, '../..');
const verifierEntry = path.join(projectDir, 'out', 'main', 'audit-verify.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: projectDir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const verify = (...args: string[]) => run(process.execPath, [verifierEntry, ...args]);

describe.skipIf(!existsSync(verifierEntry))('out/main/audit-verify.js (npm run audit:verify; skipped until npm run build has made it)', () => {
  let dir: string;
  let folders = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'recovery-desk-audit-verify-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A data folder whose audit log holds these lines. */
  async function dataDirWith(lines: string[]): Promise<string> {
    const dataDir = path.join(dir, `data-${++folders}`);
    await mkdir(path.join(dataDir, 'audit'), { recursive: true });
    await writeFile(path.join(dataDir, AUDIT_LOG_PATH), `${lines.join('\n')}\n`);
    return dataDir;
  }

  const six = () => [...chainedLines(Array.from({ length: 6 }, (_, i) => auditEntry({ id: `rec-${i + 1}`, username: `customer${i + 1}` })))];

  it('says an intact log is intact, and exits 0', async () => {
    const result = await verify('--data-dir', await dataDirWith(six()));
    expect(result).toMatchObject({ code: 0, stdout: '6 records, chain intact\n' });
  });

  it('names the line of an edited, a deleted and a swapped record, and exits 1', async () => {
    const edited = six();
    edited[2] = (edited[2] ?? '').replace('"customer3"', '"customer9"');
    const deleted = six().filter((_, i) => i !== 3);
    const [a, b, ...rest] = six();
    const swapped = [b ?? '', a ?? '', ...rest];

    const cases: [string[], RegExp][] = [
      [edited, /^Chain broken at line 3: the record there was changed\./],
      [deleted, /^Chain broken at line 4: a record before it was removed\./],
      [swapped, /^Chain broken at line 1: records are out of order from there\./],
    ];
    for (const [lines, expected] of cases) {
      const result = await verify('--data-dir', await dataDirWith(lines));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(expected);
    }
  });

  it('reads a log written before the chain and says what the chain does not cover', async () => {
    const old = [auditRecord({ id: 'old-1' }), auditRecord({ id: 'old-2' })].map((record) => JSON.stringify(record));
    const result = await verify('--data-dir', await dataDirWith([...old, ...six()]));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('8 records, chain intact\nThe first 2 records were written before the chain began and are not covered by it.\n');
  });

  it('exits 2 on bad arguments or a folder without an audit log', async () => {
    expect(await verify('--data-dir')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run audit:verify') });
    expect(await verify('--verbose')).toMatchObject({ code: 2 });
    expect(await verify('--data-dir', path.join(dir, 'no-such-folder'))).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no folder') });
    await mkdir(path.join(dir, 'empty'));
    expect(await verify('--data-dir', path.join(dir, 'empty'))).toMatchObject({ code: 2, stderr: expect.stringContaining(path.join('audit', 'audit-log.jsonl')) });
  });

  it('runs as the README says: npm run audit:verify -- --data-dir DIR', async () => {
    const edited = six();
    edited[5] = (edited[5] ?? '').replace('"success"', '"failure"');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const intact = await run(npm, ['run', '--silent', 'audit:verify', '--', '--data-dir', await dataDirWith(six())]);
    expect(intact).toMatchObject({ code: 0, stdout: '6 records, chain intact\n' });
    const broken = await run(npm, ['run', '--silent', 'audit:verify', '--', '--data-dir', await dataDirWith(edited)]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^Chain broken at line 6: the record there was changed\./);
  });
});
