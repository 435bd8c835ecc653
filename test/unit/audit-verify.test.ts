import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit-record';
import { CHAIN_START, chainedLine, type ChainLink } from '../../electron/core/audit-chain';
import { verifyAuditLog } from '../../electron/core/audit-verify';

// The hash chain of the audit log, checked on files as an attacker or a crash would leave them:
// the verifier names the first line that was changed, removed or reordered.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-verify-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (i: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `rec-${i}`,
  time: new Date(Date.UTC(2025, 2, 12, 9, i)).toISOString(),
  operator: { osUser: 'dana' },
  connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
  userPoolId: 'us-east-1_AcmeStaff1',
  username: `customer${i}`,
  sub: `0f0e0d0c-0000-4000-8000-${String(i).padStart(12, '0')}`,
  action: 'ForgotPassword',
  outcome: 'success',
  outcomeCode: 'OK',
  ...overrides,
});

/** The lines (without newlines) of a chained log of `count` records, first after `previous`. */
function chain(count: number, previous?: ChainLink): string[] {
  const lines: string[] = [];
  let link = previous;
  for (let i = 1; i <= count; i++) {
    const next = chainedLine(entry((link?.seq ?? 0) + 1), link);
    lines.push(next.line);
    link = next.link;
  }
  return lines;
}

const legacy = (i: number) => JSON.stringify({ v: 1, ...entry(i, { sub: undefined }) });

let files = 0;
async function verify(text: string) {
  const path = join(dir, `audit-${++files}.jsonl`);
  await writeFile(path, text);
  return verifyAuditLog(path);
}
const asFile = (lines: string[]) => `${lines.join('\n')}\n`;

describe('the line format', () => {
  it('hashes the exact bytes of the line without its closing hash member, and links each record to the one before', () => {
    const [first, second] = chain(2);
    for (const line of [first, second]) {
      const match = /^(.*),"hash":"([0-9a-f]{64})"\}$/.exec(line ?? '');
      expect(match).not.toBeNull();
      expect(createHash('sha256').update(`${match?.[1]}}`, 'utf8').digest('hex')).toBe(match?.[2]);
    }
    const [a, b] = [JSON.parse(first ?? '') as { v: number; seq: number; prev: string; hash: string }, JSON.parse(second ?? '') as { seq: number; prev: string }];
    expect(a).toMatchObject({ v: 2, seq: 1, prev: CHAIN_START });
    expect(b).toMatchObject({ seq: 2, prev: a.hash });
    expect(first?.startsWith('{"v":2,"seq":1,"prev":')).toBe(true);
  });
});

describe('verifying a log', () => {
  it('finds an intact chain intact, a new log included', async () => {
    expect(await verify(asFile(chain(6)))).toEqual({ records: 6, unchained: 0, damagedLines: [] });
    expect(await verifyAuditLog(join(dir, 'never-written.jsonl'))).toEqual({ records: 0, unchained: 0, damagedLines: [] });
  });

  it('finds an edited line: the record no longer gives its hash', async () => {
    const lines = chain(6);
    lines[2] = (lines[2] ?? '').replace('"customer3"', '"customer4"');
    expect((await verify(asFile(lines))).problem).toEqual({ kind: 'changed', line: 3 });
  });

  it('finds the last line edited too', async () => {
    const lines = chain(4);
    lines[3] = (lines[3] ?? '').replace('"outcome":"success"', '"outcome":"failure"');
    expect((await verify(asFile(lines))).problem).toEqual({ kind: 'changed', line: 4 });
  });

  it('finds an edited line whose hash was recomputed: the next record names the old one', async () => {
    const lines = chain(6);
    const before = JSON.parse(lines[1] ?? '') as { seq: number; hash: string };
    lines[2] = chainedLine(entry(3, { outcome: 'failure', outcomeCode: 'CodeMismatch' }), before).line;
    expect((await verify(asFile(lines))).problem).toEqual({ kind: 'changed', line: 3 });
  });

  it('finds a deleted line, the first one included', async () => {
    const lines = chain(6);
    expect((await verify(asFile([...lines.slice(0, 3), ...lines.slice(4)]))).problem).toEqual({ kind: 'removed', line: 4 });
    expect((await verify(asFile(lines.slice(1)))).problem).toEqual({ kind: 'removed', line: 1 });
  });

  it('finds swapped lines, a line moved to the end and a duplicated line', async () => {
    const lines = chain(6);
    const [l1, l2, l3, l4, l5, l6] = lines as [string, string, string, string, string, string];
    expect((await verify(asFile([l1, l3, l2, l4, l5, l6]))).problem).toEqual({ kind: 'reordered', line: 2 });
    expect((await verify(asFile([l1, l2, l4, l5, l6, l3]))).problem).toEqual({ kind: 'reordered', line: 3 });
    expect((await verify(asFile([l1, l2, l3, l3, l4, l5, l6]))).problem).toEqual({ kind: 'reordered', line: 4 });
  });

  it('names only the first problem when there are several', async () => {
    const lines = chain(8);
    lines[5] = (lines[5] ?? '').replace('"dana"', '"sam"');
    lines.splice(2, 1);
    expect((await verify(asFile(lines))).problem).toEqual({ kind: 'removed', line: 3 });
  });

  it('passes over a line torn by a crash when the next record continues from the one before it', async () => {
    const lines = chain(4);
    const torn = '{"v":2,"seq":5,"prev":"0123';
    const report = await verify(`${asFile([...lines.slice(0, 2), torn, ...lines.slice(2)])}\n${torn}`);
    expect(report).toEqual({ records: 4, unchained: 0, damagedLines: [3, 7] });
  });

  it('finds a record turned into something that is not a record', async () => {
    const lines = chain(5);
    lines[1] = '{"v":2,"seq":2, "this was a record": true}';
    expect((await verify(asFile(lines))).problem).toEqual({ kind: 'changed', line: 2 });
  });

  it('reads a log written before the chain, and one where the chain begins after older records', async () => {
    expect(await verify(asFile([legacy(1), legacy(2), legacy(3)]))).toEqual({ records: 3, unchained: 3, damagedLines: [] });
    const mixed = [legacy(1), legacy(2), ...chain(3)];
    expect(await verify(asFile(mixed))).toEqual({ records: 5, unchained: 2, damagedLines: [] });
  });

  it('finds a record without the chain among chained ones', async () => {
    const lines = chain(4);
    expect((await verify(asFile([...lines.slice(0, 2), legacy(9), ...lines.slice(2)]))).problem).toEqual({ kind: 'changed', line: 3 });
  });
});
