import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { createBackend, type Backend } from '../../electron/core/backend';
import { startDemoEmulator } from '../../electron/emulator';
import { auditEntry, realisticAuditEntries, writeChainedAuditLog } from '../integration/helpers/audit-log-fixture';

// The audit log must not slow the console down as it grows. Targets, printed after the run:
//   recovery:verdict at 100,000 records ≤ 1.2 × the same verdict with an empty log;
//   audit:list, first page (200) at 100,000 records ≤ 50 ms, with and without a username filter.
// Timings are the medians of the samples each bench below takes; the machine is shared, so they
// are read here, never asserted in a test.
const LARGE = 100_000;
const VERDICT_RATIO_TARGET = 1.2;
const FIRST_PAGE_TARGET_MS = 50;
const MB = 1024 * 1024;
const AT_LARGE = `${LARGE.toLocaleString('en')} records`;

const VERDICT: RequestOf<'recovery:verdict'> = {
  connectionId: 'demo',
  userPoolId: 'us-east-1_AcmeStaff1',
  clientId: 'staffconsolepublic000001',
  username: 'alice.verified',
};

interface Site {
  dataDir: string;
  backend: Backend;
}

let empty: Site;
let large: Site;
const samples = new Map<string, number[]>();
const notes: string[] = [];

let peakHeap = 0;
let heapBeforeCalls = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
sampler.unref();

async function call<C extends Channel>(site: Site, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await site.backend.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ResponseOf<C>;
}

/** A bench whose own samples are kept, so the targets can be compared after the run. */
function timed<C extends Channel>(name: string, site: () => Site, channel: C, request: RequestOf<C>) {
  samples.set(name, []);
  bench(name, async () => {
    const start = performance.now();
    await call(site(), channel, request);
    samples.get(name)?.push(performance.now() - start);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
}

function median(name: string): number {
  const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A data dir whose audit log holds `records` realistic records, chained as the console writes them, the newest a minute old. */
async function dataDirWithLog(records: number): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-bench-'));
  if (records === 0) return dataDir;
  await mkdir(join(dataDir, 'audit'), { recursive: true });
  // The verdict's user was sent codes today, one of them unanswered.
  const now = Date.now();
  const today = (outcome: 'success' | 'unknown') =>
    auditEntry({
      userPoolId: VERDICT.userPoolId,
      clientId: VERDICT.clientId,
      username: VERDICT.username,
      time: new Date(now - 30_000).toISOString(),
      outcome,
      outcomeCode: outcome === 'success' ? 'OK' : 'OutcomeUnknown',
    });
  await writeChainedAuditLog(join(dataDir, 'audit', 'audit-log.jsonl'), realisticAuditEntries({ count: records, newest: new Date(now - 60_000) }), [today('success'), today('unknown')]);
  return dataDir;
}

function openSite(dataDir: string): Site {
  return {
    dataDir,
    backend: createBackend({
      dataDir,
      env: {},
      // Throttling off: a benchmark loops far past Cognito's request-rate quotas on purpose.
      startDemo: () => startDemoEmulator({ dataDir, throttling: false }),
      // Each verdict reads the user from Cognito (the emulator), as when an operator opens a user; the
      // 3 s shared read would otherwise answer every looped verdict from memory but for its audit count.
      callPolicy: { userReadShareMs: 0 },
    }),
  };
}

beforeAll(async () => {
  empty = openSite(await dataDirWithLog(0));
  await call(empty, 'recovery:verdict', VERDICT);

  const largeDir = await dataDirWithLog(LARGE);
  const bytes = (await stat(join(largeDir, 'audit', 'audit-log.jsonl'))).size;
  const heapBefore = process.memoryUsage().heapUsed;
  peakHeap = heapBefore;
  const start = performance.now();
  large = openSite(largeDir);
  const opened = await call(large, 'audit:list', { limit: 1 });
  if (opened.total !== LARGE + 2 || opened.damagedLines.length > 0) throw new Error(`the log written is not the one read: ${opened.total} records, ${opened.damagedLines.length} damaged lines`);
  notes.push(
    `log of ${AT_LARGE} (${(bytes / MB).toFixed(1)} MB): opened and first answered in ${(performance.now() - start).toFixed(0)} ms, ` +
      `peak heap growth meanwhile ${((peakHeap - heapBefore) / MB).toFixed(1)} MB`,
  );
  const verdict = await call(large, 'recovery:verdict', VERDICT); // starts this site's emulator before timing
  if (verdict.codesSentToday !== 1) throw new Error(`expected the one code sent today, counted ${verdict.codesSentToday}`);
  heapBeforeCalls = peakHeap = process.memoryUsage().heapUsed;
}, 120_000);

afterAll(async () => {
  const verdictRatio = median(`verdict at ${AT_LARGE}`) / median('verdict at 0 records');
  const pages = [`first page at ${AT_LARGE}`, `first page at ${AT_LARGE}, username filter`];
  const lines = [
    ...notes,
    ...[...samples.keys()].map((name) => `${name}: median ${median(name).toFixed(2)} ms over ${samples.get(name)?.length ?? 0} calls`),
    `verdict(100k) / verdict(0) = ${verdictRatio.toFixed(2)}× (target ≤ ${VERDICT_RATIO_TARGET}×): ${verdictRatio <= VERDICT_RATIO_TARGET ? 'met' : 'MISSED'}`,
    ...pages.map((name) => `${name}: ${median(name).toFixed(2)} ms (target ≤ ${FIRST_PAGE_TARGET_MS} ms): ${median(name) <= FIRST_PAGE_TARGET_MS ? 'met' : 'MISSED'}`),
    `peak heap growth during the timed calls: ${((peakHeap - heapBeforeCalls) / MB).toFixed(1)} MB`,
  ];
  console.log(`\nAudit log benchmark\n  ${lines.join('\n  ')}\n`);
  clearInterval(sampler);
  await Promise.all([empty, large].map(async (site) => {
    await site.backend.close();
    await rm(site.dataDir, { recursive: true, force: true });
  }));
});

describe('recovery:verdict counts today\'s codes from the audit log', () => {
  timed('verdict at 0 records', () => empty, 'recovery:verdict', VERDICT);
  timed(`verdict at ${AT_LARGE}`, () => large, 'recovery:verdict', VERDICT);
});

describe('audit:list, the first page the audit view shows', () => {
  timed(`first page at ${AT_LARGE}`, () => large, 'audit:list', {});
  timed(`first page at ${AT_LARGE}, username filter`, () => large, 'audit:list', { username: 'customer12' });
});
