import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './json-file';

// The diagnostic log: what support needs to explain an "Unexpected" or a slow call, kept in the
// data dir, rotated, owner-only, and never holding a code, a password, a secret, a key or a token.
// Entries are built from chosen fields only (never a raw request); a last scrub over every string
// removes values known to be secret and anything shaped like an AWS key or token.

export const DIAGNOSTICS_FOLDER = 'logs';
const FILE_BASE = 'recovery-desk';
/** Five files of at most 5 MB: enough for weeks of calls, never a full disk. */
const ROTATION = { size: '5m', keepOld: 4 } as const;

export interface CallEntry {
  connectionId: string;
  /** The Cognito (or STS) API operation, e.g. ForgotPassword. */
  operation: string;
  /** Whether the call may be retried (read) or is sent at most once (write). */
  kind: 'read' | 'write';
  /** 'OK' or the error code that reached the operator. */
  outcome: string;
  requestId?: string | undefined;
  durationMs: number;
  attempts?: number | undefined;
}

export interface DiagnosticLog {
  /** Where the files are: the desktop menu opens this folder, the README names it. */
  readonly directory: string;
  call(entry: CallEntry): void;
  /** Something refused or worth knowing, with plain fields (no request bodies). */
  warn(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  /** An unexpected error, with its stack. */
  error(event: string, error: unknown, fields?: Record<string, unknown>): void;
  /**
   * Runs `work` with `secrets` scrubbed from everything logged while it runs (the request's password,
   * code, keys), and `channel` named on every entry.
   */
  withCall<T>(channel: string, secrets: readonly string[], work: () => Promise<T>): Promise<T>;
  /** A value to scrub from every entry from now on (e.g. an app client secret read into the cache). */
  addSecret(value: string): void;
  /** Resolves once everything logged so far is in the file. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface CallScope {
  channel: string;
  secrets: readonly string[];
}

// AWS access key ids, and long base64/base64url runs (secret keys are 40, session tokens hundreds,
// JWTs are three such runs): nothing support needs looks like that.
const KEY_ID = /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\b/g;
const TOKEN_LIKE = /[A-Za-z0-9+/_=-]{40,}/g;
const BEARER = /\b(Bearer|token=)\s*[^\s"',;]+/gi;

/** Removes the known secret values from `text`, and with `patterns`, anything shaped like a key or token. */
export function scrubText(text: string, secrets: Iterable<string>, patterns = true): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  if (!patterns) return result;
  return result.replace(BEARER, '$1 [redacted]').replace(KEY_ID, '[key]').replace(TOKEN_LIKE, (run) => (isUuidish(run) ? run : '[redacted]'));
}

// Request ids (UUIDs, or AWS's 52-character upper-case ids) are what support asks for: keep them.
function isUuidish(run: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(run) || /^[A-Z0-9]{52}$/.test(run);
}

// Fields that hold file paths the console itself names: a long path would look like a token. Known
// secret values are still removed from them.
const PATH_FIELDS = new Set(['dataDir', 'configFile', 'directory', 'problem']);
const STACK_FRAME = /^\s+at /;

function scrubValue(value: unknown, secrets: Iterable<string>, key = '', depth = 0): unknown {
  if (typeof value === 'string') {
    if (PATH_FIELDS.has(key)) return scrubText(value, secrets, false);
    // A stack's frames are code locations; its first lines repeat the message, which is scrubbed in full.
    if (key === 'stack') return value.split('\n').map((line) => scrubText(line, secrets, !STACK_FRAME.test(line))).join('\n');
    return scrubText(value, secrets);
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets, k, depth + 1)]));
}

/** The parts of an error worth keeping: name, code, message and stack (scrubbed later), and its cause. */
function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; $metadata?: { requestId?: string; httpStatusCode?: number } };
  return {
    name: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    message: e.message,
    ...(e.$metadata?.httpStatusCode ? { httpStatus: e.$metadata.httpStatusCode } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
    stack: e.stack,
    ...(e.cause !== undefined && depth < 3 ? { cause: describeError(e.cause, depth + 1) } : {}),
  };
}

/**
 * Opens the log in `<dataDir>/logs/`: recovery-desk.N.log, JSON lines, rotated at 5 MB, five files
 * kept. The file opens in the background; entries written meanwhile are kept and written once it is.
 */
export function openDiagnosticLog(dataDir: string): DiagnosticLog {
  const directory = join(dataDir, DIAGNOSTICS_FOLDER);
  const scope = new AsyncLocalStorage<CallScope>();
  const knownSecrets = new Set<string>();
  let pending: string[] = [];
  let stream: Awaited<ReturnType<typeof pinoRoll>> | undefined;
  let failed = false;

  const opening = (async () => {
    mkdirSync(directory, { recursive: true, mode: PRIVATE_DIR_MODE });
    stream = await pinoRoll({
      file: join(directory, FILE_BASE),
      extension: '.log',
      size: ROTATION.size,
      limit: { count: ROTATION.keepOld, removeOtherLogFiles: true },
      mode: PRIVATE_FILE_MODE,
      // Still written at once, but with sonic-boom's default of 0 its flush() returns before the
      // write in flight has finished, so a flushed line might not be in the file yet.
      minLength: 1,
    });
    // A full disk must not take the console down: the log is a help, not a duty (the audit trail is).
    stream.on('error', () => undefined);
    for (const line of pending) stream.write(line);
    pending = [];
  })().catch(() => {
    failed = true;
    pending = [];
  });

  const destination = {
    write(line: string) {
      if (stream) stream.write(line);
      else if (!failed) pending.push(line);
    },
  };

  const logger: Logger = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // The last line of defence: every string of every entry is scrubbed.
        log: (entry) => {
          const active = scope.getStore();
          const secrets = active ? [...knownSecrets, ...active.secrets] : knownSecrets;
          return scrubValue({ ...(active ? { channel: active.channel } : {}), ...entry }, secrets) as Record<string, unknown>;
        },
      },
    },
    destination,
  );

  const flushStream = () =>
    new Promise<void>((resolve) => {
      if (!stream) return resolve();
      stream.flush(() => resolve());
    });

  return {
    directory,
    call(entry) {
      logger.info({ event: 'cognito-call', ...entry });
    },
    warn(event, fields = {}) {
      logger.warn({ event, ...fields });
    },
    info(event, fields = {}) {
      logger.info({ event, ...fields });
    },
    error(event, error, fields = {}) {
      logger.error({ event, ...fields, error: describeError(error) });
    },
    withCall(channel, secrets, work) {
      return scope.run({ channel, secrets: secrets.filter((s) => s.length > 0) }, work);
    },
    addSecret(value) {
      if (value) knownSecrets.add(value);
    },
    async flush() {
      await opening;
      await flushStream();
    },
    async close() {
      await opening;
      await flushStream();
      await new Promise<void>((resolve) => {
        if (!stream) return resolve();
        stream.once('close', () => resolve());
        stream.end();
      });
    },
  };
}
