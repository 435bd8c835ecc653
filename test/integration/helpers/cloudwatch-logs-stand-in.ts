import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// A stand-in for the CloudWatch Logs JSON API on 127.0.0.1, for what cannot run here: AWS JSON 1.1
// over HTTP POST (X-Amz-Target Logs_20140328.<Operation>), with CloudWatch Logs' real error shapes
// ({"__type": "...Exception", "message": "..."}) and PutLogEvents' rules (10,000 events, 1 MiB with
// 26 bytes per event, time order, 24 hours at most, events too old, expired or too new rejected with
// rejectedLogEventsInfo). The real SDK client reaches it through the policy's `endpoint`. It can be
// slow, failing (throttled, 5xx), silent or down (connection refused), and records what it accepted.

export interface AcceptedEvent {
  timestamp: number;
  message: string;
}

export interface SeenLogsCall {
  operation: string;
  /** The access key id from the Authorization header's Credential=. */
  signedWith: string | undefined;
  /** The HTTP status answered (0: no answer). */
  status: number;
  /** For PutLogEvents: how many events the request carried. */
  events?: number;
}

/** What the stand-in does with a call, before CloudWatch Logs' own rules. */
export type LogsBehaviour =
  | { kind: 'normal' }
  /** ThrottlingException (HTTP 400), as CloudWatch Logs answers past its request-rate quota. */
  | { kind: 'throttled' }
  /** AccessDeniedException (HTTP 400): IAM does not allow the operation's action. */
  | { kind: 'denied' }
  /** ServiceUnavailableException with this HTTP status. */
  | { kind: 'server-error'; status: number }
  /** Acts normally, then answers only after `delayMs`. */
  | { kind: 'slow'; delayMs: number }
  /** Acts normally (PutLogEvents' events are accepted), then never answers. */
  | { kind: 'silent' };

export interface CloudWatchLogsStandIn {
  endpoint: string;
  calls: SeenLogsCall[];
  /** A log group, as an administrator creates it (retention in days: older events are "expired"). */
  createLogGroup(name: string, options?: { retentionDays?: number }): void;
  logGroupExists(name: string): boolean;
  streams(group: string): string[];
  /** Every event accepted into a stream, in the order accepted. */
  events(group: string, stream: string): AcceptedEvent[];
  /** The behaviour for calls from now on; `operations` limits it to those (others stay normal). */
  behave(behaviour: LogsBehaviour, operations?: readonly string[]): void;
  /** Stops listening (connections refused) until up(); connections open now are cut. */
  down(): Promise<void>;
  /** Listens again, on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600_000;
const JSON_TYPE = 'application/x-amz-json-1.1';

interface Group {
  retentionDays?: number | undefined;
  streams: Map<string, AcceptedEvent[]>;
}

class LogsError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
  ) {}
}

const invalid = (message: string) => new LogsError(400, 'InvalidParameterException', message);
const groupMissing = () => new LogsError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');

export async function startCloudWatchLogsStandIn(): Promise<CloudWatchLogsStandIn> {
  const groups = new Map<string, Group>();
  const calls: SeenLogsCall[] = [];
  let behaviour: LogsBehaviour = { kind: 'normal' };
  let behaviourFor: ReadonlySet<string> | undefined;
  const sockets = new Set<Socket>();
  const silent = new Set<http.ServerResponse>();

  function groupOf(name: unknown): Group {
    const group = typeof name === 'string' ? groups.get(name) : undefined;
    if (!group) throw groupMissing();
    return group;
  }

  function describeLogStreams(input: { logGroupName?: unknown; logStreamNamePrefix?: unknown }) {
    const group = groupOf(input.logGroupName);
    const prefix = typeof input.logStreamNamePrefix === 'string' ? input.logStreamNamePrefix : '';
    const names = [...group.streams.keys()].filter((name) => name.startsWith(prefix)).sort();
    return { logStreams: names.map((logStreamName) => ({ logStreamName, creationTime: Date.now(), storedBytes: 0 })) };
  }

  function createLogStream(input: { logGroupName?: unknown; logStreamName?: unknown }) {
    const group = groupOf(input.logGroupName);
    const name = input.logStreamName;
    if (typeof name !== 'string' || name.length < 1 || name.length > 512 || /[:*]/.test(name)) throw invalid('1 validation error detected: Value at \'logStreamName\' failed to satisfy constraint');
    if (group.streams.has(name)) throw new LogsError(400, 'ResourceAlreadyExistsException', 'The specified log stream already exists');
    group.streams.set(name, []);
    return undefined;
  }

  function putLogEvents(input: { logGroupName?: unknown; logStreamName?: unknown; logEvents?: unknown }) {
    const group = groupOf(input.logGroupName);
    const stream = typeof input.logStreamName === 'string' ? group.streams.get(input.logStreamName) : undefined;
    if (!stream) throw new LogsError(400, 'ResourceNotFoundException', 'The specified log stream does not exist.');
    const events = Array.isArray(input.logEvents) ? (input.logEvents as AcceptedEvent[]) : [];
    if (events.length === 0 || events.length > 10_000) throw invalid('1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length between 1 and 10000');
    const size = events.reduce((sum, event) => sum + Buffer.byteLength(String(event.message ?? ''), 'utf8') + 26, 0);
    if (size > 1_048_576) throw invalid(`Upload too large: ${size} bytes exceeds limit of 1048576`);
    for (const [i, event] of events.entries()) {
      if (typeof event.message !== 'string' || event.message === '' || typeof event.timestamp !== 'number') throw invalid('Log event is missing its message or timestamp.');
      const before = events[i - 1];
      if (before && event.timestamp < before.timestamp) throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
    }
    const now = Date.now();
    const firstValid = events.find((event) => event.timestamp >= now - 14 * DAY_MS && event.timestamp <= now + 2 * 3600_000);
    const lastValid = events.findLast((event) => event.timestamp >= now - 14 * DAY_MS && event.timestamp <= now + 2 * 3600_000);
    if (firstValid && lastValid && lastValid.timestamp - firstValid.timestamp > DAY_MS) {
      throw invalid('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    }
    const tooOld = events.filter((event) => event.timestamp < now - 14 * DAY_MS).length;
    const { retentionDays } = group;
    const expired = retentionDays === undefined ? 0 : events.filter((event) => event.timestamp < now - retentionDays * DAY_MS).length;
    const tooNewAt = events.findIndex((event) => event.timestamp > now + 2 * 3600_000);
    const end = tooNewAt === -1 ? events.length : tooNewAt;
    stream.push(...events.slice(Math.max(tooOld, expired), end).map(({ timestamp, message }) => ({ timestamp, message })));
    const rejected = {
      ...(tooOld > 0 ? { tooOldLogEventEndIndex: tooOld } : {}),
      ...(expired > 0 ? { expiredLogEventEndIndex: expired } : {}),
      ...(tooNewAt !== -1 ? { tooNewLogEventStartIndex: tooNewAt } : {}),
    };
    return Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {};
  }

  const operations: Record<string, (input: never) => unknown> = {
    DescribeLogStreams: describeLogStreams,
    CreateLogStream: createLogStream,
    PutLogEvents: putLogEvents,
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith('Logs_20140328.') ? target.slice('Logs_20140328.'.length) : '';
      const signedWith = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
      let input: Record<string, unknown> = {};
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        // Answered below as a serialization problem.
      }
      const call: SeenLogsCall = { operation, signedWith, status: 0, ...(operation === 'PutLogEvents' && Array.isArray(input.logEvents) ? { events: input.logEvents.length } : {}) };
      calls.push(call);
      const answer = (status: number, body: unknown) => {
        call.status = status;
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': randomUUID() });
        res.end(text);
      };
      const failWith = (error: LogsError) => answer(error.status, { __type: error.type, message: error.message });

      const current = behaviourFor === undefined || behaviourFor.has(operation) ? behaviour : ({ kind: 'normal' } as const);
      if (current.kind === 'throttled') return failWith(new LogsError(400, 'ThrottlingException', 'Rate exceeded'));
      if (current.kind === 'denied') {
        const action = `logs:${operation}`;
        return failWith(new LogsError(400, 'AccessDeniedException', `User: arn:aws:iam::111111111111:user/helpdesk is not authorized to perform: ${action} on resource: arn:aws:logs:eu-west-1:111111111111:log-group:${String(input.logGroupName)}:* because no identity-based policy allows the ${action} action`));
      }
      if (current.kind === 'server-error') return failWith(new LogsError(current.status, 'ServiceUnavailableException', 'The service cannot complete the request.'));
      if (req.method !== 'POST' || !req.headers['content-type']?.startsWith(JSON_TYPE)) return failWith(new LogsError(400, 'SerializationException', 'Expected an AWS JSON 1.1 POST.'));
      const handler = operations[operation];
      if (!handler) return failWith(new LogsError(400, 'UnknownOperationException', `Unknown operation ${operation}`));
      let status = 200;
      let body: unknown;
      try {
        body = handler(input as never);
      } catch (error) {
        if (!(error instanceof LogsError)) throw error;
        status = error.status;
        body = { __type: error.type, message: error.message };
      }
      if (current.kind === 'silent') {
        silent.add(res);
        return;
      }
      if (current.kind === 'slow') {
        setTimeout(() => answer(status, body), current.delayMs);
        return;
      }
      answer(status, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      silent.clear();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    createLogGroup(name, options = {}) {
      if (!groups.has(name)) groups.set(name, { retentionDays: options.retentionDays, streams: new Map() });
    },
    logGroupExists: (name) => groups.has(name),
    streams: (group) => [...(groups.get(group)?.streams.keys() ?? [])],
    events: (group, stream) => [...(groups.get(group)?.streams.get(stream) ?? [])],
    behave(next, only) {
      behaviour = next;
      behaviourFor = only ? new Set(only) : undefined;
    },
    down: stop,
    up: () => listen(port),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
