import { open, type FileHandle } from 'node:fs/promises';
import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  DescribeLogStreamsCommand,
  PutLogEventsCommand,
  type InputLogEvent,
  type RejectedLogEventsInfo,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Command } from '@smithy/types';
import { z } from 'zod';
import type { AuditTrailState } from '../../shared/contract';
import type { ApiError, ErrorCode } from '../../shared/errors';
import type { CloudWatchLogsAudit } from '../../shared/policy';
import type { AuditTrail } from './audit-trail';
import { createCredentialProvider } from './aws-credentials';
import { sharedConfigPaths } from './aws-profiles';
import type { DiagnosticLog } from './diagnostics';
import { apiError, RecoveryDeskError, toApiError, withCallContext } from './errors';
import { jsonFile } from './json-file';

// The central audit trail: every record of the local audit log also goes to the CloudWatch Logs log
// group the organization's policy names, one stream per computer and OS user. The local JSONL stays
// the write-ahead log: a record is on disk before the operator hears of success, and is shipped from
// there afterwards, in file order, in batches, at least once. How far delivery has got is kept in a
// small file next to the log, moved on only after CloudWatch Logs accepted a batch, so an outage of
// hours, a kill -9 or a restart loses nothing; a record may arrive twice, and its id tells.
// Only each line's `id` and `time` are read: the line itself is sent exactly as it is in the file.

/** PutLogEvents' limits, from the CloudWatch Logs API reference. */
export const PUT_LOG_EVENTS = {
  maxEvents: 10_000,
  /** The sum of the messages' UTF-8 bytes plus bytesPerEvent for each. */
  maxBytes: 1_048_576,
  bytesPerEvent: 26,
  /** The events of one batch may span at most this. */
  maxSpanMs: 24 * 3600_000,
  /** Older events are rejected (as are events older than the log group's retention). */
  maxAgeMs: 14 * 24 * 3600_000,
} as const;

// Kept inside the limits by a margin, so a clock that moves during a call cannot push a batch over.
const MARGIN_MS = 5 * 60_000;
/** Longer lines cannot be audit records (whose fields are capped); they are passed over like a torn line. */
const MAX_MESSAGE_BYTES = 256 * 1024 - PUT_LOG_EVENTS.bytesPerEvent;
const SCAN_CHUNK_BYTES = 256 * 1024;

/** Deadlines and retry pacing. Tests shorten them; the defaults are the product's. */
export interface DeliveryPolicy {
  /** No TCP connection by then: the attempt fails. */
  connectTimeoutMs: number;
  /** One attempt of one call; the SDK tries up to three times (throttling, 5xx, a cut connection). */
  attemptTimeoutMs: number;
  /** One call, its attempts included. */
  callDeadlineMs: number;
  /** After a failed pass, the first wait; each further failure doubles it, up to maxRetryMs. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  connectTimeoutMs: 5_000,
  attemptTimeoutMs: 15_000,
  callDeadlineMs: 45_000,
  firstRetryMs: 2_000,
  maxRetryMs: 5 * 60_000,
};

export interface AuditShipper {
  /** A record was appended (or may have been): deliver it soon. Does nothing while waiting to retry. */
  wake(): void;
  state(): Promise<AuditTrailState>;
  /** Stops after the batch in flight (waiting for it at most `timeoutMs`), which may be cut short. */
  close(timeoutMs: number): Promise<void>;
}

export interface AuditShipperOptions {
  /** The audit log (JSONL). */
  auditPath: string;
  /** Where delivery has got to: a small JSON file next to the log. */
  positionPath: string;
  /** The policy's audit.cloudWatchLogs; without one, nothing is shipped. */
  destination: CloudWatchLogsAudit | undefined;
  osUser: string;
  computer: string;
  /** Where the shared AWS config files are (the profile's credentials). */
  env: NodeJS.ProcessEnv;
  diagnostics: DiagnosticLog;
  policy?: Partial<DeliveryPolicy>;
  now?: () => number;
}

/**
 * <prefix><computer>/<OS user>, within CloudWatch Logs' rules for a stream name: at most 512
 * characters, no ':' or '*' (control characters are replaced too).
 */
export function logStreamName(prefix: string, computer: string, osUser: string): string {
  const clean = (text: string) => text.replace(/[:*\p{Cc}]/gu, '_');
  const name = `${clean(prefix)}${clean(computer) || 'unknown-computer'}/${clean(osUser) || 'unknown-user'}`;
  return Array.from(name).slice(0, 512).join('');
}

/** The trail as the service uses it: each record, once written (or refused), wakes the shipper. */
export function shippingTrail(trail: AuditTrail, shipper: Pick<AuditShipper, 'wake'>): AuditTrail {
  // Everything but record passes straight through, so a new trail method needs nothing here.
  return {
    ...trail,
    async record(...args) {
      try {
        await trail.record(...args);
      } finally {
        shipper.wake();
      }
    },
  };
}

const Position = z.strictObject({
  v: z.literal(1),
  /** Region, log group and stream the records went to: another destination starts from the log's first line. */
  destination: z.string(),
  /** Every line before this byte of the log has been delivered (or was no record: blank, torn). */
  offset: z.number().int().nonnegative(),
  /** The last record delivered: where it lies and its id, to tell that the log is still the file delivered from. */
  last: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), id: z.string() }).optional(),
  /** When CloudWatch Logs last accepted a batch. */
  deliveredAt: z.string().optional(),
});
type Position = z.infer<typeof Position>;

/** One whole line of the log: where it starts, where the next one does, and its text (undefined when too long to be a record). */
interface LogLine {
  start: number;
  next: number;
  text: string | undefined;
}

/**
 * Calls `visit` with each whole line from byte `from` on, until it returns false or the file ends;
 * bytes after the last newline (a record being written) are not a line yet. Reads in chunks.
 */
async function eachLine(file: FileHandle, from: number, visit: (line: LogLine) => boolean): Promise<void> {
  const chunk = Buffer.allocUnsafe(SCAN_CHUNK_BYTES);
  let pieces: Buffer[] = [];
  let pieceBytes = 0;
  let lineStart = from;
  let position = from;
  for (;;) {
    const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) return;
    const bytes = chunk.subarray(0, bytesRead);
    let cursor = 0;
    for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, cursor)) {
      const tail = bytes.subarray(cursor, newline);
      const length = pieceBytes + tail.length;
      const text = length <= MAX_MESSAGE_BYTES ? Buffer.concat([...pieces, tail]).toString('utf8') : undefined;
      const next = position + newline + 1;
      pieces = [];
      pieceBytes = 0;
      cursor = newline + 1;
      if (!visit({ start: lineStart, next, text })) return;
      lineStart = next;
    }
    const rest = bytes.subarray(cursor);
    // A copy: the chunk is read into again. A line already too long keeps only its count.
    if (pieceBytes + rest.length <= MAX_MESSAGE_BYTES) pieces.push(Buffer.from(rest));
    pieceBytes += rest.length;
    position += bytesRead;
  }
}

/** A line's record id and time (ms), when it is a record: a JSON object with an id. Nothing else of it is read. */
function recordOf(text: string | undefined): { id: string; time: number | undefined } | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, time } = value as { id?: unknown; time?: unknown };
  if (typeof id !== 'string' || id === '') return undefined;
  const ms = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return { id, time: Number.isNaN(ms) ? undefined : ms };
}

export interface Batch {
  events: InputLogEvent[];
  /** Where the next batch starts: after every line this one covered, records and passed-over lines alike. */
  next: number;
  /** The last record in it. */
  last?: Position['last'];
  /** Lines passed over: blank, torn by a crash, or not a record. */
  passedOver: number;
}

/**
 * The next batch from byte `from`, in file order, within PutLogEvents' limits. Each event's timestamp
 * is its record's time, kept where CloudWatch Logs accepts it (not in the future, not older than 14
 * days) and never before the event ahead of it, as a batch must be in time order.
 */
export async function readBatch(file: FileHandle, from: number, now: number): Promise<Batch> {
  const batch: Batch = { events: [], next: from, passedOver: 0 };
  const oldest = now - PUT_LOG_EVENTS.maxAgeMs + MARGIN_MS;
  let bytes = 0;
  let first: number | undefined;
  let previous = Number.NEGATIVE_INFINITY;
  await eachLine(file, from, (line) => {
    const record = recordOf(line.text);
    if (!record || line.text === undefined) {
      batch.passedOver += 1;
      batch.next = line.next;
      return true;
    }
    const size = Buffer.byteLength(line.text, 'utf8') + PUT_LOG_EVENTS.bytesPerEvent;
    const timestamp = Math.max(previous, Math.min(now, Math.max(oldest, record.time ?? now)));
    const full =
      batch.events.length >= PUT_LOG_EVENTS.maxEvents ||
      bytes + size > PUT_LOG_EVENTS.maxBytes ||
      (first !== undefined && timestamp - first > PUT_LOG_EVENTS.maxSpanMs - MARGIN_MS);
    if (full) return false;
    batch.events.push({ timestamp, message: line.text });
    bytes += size;
    first ??= timestamp;
    previous = timestamp;
    batch.next = line.next;
    batch.last = { start: line.start, end: line.next - 1, id: record.id };
    return true;
  });
  return batch;
}

/** The events CloudWatch Logs refused for their time (too old for it or the group's retention, or too new). */
export function rejectedEvents(events: readonly InputLogEvent[], info: RejectedLogEventsInfo | undefined): InputLogEvent[] {
  if (!info) return [];
  // Both end indexes are exclusive: the events before them are rejected; the start index is inclusive.
  const tooOld = Math.max(info.tooOldLogEventEndIndex ?? 0, info.expiredLogEventEndIndex ?? 0);
  const tooNew = info.tooNewLogEventStartIndex ?? events.length;
  return [...events.slice(0, tooOld), ...events.slice(Math.max(tooOld, tooNew))];
}

/** The wait before attempt `failures + 1`: doubling from the first wait, capped, with jitter so fifty desktops do not retry together. */
export function retryDelay(failures: number, policy: Pick<DeliveryPolicy, 'firstRetryMs' | 'maxRetryMs'>, random = Math.random): number {
  const ceiling = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

const THROTTLED = new Set(['ThrottlingException', 'LimitExceededException', 'ServiceQuotaExceededException']);
const REFUSED = new Set(['InvalidParameterException', 'ValidationException', 'InvalidOperationException']);
const CREDENTIAL_CODES = new Set<ErrorCode>(['CredentialsMissing', 'CredentialsExpired', 'SsoLoginRequired', 'MfaCodeRequired', 'SecretsUnavailable']);
// Codes whose words already fit any AWS service: kept as they are.
const GENERAL_CODES = new Set<ErrorCode>(['AuditDeliveryFailed', 'NetworkError', 'AccessDenied', 'ClockSkew']);

interface SdkFailure {
  name?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** Why a pass failed, as the page words it: CloudWatch Logs' own situations, else the general AWS ones. */
function describeFailure(error: unknown, profile: string | undefined): ApiError {
  const failure = toApiError(error);
  if (CREDENTIAL_CODES.has(failure.code)) {
    if (!profile) return apiError('AuditDeliveryFailed', { cause: 'default-chain' });
    return apiError('AuditDeliveryFailed', { cause: 'profile', params: { profile, command: failure.params?.command ?? `aws sts get-caller-identity --profile ${profile}` } });
  }
  if (GENERAL_CODES.has(failure.code) && !(failure.code === 'NetworkError' && !failure.params?.host)) return failure;
  return apiError('AuditDeliveryFailed');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's resolved configuration type is internal to the SDK
type LogsCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<ServiceInputTypes, I, ServiceOutputTypes, O, any>;

/** Ships nothing: the policy names no log group. */
const localOnly: AuditShipper = {
  wake: () => undefined,
  state: async () => ({ state: 'off', waiting: 0 }),
  close: async () => undefined,
};

export function openAuditShipper(options: AuditShipperOptions): AuditShipper {
  const { auditPath, destination, diagnostics, now = Date.now } = options;
  if (!destination) return localOnly;
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  const { region, logGroupName, endpoint, profile } = destination;
  const streamName = logStreamName(destination.logStreamPrefix ?? '', options.computer, options.osUser);
  const destinationKey = `${region}/${logGroupName}/${streamName}`;
  const endpointHost = endpoint ? new URL(endpoint).host : `logs.${region}.amazonaws.com`;
  const client = new CloudWatchLogsClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    credentials: createCredentialProvider({
      source: profile ? { kind: 'profile', profile } : { kind: 'default-chain' },
      region,
      paths: sharedConfigPaths(options.env),
      defaultSessionName: 'recovery-desk-audit',
    }),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: policy.connectTimeoutMs, requestTimeout: policy.attemptTimeoutMs, throwOnRequestTimeout: true },
  });
  const positionFile = jsonFile({ path: options.positionPath, schema: Position, file: 'audit-position' });
  // stopping: no new batch is begun; closing: the one in flight is cut short.
  let stopping = false;
  const closing = new AbortController();

  let position: Position | undefined;
  let streamReady = false;
  let running: Promise<void> | undefined;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let failing: { failure: ApiError; retryAt: number } | undefined;

  /** One CloudWatch Logs call under its deadline; its failure tagged, and named where CloudWatch Logs' own words are needed. */
  async function send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: LogsCommand<I, O>): Promise<O> {
    const operation = command.constructor.name.replace(/Command$/, '');
    const deadline = AbortSignal.any([closing.signal, AbortSignal.timeout(policy.callDeadlineMs)]);
    try {
      // The race also bounds what the signal cannot stop: resolving credentials (SSO, a role).
      const expired = new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(deadline.reason as Error), { once: true }));
      return await Promise.race([client.send(command, { abortSignal: deadline }), expired]);
    } catch (caught) {
      if (deadline.aborted && !closing.signal.aborted) {
        throw new RecoveryDeskError('NetworkError', { cause: 'host-unreachable', params: { host: endpointHost, networkReason: 'timeout' } });
      }
      const e = (caught ?? {}) as SdkFailure & { message?: string };
      const status = e.$metadata?.httpStatusCode;
      // CloudWatch Logs' own words stay in the diagnostic log (scrubbed there); the page gets the facts.
      diagnostics.warn('cloudwatch-logs-call-failed', { operation, error: e.name, httpStatus: status, message: e.message?.slice(0, 300) });
      if (THROTTLED.has(e.name ?? '')) throw new RecoveryDeskError('AuditDeliveryFailed', { cause: 'throttled', params: { operation } });
      if (status !== undefined && status >= 500) throw new RecoveryDeskError('AuditDeliveryFailed', { cause: 'server-error', params: { operation, httpStatus: status } });
      if (REFUSED.has(e.name ?? '')) throw new RecoveryDeskError('AuditDeliveryFailed', { cause: 'rejected-value', params: { operation } });
      throw withCallContext(caught, { service: 'logs', operation, endpointHost, ...(profile ? { profile } : {}) });
    }
  }

  const isNotFound = (error: unknown) => (error as SdkFailure | undefined)?.name === 'ResourceNotFoundException';

  /** The stream, created when missing; the log group is the administrator's, and its absence is said, never mended. */
  async function ensureStream(): Promise<void> {
    let found;
    try {
      found = await send(new DescribeLogStreamsCommand({ logGroupName, logStreamNamePrefix: streamName }));
    } catch (error) {
      if (isNotFound(error)) throw new RecoveryDeskError('AuditDeliveryFailed', { cause: 'log-group-missing', params: { logGroupName, region } });
      throw error;
    }
    if (found.logStreams?.some((stream) => stream.logStreamName === streamName)) return;
    try {
      await send(new CreateLogStreamCommand({ logGroupName, logStreamName: streamName }));
      diagnostics.info('audit-stream-created', { logGroupName, logStreamName: streamName });
    } catch (error) {
      // Another console of this user created it meanwhile: fine. A group deleted meanwhile: said as such.
      if ((error as SdkFailure | undefined)?.name === 'ResourceAlreadyExistsException') return;
      if (isNotFound(error)) throw new RecoveryDeskError('AuditDeliveryFailed', { cause: 'log-group-missing', params: { logGroupName, region } });
      throw error;
    }
  }

  async function put(events: InputLogEvent[]): Promise<void> {
    const answer = await send(new PutLogEventsCommand({ logGroupName, logStreamName: streamName, logEvents: events }));
    const refused = rejectedEvents(events, answer.rejectedLogEventsInfo);
    if (refused.length === 0) return;
    // Older than the group keeps records (or 14 days), or ahead of its clock: sent again stamped now,
    // in one batch (all at one time, so in order); the record's own time is in its message.
    const stamp = now();
    const retried = await send(new PutLogEventsCommand({ logGroupName, logStreamName: streamName, logEvents: refused.map(({ message }) => ({ message, timestamp: stamp })) }));
    const lost = rejectedEvents(refused, retried.rejectedLogEventsInfo).length;
    diagnostics.warn('audit-events-restamped', { count: refused.length, refusedAgain: lost });
  }

  /** Where delivery stands, read once from its file; another destination, or a damaged file, starts from the first line. */
  async function loadPosition(): Promise<Position> {
    if (position) return position;
    const read = await positionFile.read();
    if (read.problem) diagnostics.warn('audit-position-unusable', { problem: read.problem });
    position = read.value?.destination === destinationKey ? read.value : { v: 1, destination: destinationKey, offset: 0 };
    return position;
  }

  /** Whether the log still holds the last record delivered where the position says (else it was replaced, cut or rewritten). */
  async function stillDescribes(file: FileHandle, { offset, last }: Position): Promise<boolean> {
    const { size } = await file.stat();
    if (offset > size) return false;
    if (!last) return true;
    const bytes = Buffer.alloc(last.end - last.start);
    const { bytesRead } = await file.read(bytes, 0, bytes.length, last.start);
    return bytesRead === bytes.length && recordOf(bytes.toString('utf8'))?.id === last.id;
  }

  async function openLog(): Promise<FileHandle | undefined> {
    try {
      return await open(auditPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Delivers everything on disk, batch after batch, moving the position on after each accepted one. */
  async function deliverAll(): Promise<void> {
    if (!streamReady) {
      await ensureStream();
      streamReady = true;
    }
    const file = await openLog();
    if (!file) return;
    try {
      let current = await loadPosition();
      if (!(await stillDescribes(file, current))) {
        // Everything is sent again rather than anything skipped: duplicates carry their ids.
        diagnostics.warn('audit-delivery-restarted', { reason: 'log-changed', offset: current.offset });
        current = { v: 1, destination: destinationKey, offset: 0 };
        position = current;
      }
      while (!stopping) {
        const batch = await readBatch(file, current.offset, now());
        if (batch.next === current.offset) return;
        if (batch.events.length > 0) {
          try {
            await put(batch.events);
          } catch (error) {
            if (!isNotFound(error)) throw error;
            // The stream (or the group) was deleted since: make it again, or say the group is gone.
            streamReady = false;
            await ensureStream();
            streamReady = true;
            await put(batch.events);
          }
        }
        current = {
          v: 1,
          destination: destinationKey,
          offset: batch.next,
          ...((batch.last ?? current.last) ? { last: batch.last ?? current.last } : {}),
          ...(batch.events.length > 0 ? { deliveredAt: new Date(now()).toISOString() } : current.deliveredAt ? { deliveredAt: current.deliveredAt } : {}),
        };
        await positionFile.write(current);
        position = current;
        if (batch.passedOver > 0) diagnostics.warn('audit-lines-passed-over', { count: batch.passedOver, before: batch.next });
      }
    } finally {
      await file.close();
    }
  }

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await deliverAll();
        if (failing) diagnostics.info('audit-delivery-resumed', { afterFailures: failures });
        failures = 0;
        failing = undefined;
      } catch (error) {
        if (stopping) return;
        failures += 1;
        const failure = describeFailure(error, profile);
        const delay = retryDelay(failures, policy);
        failing = { failure, retryAt: now() + delay };
        diagnostics.warn('audit-delivery-failed', { code: failure.code, cause: failure.cause, attempt: failures, retryInMs: delay });
        if (failures === 1) diagnostics.error('audit-delivery-error', error, { logGroupName, region });
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          wake();
        }, delay);
        return;
      }
    } while (again && !stopping);
  }

  function wake(): void {
    // While waiting to retry, the retry takes the new records along; no attempt after each one.
    if (stopping || retryTimer) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
    });
  }

  // What was written while the console was closed, or could not be delivered then, goes now.
  wake();

  return {
    wake,

    async state() {
      const destinationFacts = { region, logGroupName, logStreamName: streamName };
      const { offset, deliveredAt } = await loadPosition();
      let waiting = 0;
      let since: number | undefined;
      const file = await openLog();
      if (file) {
        try {
          const { size } = await file.stat();
          await eachLine(file, Math.min(offset, size), (line) => {
            const record = recordOf(line.text);
            if (record) {
              waiting += 1;
              since ??= record.time;
            }
            return true;
          });
        } finally {
          await file.close();
        }
      }
      // Lines another console appended to the same log wake no one here: looking finds them.
      if (waiting > 0 && !running) wake();
      const common = {
        destination: destinationFacts,
        waiting,
        ...(waiting > 0 && since !== undefined ? { waitingSince: new Date(since).toISOString() } : {}),
        ...(deliveredAt ? { lastDeliveredAt: deliveredAt } : {}),
      };
      if (failing) return { state: 'failing', ...common, failure: failing.failure, retryAt: new Date(failing.retryAt).toISOString() };
      return { state: waiting > 0 ? 'waiting' : 'delivered', ...common };
    },

    async close(timeoutMs) {
      stopping = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const inFlight = running;
      if (inFlight) {
        // The batch in flight may finish (and its position be written); the next is not begun.
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([inFlight, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
        clearTimeout(timer);
      }
      closing.abort();
      await inFlight?.catch(() => undefined);
      client.destroy();
    },
  };
}
