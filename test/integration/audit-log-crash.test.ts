import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../electron/core/audit-log';
import { verifyAuditLog } from '../../electron/core/audit-verify';
import type { AuditEntry, AuditRecord } from '../../shared/audit-record';
import { auditEntry, readWholeAuditLog } from './helpers/audit-log-fixture';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (id: string): AuditEntry => auditEntry({ id });

/**
 * Runs writer children on one log until each has acknowledged `acknowledgements` records, then kills
 * them all with SIGKILL (none before every one got there, so several write at once); the ids each acknowledged.
 */
function writeThenKill(path: string, prefixes: string[], acknowledgements: number): Promise<string[][]> {
  const writers = prefixes.map((prefix) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'helpers', 'audit-writer.mts'), path, prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { child, acked: [] as string[], pending: '', stderr: '' };
  });
  const killAllOnceEachAcked = () => {
    if (writers.every((w) => w.acked.length >= acknowledgements)) for (const { child } of writers) if (!child.killed) child.kill('SIGKILL');
  };
  return Promise.all(
    writers.map(
      (writer) =>
        new Promise<string[]>((resolve, reject) => {
          writer.child.stderr.on('data', (chunk: Buffer) => (writer.stderr += chunk.toString()));
          writer.child.stdout.on('data', (chunk: Buffer) => {
            writer.pending += chunk.toString();
            const lines = writer.pending.split('\n');
            writer.pending = lines.pop() ?? '';
            writer.acked.push(...lines);
            killAllOnceEachAcked();
          });
          writer.child.on('exit', (_code, signal) => {
            if (signal === 'SIGKILL') resolve(writer.acked);
            else reject(new Error(`writer exited on its own: ${writer.stderr}`));
          });
        }),
    ),
  );
}

describe('audit log durability', () => {
  it('keeps every acknowledged record through repeated kill -9 of the writer, and reads back cleanly', async () => {
    const path = join(dir, 'crash', 'audit.jsonl');
    const acked: string[] = [];
    const kills = 6;
    for (let round = 0; round < kills; round++) {
      // Kill at a different point each round, mid-stream.
      acked.push(...(await writeThenKill(path, [`r${round}`], 20 + round * 37)).flat());
    }
    const { records, damagedLines } = await readWholeAuditLog(path);
    const ids = new Set(records.map((r) => r.id));
    expect(acked.length).toBeGreaterThan(100);
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    // At most the one line being written when each kill landed can be torn.
    expect(damagedLines.length).toBeLessThanOrEqual(kills);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    // Each restart continued the chain from the last whole record, over any torn line.
    expect(await verifyAuditLog(path)).toEqual({ records: records.length, unchained: 0, damagedLines });
  }, 120_000);

  it('two consoles appending to one file at once keep one chain, through kill -9 of both', async () => {
    const path = join(dir, 'two-writers', 'audit.jsonl');
    const acked: string[] = [];
    for (let round = 0; round < 2; round++) {
      acked.push(...(await writeThenKill(path, [`a${round}`, `b${round}`], 60 + round * 40)).flat());
    }
    const { records, damagedLines } = await readWholeAuditLog(path);
    const ids = records.map((r) => r.id);
    expect(acked.filter((id) => !ids.includes(id))).toEqual([]);
    // Both wrote: whoever appended continued from the other console's last record.
    expect(ids.map((id) => id[0]).join('')).toMatch(/ab|ba/);
    expect(records.map((r) => (r.v === 2 ? r.seq : 0))).toEqual(records.map((_, i) => i + 1));
    expect(await verifyAuditLog(path)).toEqual({ records: records.length, unchained: 0, damagedLines });
  }, 120_000);

  it('skips and reports a torn last line, and the next append starts on a line of its own', async () => {
    const path = join(dir, 'torn', 'audit.jsonl');
    const log = openAuditLog(path);
    await log.append(record('before'));
    await log.close();
    await appendFile(path, '{"v":1,"id":"torn","time":"2026-');

    const reopened = openAuditLog(path);
    await reopened.append(record('after'));
    await reopened.close();
    const { records, damagedLines } = await readWholeAuditLog(path);
    expect(records.map((r) => r.id)).toEqual(['before', 'after']);
    expect(damagedLines).toEqual([2]);
    expect(await verifyAuditLog(path)).toEqual({ records: 2, unchained: 0, damagedLines: [2] });
  });

  it('refuses a record with a field the schema does not declare, so no secret can be logged', async () => {
    const path = join(dir, 'strict', 'audit.jsonl');
    const log = openAuditLog(path);
    await expect(log.append({ ...record('x'), password: 'Hunter2!' } as AuditEntry)).rejects.toThrow();
    await log.close();
    expect((await readWholeAuditLog(path)).records).toEqual([]);
  });

  it('writes one JSON object per line', async () => {
    const path = join(dir, 'lines', 'audit.jsonl');
    const log = openAuditLog(path);
    await Promise.all(['a', 'b', 'c'].map((id) => log.append(record(id))));
    await log.close();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as AuditRecord).id)).toEqual(['a', 'b', 'c']);
  });
});
