import { appendFile, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditRecord, UnchainedAuditRecord } from '../../shared/audit-record';
import { openAuditLog } from '../../electron/core/audit-log';
import { openAuditTrail, type AuditSubject, type AuditTrail } from '../../electron/core/audit-trail';
import { auditEntry, auditRecord, realisticAuditRecords, writeAuditLog, writeChainedAuditLog } from './helpers/audit-log-fixture';

// The audit trail against real files: what the audit view, the exports and the verdict's code
// count see as the log is opened, appended to (here and by another writer), replaced and torn.

let dir: string;
let trail: AuditTrail | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-trail-'));
});
afterEach(async () => {
  await trail?.close();
  trail = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** A fresh log file holding these records (oldest first, written before the chain) and the trail opened on it. */
async function trailOn(...sources: Iterable<AuditRecord>[]): Promise<{ path: string; trail: AuditTrail }> {
  const path = join(dir, `audit-${++files}.jsonl`);
  await writeAuditLog(path, ...sources);
  trail = openAuditTrail(path);
  return { path, trail };
}

/** The same, the entries recorded in a chain as the console writes them now. */
async function trailOnChained(...sources: Iterable<AuditEntry>[]): Promise<{ path: string; trail: AuditTrail }> {
  const path = join(dir, `audit-${++files}.jsonl`);
  await writeChainedAuditLog(path, ...sources);
  trail = openAuditTrail(path);
  return { path, trail };
}

const line = (record: AuditRecord) => `${JSON.stringify(record)}\n`;
const ids = (records: AuditRecord[]) => records.map((r) => r.id);
/** Newest first, as the audit view lists them. */
const newestFirst = (records: AuditRecord[]) => ids([...records].reverse());
const everything = { limit: 1000, offset: 0 };

const subject: AuditSubject = {
  operator: { osUser: 'dana', displayName: 'Dana (Tier 1)' },
  connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
  userPoolId: 'us-east-1_AcmeStaff1',
  username: 'alice.verified',
};

describe('listing a log that already holds thousands of records', () => {
  const NOW = new Date('2025-03-12T15:00:00.000Z');
  const records = [...realisticAuditRecords({ count: 3000, newest: NOW, days: 30 })];
  const lower = (text: string | undefined) => (text ?? '').toLocaleLowerCase();

  it('pages newest first and filters by user, operator, outcome and time exactly as reading every record would', async () => {
    const { trail } = await trailOn(records);
    const first = await trail.list({ limit: 200, offset: 0 });
    expect(first).toMatchObject({ total: 3000, damagedLines: [] });
    expect(first.records).toEqual([...records].reverse().slice(0, 200));
    expect(ids((await trail.list({ limit: 50, offset: 2990 })).records)).toEqual(newestFirst(records.slice(0, 10)));

    const from = '2025-02-20T00:00:00.000Z';
    const to = '2025-03-01T12:00:00.000+01:00';
    const cases: [Parameters<AuditTrail['list']>[0], (r: AuditRecord) => boolean][] = [
      [{ ...everything, username: 'CUSTOMER12' }, (r) => lower(r.username).includes('customer12')],
      [{ ...everything, operator: 'tier 1' }, (r) => lower(r.operator.displayName).includes('tier 1')],
      [{ ...everything, operator: 'priya' }, (r) => r.operator.osUser === 'priya'],
      [{ ...everything, outcome: 'unknown' }, (r) => r.outcome === 'unknown'],
      [{ ...everything, outcome: 'failure', username: 'customer1' }, (r) => r.outcome === 'failure' && r.username.includes('customer1')],
      [{ ...everything, from, to }, (r) => Date.parse(r.time) >= Date.parse(from) && Date.parse(r.time) <= Date.parse(to)],
    ];
    for (const [request, expected] of cases) {
      const wanted = records.filter(expected);
      expect(wanted.length, JSON.stringify(request)).toBeGreaterThan(0);
      const page = await trail.list(request);
      expect({ request, total: page.total }).toEqual({ request, total: wanted.length });
      expect(ids(page.records)).toEqual(newestFirst(wanted).slice(0, 1000));
    }
  });

  it('shows a record the moment it is on disk, and another writer\'s records too', async () => {
    const { path, trail } = await trailOn(records);
    expect((await trail.list({ limit: 1, offset: 0 })).total).toBe(3000);

    await trail.record(subject, 'ForgotPassword', { outcome: 'unknown', code: 'OutcomeUnknown' });
    let page = await trail.list({ limit: 2, offset: 0 });
    expect(page.total).toBe(3001);
    expect(page.records[0]).toMatchObject({ ...subject, action: 'ForgotPassword', outcome: 'unknown', outcomeCode: 'OutcomeUnknown' });

    // A second console writing to the same file.
    const other = openAuditLog(path);
    await other.append(auditEntry({ id: 'from-the-other-console', username: 'bob.phone-only' }));
    await other.close();
    page = await trail.list({ limit: 2, offset: 0 });
    expect(page.total).toBe(3002);
    expect(ids(page.records)[0]).toBe('from-the-other-console');
    expect((await trail.list({ ...everything, username: 'bob.phone' })).records.map((r) => r.id)).toEqual(['from-the-other-console']);
  });
});

describe('a log another program changes', () => {
  it('reports a line half written by another writer as damaged until the rest of it arrives', async () => {
    const { path, trail } = await trailOn([auditRecord({ id: 'first' })]);
    const coming = line(auditRecord({ id: 'arriving' }));
    await appendFile(path, coming.slice(0, 40));
    expect(await trail.list(everything)).toMatchObject({ total: 1, damagedLines: [2] });
    await appendFile(path, coming.slice(40));
    const page = await trail.list(everything);
    expect(ids(page.records)).toEqual(['arriving', 'first']);
    expect(page.damagedLines).toEqual([]);
  });

  it('reads a log replaced by another file (rotated, restored from backup) afresh', async () => {
    const { path, trail } = await trailOn([auditRecord({ id: 'old-1' }), auditRecord({ id: 'old-2' })]);
    expect((await trail.list(everything)).total).toBe(2);
    const replacement = `${path}.restored`;
    await writeAuditLog(replacement, [auditRecord({ id: 'restored-1' }), auditRecord({ id: 'restored-2' }), auditRecord({ id: 'restored-3' })]);
    await rename(replacement, path);
    expect(ids((await trail.list(everything)).records)).toEqual(['restored-3', 'restored-2', 'restored-1']);
  });

  it('reads a log cut shorter, or rewritten in place, afresh', async () => {
    const { path, trail } = await trailOn([auditRecord({ id: 'a', ticket: 'a long ticket reference'.repeat(5) }), auditRecord({ id: 'b' })]);
    const inode = (await stat(path)).ino;
    expect((await trail.list(everything)).total).toBe(2);

    await writeFile(path, line(auditRecord({ id: 'shorter' })));
    expect(ids((await trail.list(everything)).records)).toEqual(['shorter']);

    // Rewritten in place and longer than before: not the lines the index knew, so it is rebuilt.
    await writeFile(path, [auditRecord({ id: 'x', username: 'someone.else' }), auditRecord({ id: 'y' }), auditRecord({ id: 'z' })].map(line).join(''));
    expect((await stat(path)).ino).toBe(inode);
    const page = await trail.list(everything);
    expect(ids(page.records)).toEqual(['z', 'y', 'x']);
    expect(page.damagedLines).toEqual([]);
  });

  it('skips torn lines and reports them by line number, blank lines aside', async () => {
    const torn = '{"v":1,"id":"torn","time":"2025-';
    const { path, trail } = await trailOn([]);
    await writeFile(path, [line(auditRecord({ id: 'one' })), `${torn}\n`, '\n', line(auditRecord({ id: 'two' })), torn].join(''));
    const page = await trail.list(everything);
    expect(ids(page.records)).toEqual(['two', 'one']);
    expect(page.damagedLines).toEqual([2, 5]);
    // The last one is fenced off by the next append and stays reported.
    await trail.record(subject, 'ConfirmForgotPassword', { outcome: 'success', code: 'OK' });
    expect(await trail.list(everything)).toMatchObject({ total: 3, damagedLines: [2, 5] });
  });

  it('answers an empty log before the file exists, and sees the file once it does', async () => {
    const path = join(dir, 'not-yet', 'audit.jsonl');
    trail = openAuditTrail(path);
    expect(await trail.list(everything)).toEqual({ records: [], total: 0, damagedLines: [] });
    expect(await trail.codesSentToday('demo', subject.userPoolId, subject.username)).toEqual({ sent: 0, unknown: 0 });
    await trail.record(subject, 'ForgotPassword', { outcome: 'success', code: 'OK' });
    expect((await trail.list(everything)).total).toBe(1);
    expect(await trail.codesSentToday('demo', subject.userPoolId, subject.username)).toEqual({ sent: 1, unknown: 0 });
  });
});

describe('codes sent today', () => {
  // A Wednesday well away from daylight-saving changes, in the machine's own time zone.
  const at = (day: number, hours: number, minutes: number) => new Date(2025, 2, day, hours, minutes).toISOString();
  const NOW = new Date(2025, 2, 12, 10, 0);
  const alice = { connection: subject.connection, userPoolId: subject.userPoolId, username: subject.username };
  const sent = (time: string, overrides: Partial<UnchainedAuditRecord> = {}) => auditRecord({ ...alice, time, action: 'ForgotPassword', outcome: 'success', outcomeCode: 'OK', ...overrides });
  const count = (t: AuditTrail) => t.codesSentToday('demo', alice.userPoolId, alice.username, NOW);

  it('counts successful ForgotPassword requests since local midnight, and those whose answer was lost', async () => {
    const { trail } = await trailOn(realisticAuditRecords({ count: 2000, newest: new Date(2025, 2, 11, 23, 0) }), [
      sent(at(11, 23, 59)), // yesterday
      sent(at(12, 0, 0)), // midnight itself counts
      sent(at(12, 8, 15), { outcome: 'unknown', outcomeCode: 'OutcomeUnknown' }),
      sent(at(12, 8, 30), { outcome: 'failure', outcomeCode: 'LimitExceeded' }),
      sent(at(12, 8, 45), { action: 'ConfirmForgotPassword' }),
      sent(at(12, 9, 0), { username: 'alice.verified2' }),
      sent(at(12, 9, 10), { userPoolId: 'us-east-1_AcmeCust01' }),
      sent(at(12, 9, 20), { connection: { id: 'prod-eu', name: 'Production EU', region: 'eu-west-1' } }),
      sent(at(12, 9, 30)),
    ]);
    expect(await count(trail)).toEqual({ sent: 2, unknown: 1 });

    // Today, for real: only what is recorded now counts, the moment it is on disk.
    await trail.record(subject, 'ForgotPassword', { outcome: 'unknown', code: 'OutcomeUnknown' });
    await trail.record(subject, 'ForgotPassword', { outcome: 'success', code: 'OK' });
    expect(await trail.codesSentToday('demo', alice.userPoolId, alice.username)).toEqual({ sent: 1, unknown: 1 });
  });

  it('still counts a record written a few minutes out of order around midnight', async () => {
    const { trail } = await trailOn([sent(at(11, 12, 0)), sent(at(12, 0, 1)), sent(at(11, 23, 58)), sent(at(12, 0, 2))]);
    expect(await count(trail)).toEqual({ sent: 2, unknown: 0 });
  });

  it('starts again from nothing the next day', async () => {
    const { trail } = await trailOn([sent(at(12, 9, 0)), sent(at(12, 23, 59))]);
    expect(await trail.codesSentToday('demo', alice.userPoolId, alice.username, new Date(2025, 2, 13, 0, 0, 1))).toEqual({ sent: 0, unknown: 0 });
  });
});

describe('exports', () => {
  it('carry the unknown outcome in CSV and JSON, filtered like the list', async () => {
    const records = [
      auditRecord({ id: 'ok' }),
      auditRecord({ id: 'lost', outcome: 'unknown', outcomeCode: 'OutcomeUnknown' }),
      auditRecord({ id: 'failed', outcome: 'failure', outcomeCode: 'CodeMismatch' }),
    ];
    const { trail } = await trailOn(records);
    const csv = await trail.export({ format: 'csv', outcome: 'unknown' });
    const rows = Papa.parse<Record<string, string>>(csv.content, { header: true, skipEmptyLines: true }).data;
    expect(csv.count).toBe(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'unknown', outcome_code: 'OutcomeUnknown' });

    const json = await trail.export({ format: 'json' });
    expect(json.count).toBe(3);
    expect(JSON.parse(json.content)).toEqual([...records].reverse());
    expect(json.content).toBe(`${JSON.stringify([...records].reverse(), null, 2)}\n`);
  });

  it('export logs larger than one read batch whole, newest first', async () => {
    const records = [...realisticAuditRecords({ count: 2500, newest: new Date() })];
    const { trail } = await trailOn(records);
    const csv = await trail.export({ format: 'csv' });
    const rows = Papa.parse<Record<string, string>>(csv.content, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.request_id)).toEqual([...records].reverse().map((r) => r.requestId));
    const json = await trail.export({ format: 'json', username: 'customer0042' });
    expect(ids(JSON.parse(json.content) as AuditRecord[])).toEqual(newestFirst(records.filter((r) => r.username.includes('customer0042'))));
  });

  it('CSV escapes a formula in every text column, line breaks, leading spaces and full-width signs included, and parses back to the escaped text', async () => {
    const hostile = ['=1+1\nx', '=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tleading tab', '\rleading CR', '\n=on the next line', '  =after spaces', ' \t+after space and tab', '＝1+1', '＋1', '－1', '＠SUM(A1)'];
    const everyTextField = (value: string, i: number) =>
      auditEntry({
        id: `hostile-${i}`,
        time: value,
        operator: { osUser: value, displayName: value },
        connection: { id: value, name: value, region: value },
        userPoolId: value,
        clientId: value,
        username: value,
        sub: value,
        outcomeCode: value,
        requestId: value,
        ticket: value,
        callerVerification: [value],
      });
    const { trail } = await trailOnChained(hostile.map(everyTextField), [auditEntry({ id: 'plain', username: 'alice.verified', ticket: 'INC 42 - follow-up', requestId: ' 7f3a' })]);
    const csv = await trail.export({ format: 'csv' });
    const parsed = Papa.parse<Record<string, string>>(csv.content, { header: true, skipEmptyLines: true, newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [plain, ...rows] = parsed.data;
    const textColumns = parsed.meta.fields?.filter((column) => !['action', 'outcome'].includes(column)) ?? [];
    expect(textColumns).toHaveLength(14);
    expect(rows).toHaveLength(hostile.length);
    rows.forEach((row, i) => {
      const value = hostile[hostile.length - 1 - i];
      for (const column of textColumns) expect({ column, cell: row[column] }).toEqual({ column, cell: `'${value}` });
    });
    // Ordinary values are left alone.
    expect(plain).toMatchObject({ username: 'alice.verified', ticket: 'INC 42 - follow-up', request_id: ' 7f3a', outcome: 'success' });
  });
});
