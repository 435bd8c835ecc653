import { open } from 'node:fs/promises';
import type { AuditEntry, AuditRecord, UnchainedAuditRecord } from '../../../shared/audit-record';
import { chainedLine, type ChainLink } from '../../../electron/core/audit-chain';
import { openAuditTrail } from '../../../electron/core/audit-trail';

// Audit logs written straight to disk, as the console would have written them over months:
// several operators, connections and pools, thousands of users, the usual mix of actions and outcomes.
// Logs from before the hash chain (version 1 lines) and chained ones, written as the console writes them.

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the console records of one action, with plausible values; override what the test is about. */
export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `rec-${Math.random().toString(36).slice(2)}`,
    time: new Date().toISOString(),
    operator: { osUser: 'tester' },
    connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
    userPoolId: 'us-east-1_AcmeStaff1',
    username: 'alice.verified',
    action: 'ForgotPassword',
    outcome: 'success',
    outcomeCode: 'OK',
    ...overrides,
  };
}

/** A record as the console wrote it before the chain (version 1). */
export function auditRecord(overrides: Partial<UnchainedAuditRecord> = {}): UnchainedAuditRecord {
  return { v: 1, ...auditEntry(), ...overrides };
}

/** The i-th of a list, round and round. */
const pick = <T,>(list: readonly [T, ...T[]], i: number): T => list[i % list.length] ?? list[0];

const OPERATORS: [AuditRecord['operator'], ...AuditRecord['operator'][]] = [
  { osUser: 'dana', displayName: 'Dana (Tier 1)' },
  { osUser: 'sam', displayName: 'Sam Lee' },
  { osUser: 'priya' },
  { osUser: 'helpdesk-night', displayName: 'Night shift' },
];
const CONNECTIONS: [AuditRecord['connection'], ...AuditRecord['connection'][]] = [
  { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
  { id: 'prod-eu', name: 'Production EU', region: 'eu-west-1' },
  { id: 'prod-us', name: 'Production US', region: 'us-east-1' },
];
const POOLS = ['us-east-1_AcmeStaff1', 'us-east-1_AcmeCust01', 'eu-west-1_Customers9'] as const;
const ACTIONS = ['ForgotPassword', 'ForgotPassword', 'ForgotPassword', 'ConfirmForgotPassword', 'ConfirmForgotPassword', 'ResendInvitation', 'AdminResetUserPassword', 'AdminSetTemporaryPassword'] as const;
const FAILURES = ['CodeMismatch', 'ExpiredCode', 'LimitExceeded', 'UserNotFound', 'CodeDeliveryFailure'] as const;

/** The i-th entry of a realistic log: most succeed, some fail, a few never got their answer. */
export function realisticAuditEntry(i: number, time: Date): AuditEntry {
  const roll = (i * 7919) % 100;
  const outcome = roll < 84 ? 'success' : roll < 97 ? 'failure' : 'unknown';
  return auditEntry({
    id: `bench-${i}`,
    time: time.toISOString(),
    operator: pick(OPERATORS, i >> 3),
    connection: pick(CONNECTIONS, i),
    userPoolId: pick(POOLS, i >> 1),
    clientId: 'staffconsolepublic000001',
    username: `customer${String((i * 31) % 5000).padStart(4, '0')}@example.com`,
    action: pick(ACTIONS, i * 13),
    outcome,
    outcomeCode: outcome === 'success' ? 'OK' : outcome === 'unknown' ? 'OutcomeUnknown' : pick(FAILURES, i),
    requestId: `3f1c${String(i).padStart(8, '0')}-9a4e-4b1d-8c77-0e5d2a6b9f10`,
    ticket: `INC-${100000 + i}`,
    ...(i % 4 === 0 ? { callerVerification: ["Caller gave the account's email address or phone number", 'Caller confirmed the ticket number'] } : {}),
  });
}

export interface RealisticLogOptions {
  count: number;
  /** The newest record's time; the others go back `days` evenly. */
  newest: Date;
  days?: number;
}

/** A realistic log's entries, oldest first. */
export function* realisticAuditEntries({ count, newest, days = 365 }: RealisticLogOptions): Generator<AuditEntry> {
  const step = count > 1 ? (days * DAY_MS) / (count - 1) : 0;
  for (let i = 0; i < count; i++) yield realisticAuditEntry(i, new Date(newest.getTime() - (count - 1 - i) * step));
}

/** A realistic log as written before the chain, oldest first. */
export function* realisticAuditRecords(options: RealisticLogOptions): Generator<UnchainedAuditRecord> {
  for (const entry of realisticAuditEntries(options)) yield { v: 1, ...entry };
}

/** Writes these lines in large chunks: a hundred thousand take well under a second. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    let chunk: string[] = [];
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length === 5000) {
        await file.write(`${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) await file.write(`${chunk.join('\n')}\n`);
  } finally {
    await file.close();
  }
}

/** Writes a log of these records as they are, one JSON line each (records from before the chain, or lines a test made up). */
export async function writeAuditLog(path: string, ...sources: Iterable<AuditRecord>[]): Promise<void> {
  await writeLines(path, (function* () {
    for (const source of sources) for (const record of source) yield JSON.stringify(record);
  })());
}

/** The chained lines (without newlines) that record these entries in a new file, as the console writes them. */
export function* chainedLines(...sources: Iterable<AuditEntry>[]): Generator<string> {
  let previous: ChainLink | undefined;
  for (const source of sources) {
    for (const entry of source) {
      const { line, link } = chainedLine(entry, previous);
      previous = link;
      yield line;
    }
  }
}

/** Writes a chained log of these entries, as the console writes it. */
export async function writeChainedAuditLog(path: string, ...sources: Iterable<AuditEntry>[]): Promise<void> {
  await writeLines(path, chainedLines(...sources));
}

/** Every record of the log, oldest first, and its damaged lines, paged through as the audit view does. */
export async function readWholeAuditLog(path: string): Promise<{ records: AuditRecord[]; damagedLines: number[] }> {
  const trail = openAuditTrail(path);
  try {
    const records: AuditRecord[] = [];
    for (;;) {
      const page = await trail.list({ limit: 1000, offset: records.length });
      records.push(...page.records);
      if (page.records.length === 0 || records.length >= page.total) return { records: records.reverse(), damagedLines: page.damagedLines };
    }
  } finally {
    await trail.close();
  }
}
