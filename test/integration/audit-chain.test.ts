import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAuditRecord } from '../../shared/audit-record';
import { CHAIN_START } from '../../electron/core/audit-chain';
import { openAuditLog } from '../../electron/core/audit-log';
import { openAuditTrail } from '../../electron/core/audit-trail';
import { verifyAuditLog } from '../../electron/core/audit-verify';
import { auditEntry, auditRecord, readWholeAuditLog, writeAuditLog } from './helpers/audit-log-fixture';
import { startTestBackend } from './helpers/test-backend';

// The chain as consoles write it: over restarts, after a log from before the chain, past a lock
// left by a console that died, and through the audit:verify channel.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-chain-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chained = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('{"v":2'))
    .map((line) => JSON.parse(line) as ChainedAuditRecord);

describe('the chain across consoles and restarts', () => {
  it('continues from the file\'s last record each time the log is opened again', async () => {
    const path = join(dir, 'restarts', 'audit.jsonl');
    for (const round of [1, 2, 3]) {
      const log = openAuditLog(path);
      await log.append(auditEntry({ id: `${round}-a` }));
      await log.append(auditEntry({ id: `${round}-b` }));
      await log.close();
    }
    const records = await chained(path);
    expect(records.map((r) => [r.id, r.seq])).toEqual([['1-a', 1], ['1-b', 2], ['2-a', 3], ['2-b', 4], ['3-a', 5], ['3-b', 6]]);
    expect(records[0]?.prev).toBe(CHAIN_START);
    records.slice(1).forEach((record, i) => expect(record.prev).toBe(records[i]?.hash));
    expect(await verifyAuditLog(path)).toEqual({ records: 6, unchained: 0, damagedLines: [] });
  });

  it('begins after the records of a log written before the chain, which still read', async () => {
    const path = join(dir, 'legacy.jsonl');
    await writeAuditLog(path, [auditRecord({ id: 'old-1' }), auditRecord({ id: 'old-2' }), auditRecord({ id: 'old-3' })]);
    const trail = openAuditTrail(path);
    await trail.record({ operator: { osUser: 'dana' }, connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' }, userPoolId: 'us-east-1_AcmeStaff1', username: 'alice.verified', sub: '5a1e6b8c-0000-4000-8000-000000000001' }, 'ForgotPassword', { outcome: 'success', code: 'OK' });
    const page = await trail.list({ limit: 10, offset: 0 });
    expect(page.records.map((r) => r.v)).toEqual([2, 1, 1, 1]);
    expect(page.records[0]).toMatchObject({ seq: 1, prev: CHAIN_START, sub: '5a1e6b8c-0000-4000-8000-000000000001' });
    expect(await trail.verify()).toEqual({ records: 4, unchained: 3, damagedLines: [] });
    await trail.close();
  });

  it('breaks a lock left by a console killed while appending, and waits for one a running console holds', async () => {
    const path = join(dir, 'locked', 'audit.jsonl');
    await mkdir(join(dir, 'locked'));
    const lock = `${path}.lock`;
    // A process that has ended: its pid names no running console.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await writeFile(lock, JSON.stringify({ pid: Number(gone), host: hostname(), token: 'left-behind' }));
    const log = openAuditLog(path);
    await log.append(auditEntry({ id: 'after-a-crash' }));

    // The test runner's parent is running: its lock is waited for, and the append follows its release.
    // (The pause only gives the append time to go wrong; a correct one never writes while the lock is held.)
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'held' }));
    const waiting = log.append(auditEntry({ id: 'after-the-other' }));
    await sleep(300);
    expect(await readFile(path, 'utf8')).not.toContain('after-the-other');
    await rm(lock);
    await waiting;
    await log.close();
    const { records } = await readWholeAuditLog(path);
    expect(records.map((r) => r.id)).toEqual(['after-a-crash', 'after-the-other']);
    expect(await verifyAuditLog(path)).toEqual({ records: 2, unchained: 0, damagedLines: [] });
  });

  it('continues a log whose last 64 KiB begin right after a newline (it once looked for the chain forever)', async () => {
    const path = join(dir, 'aligned', 'audit.jsonl');
    await mkdir(join(dir, 'aligned'));
    // Lines of 257 bytes: 65,536 = 255 × 257 + 1, so the backwards read's first chunk starts on a newline.
    await writeFile(path, `${'x'.repeat(256)}\n`.repeat(300));
    const log = openAuditLog(path);
    await log.append(auditEntry({ id: 'after-aligned-lines' }));
    await log.close();
    const { records } = await readWholeAuditLog(path);
    expect(records.map((r) => r.id)).toEqual(['after-aligned-lines']);
  });

  it('breaks an empty lock left by a console killed between creating it and writing its owner', async () => {
    const path = join(dir, 'unwritten', 'audit.jsonl');
    await mkdir(join(dir, 'unwritten'));
    const lock = `${path}.lock`;
    await writeFile(lock, '');
    // Created 10 s ago: younger than a lock whose owner is given up on, but its owner would have been written within milliseconds.
    const tenSecondsAgo = new Date(Date.now() - 10_000);
    await utimes(lock, tenSecondsAgo, tenSecondsAgo);
    const log = openAuditLog(path);
    await log.append(auditEntry({ id: 'after-an-empty-lock' }));
    await log.close();
    expect((await readWholeAuditLog(path)).records.map((r) => r.id)).toEqual(['after-an-empty-lock']);
  });
});

describe('audit:verify', () => {
  it('answers for the console\'s own log, and names the line of a record changed on disk', async () => {
    const t = await startTestBackend('audit-verify', { throttling: false });
    try {
      expect(await t.call('audit:verify', {})).toEqual({ records: 0, unchained: 0, damagedLines: [] });
      const target = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1', clientId: 'staffconsolepublic000001' };
      for (const username of ['alice.verified', 'frank.both', 'mia.alias']) await t.call('recovery:forgotPassword', { ...target, username });
      expect(await t.call('audit:verify', {})).toEqual({ records: 3, unchained: 0, damagedLines: [] });

      const path = join(t.dataDir, 'audit', 'audit-log.jsonl');
      await writeFile(path, (await readFile(path, 'utf8')).replace('"frank.both"', '"someone.else"'));
      expect((await t.call('audit:verify', {})).problem).toEqual({ kind: 'changed', line: 2 });
    } finally {
      await t.close();
    }
  });
});
