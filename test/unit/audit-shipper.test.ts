import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logStreamName, PUT_LOG_EVENTS, readBatch, rejectedEvents, retryDelay, type Batch } from '../../electron/core/audit-shipper';

// What the shipper decides on its own: the stream's name, how a batch is cut from the log within
// PutLogEvents' limits, which events CloudWatch Logs refused, and how long it waits before retrying.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-shipper-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3600_000;
const NOW = Date.parse('2026-03-10T12:00:00.000Z');

const line = (id: string, time: number | string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ v: 1, id, time: typeof time === 'number' ? new Date(time).toISOString() : time, ...extra });

async function batchOf(content: string, from = 0, now = NOW): Promise<Batch> {
  const path = join(dir, 'audit.jsonl');
  writeFileSync(path, content);
  const file = await open(path, 'r');
  try {
    return await readBatch(file, from, now);
  } finally {
    await file.close();
  }
}

describe('the log stream of a computer and OS user', () => {
  it('is <prefix><computer>/<OS user>', () => {
    expect(logStreamName('helpdesk/', 'DESK-042', 'dana')).toBe('helpdesk/DESK-042/dana');
    expect(logStreamName('', 'desk', 'dana')).toBe('desk/dana');
  });

  it('keeps to CloudWatch Logs’ rules: no ":" or "*", no control characters, at most 512 characters', () => {
    expect(logStreamName('a:b*', 'host:1', 'DOMAIN*user\u0007')).toBe('a_b_host_1/DOMAIN_user_');
    const long = logStreamName('ü'.repeat(300), 'ö'.repeat(300), 'user');
    expect(Array.from(long)).toHaveLength(512);
    // A character outside the BMP is never cut in half.
    expect(logStreamName('😀'.repeat(600), 'h', 'u')).toBe('😀'.repeat(512));
    expect(logStreamName('', '', '')).toBe('unknown-computer/unknown-user');
  });
});

describe('a batch cut from the log', () => {
  it('holds each record’s line exactly as written, in file order, and ends after the last whole line', async () => {
    const lines = [line('a', NOW - 3 * HOUR), line('b', NOW - 2 * HOUR, { ticket: 'INC-1 ünïcode' }), line('c', NOW - HOUR)];
    const content = `${lines.join('\n')}\n{"v":1,"id":"being-writ`;
    const batch = await batchOf(content);
    expect(batch.events.map((event) => event.message)).toEqual(lines);
    expect(batch.events.map((event) => event.timestamp)).toEqual([NOW - 3 * HOUR, NOW - 2 * HOUR, NOW - HOUR]);
    expect(batch.next).toBe(Buffer.byteLength(`${lines.join('\n')}\n`));
    expect(batch.last).toEqual({ start: Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`), end: batch.next - 1, id: 'c' });
  });

  it('passes over blank, torn and foreign lines, and lines too long to be a record, but moves past them', async () => {
    const content = ['', '{"v":1,"id":"torn","time":"20', '[1,2]', '{"no":"id"}', `{"id":"huge","pad":"${'x'.repeat(300 * 1024)}"}`, line('kept', NOW)].join('\n') + '\n';
    const batch = await batchOf(content);
    expect(batch.events.map((event) => JSON.parse(event.message ?? '').id)).toEqual(['kept']);
    expect(batch.passedOver).toBe(5);
    expect(batch.next).toBe(Buffer.byteLength(content));
  });

  it('starts where it is told and is empty at the end of the log', async () => {
    const first = `${line('a', NOW)}\n`;
    const content = `${first}${line('b', NOW)}\n`;
    expect((await batchOf(content, Buffer.byteLength(first))).events.map((event) => JSON.parse(event.message ?? '').id)).toEqual(['b']);
    const end = await batchOf(content, Buffer.byteLength(content));
    expect(end).toEqual({ events: [], next: Buffer.byteLength(content), passedOver: 0 });
  });

  it('stamps events in time order, never in the future and never older than CloudWatch Logs accepts', async () => {
    const content = [
      line('too-old', NOW - 30 * 24 * HOUR),
      line('before', NOW - 2 * HOUR),
      line('clock-went-back', NOW - 5 * HOUR),
      line('no-time', 'not a time'),
      line('future', NOW + 5 * HOUR),
    ].join('\n');
    const first = await batchOf(`${content}\n`);
    // Clamped to 14 days ago, the first event is more than 24 hours before the next: a batch of its own.
    expect(first.events.map((event) => JSON.parse(event.message ?? '').id)).toEqual(['too-old']);
    expect(first.events[0]?.timestamp).toBeGreaterThan(NOW - PUT_LOG_EVENTS.maxAgeMs);
    const rest = await batchOf(`${content}\n`, first.next);
    expect(rest.events.map((event) => event.timestamp)).toEqual([NOW - 2 * HOUR, NOW - 2 * HOUR, NOW, NOW]);
  });

  it('ends before 24 hours are spanned', async () => {
    const content = [line('a', NOW - 48 * HOUR), line('b', NOW - 30 * HOUR), line('c', NOW - 24 * HOUR), line('d', NOW - HOUR)].join('\n') + '\n';
    const first = await batchOf(content);
    expect(first.events.map((event) => JSON.parse(event.message ?? '').id)).toEqual(['a', 'b']);
    const second = await batchOf(content, first.next);
    expect(second.events.map((event) => JSON.parse(event.message ?? '').id)).toEqual(['c', 'd']);
  });

  it('holds at most 10,000 events and 1,048,576 bytes with 26 for each event', async () => {
    const many = Array.from({ length: 10_050 }, (_, i) => line(`m${i}`, NOW)).join('\n');
    expect((await batchOf(`${many}\n`)).events).toHaveLength(PUT_LOG_EVENTS.maxEvents);

    const big = Array.from({ length: 40 }, (_, i) => line(`b${i}`, NOW, { pad: 'x'.repeat(40_000) })).join('\n');
    const batch = await batchOf(`${big}\n`);
    const bytes = batch.events.reduce((sum, event) => sum + Buffer.byteLength(event.message ?? '') + PUT_LOG_EVENTS.bytesPerEvent, 0);
    expect(bytes).toBeLessThanOrEqual(PUT_LOG_EVENTS.maxBytes);
    expect(bytes + Buffer.byteLength(line('b0', NOW, { pad: 'x'.repeat(40_000) })) + PUT_LOG_EVENTS.bytesPerEvent).toBeGreaterThan(PUT_LOG_EVENTS.maxBytes);
  });
});

describe('the events CloudWatch Logs refused', () => {
  const events = ['a', 'b', 'c', 'd', 'e'].map((message, i) => ({ message, timestamp: i }));

  it('are those before the too-old or expired end index and from the too-new start index', () => {
    expect(rejectedEvents(events, undefined)).toEqual([]);
    expect(rejectedEvents(events, {}).map((event) => event.message)).toEqual([]);
    expect(rejectedEvents(events, { tooOldLogEventEndIndex: 2 }).map((event) => event.message)).toEqual(['a', 'b']);
    expect(rejectedEvents(events, { tooOldLogEventEndIndex: 1, expiredLogEventEndIndex: 3 }).map((event) => event.message)).toEqual(['a', 'b', 'c']);
    expect(rejectedEvents(events, { tooNewLogEventStartIndex: 4 }).map((event) => event.message)).toEqual(['e']);
    expect(rejectedEvents(events, { expiredLogEventEndIndex: 2, tooNewLogEventStartIndex: 1 }).map((event) => event.message)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('the wait before the next attempt', () => {
  const policy = { firstRetryMs: 2_000, maxRetryMs: 300_000 };

  it('doubles with each failure, up to the ceiling, with jitter of at most half', () => {
    expect(retryDelay(1, policy, () => 1)).toBe(2_000);
    expect(retryDelay(2, policy, () => 1)).toBe(4_000);
    expect(retryDelay(5, policy, () => 1)).toBe(32_000);
    expect(retryDelay(20, policy, () => 1)).toBe(300_000);
    expect(retryDelay(1, policy, () => 0)).toBe(1_000);
    expect(retryDelay(20, policy, () => 0)).toBe(150_000);
  });
});
