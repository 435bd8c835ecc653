import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditRecord } from '../../shared/audit-record';
import { auditRecord, writeAuditLog } from './helpers/audit-log-fixture';

// Memory, not time: a child process whose whole heap is a fraction of the log's size answers
// what the audit view and the verdict ask. Holding every record at once (as reading the whole
// log did) cannot fit, and V8 aborts the child.
const HEAP_LIMIT_MB = 64;
const MB = 1024 * 1024;
const RECORDS = 30_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-memory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const longest = (text: string) => `${text} `.repeat(200).slice(0, 200);

/** Records as large as the schema allows (display name, ticket, twenty checks), from yesterday. */
function* largeRecords(): Generator<AuditRecord> {
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
  for (let i = 0; i < RECORDS; i++) {
    yield auditRecord({
      id: `large-${i}`,
      time: yesterday,
      operator: { osUser: 'dana', displayName: longest(`Dana ${i}`) },
      username: `customer${i}`,
      ticket: longest(`INC-${i}`),
      callerVerification: Array.from({ length: 20 }, (_, check) => longest(`check ${check} of record ${i}`)),
    });
  }
}

it(`answers the audit view, the verdict's code count and an export from a log more than twice the size of a ${HEAP_LIMIT_MB} MB heap`, async () => {
  const path = join(dir, 'audit.jsonl');
  await writeAuditLog(path, largeRecords(), [auditRecord({ id: 'sent-today', username: 'alice.verified' })]);
  expect((await stat(path)).size).toBeGreaterThan(2 * HEAP_LIMIT_MB * MB);

  const reader = join(__dirname, 'helpers', 'audit-reader.mts');
  const { stdout } = await promisify(execFile)(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--import', 'tsx', reader, path, 'alice.verified']);
  expect(JSON.parse(stdout)).toEqual({
    total: RECORDS + 1,
    newest: 'sent-today',
    pageSize: 200,
    userTotal: 1,
    codesToday: { sent: 1, unknown: 0 },
    exported: 1,
    damagedLines: [],
  });
}, 120_000);
