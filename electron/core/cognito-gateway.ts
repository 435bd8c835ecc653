import {
  AdminGetUserAuthFactorsCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  type AdminGetUserAuthFactorsCommandOutput,
  type AdminGetUserCommandOutput,
  type ListUsersCommandOutput,
  DescribeUserPoolCommand,
  type AttributeType,
  type CognitoIdentityProviderClientConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  type UserPoolClientType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { Command, RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';
import type { DiagnosticLog } from './diagnostics';
import { RecoveryDeskError, toApiError } from './errors';

// One Cognito client policy for every connection, the demo's included:
// - reads (List…, Describe…, Get…, AdminGet…, AdminList…) keep the SDK's standard retries;
// - anything else can send a message or change a user, so it is sent at most once: retried only on
//   TooManyRequestsException (Cognito refused it before acting), never after a 5xx, a timeout, a cut
//   connection or LimitExceededException (which the SDK would otherwise retry as throttling);
// - every call has a deadline, and a write that fails after it may have reached Cognito is reported
//   as OutcomeUnknown, never as a plain failure to retry;
// - pool and app-client facts are read once and kept for a short, stated time.

/** Deadlines and how long facts are kept. Tests shorten them; the defaults are the product's. */
export interface CallPolicy {
  /** No TCP connection by then: nothing was sent, the call fails as a network error. */
  connectTimeoutMs: number;
  /** One attempt of a read; the SDK may try up to three times. */
  readAttemptTimeoutMs: number;
  /** A read, retries included. */
  readDeadlineMs: number;
  /** A write, its TooManyRequests retries included. */
  writeDeadlineMs: number;
  /** How long DescribeUserPool and DescribeUserPoolClient answers are reused. */
  factsTtlMs: number;
  /**
   * How long one AdminGetUser answer serves every reader: opening a user and its verdict read it at
   * the same moment. Any recovery action on the user drops it at once.
   */
  userReadShareMs: number;
}

export const DEFAULT_CALL_POLICY: CallPolicy = {
  connectTimeoutMs: 5_000,
  readAttemptTimeoutMs: 10_000,
  readDeadlineMs: 30_000,
  writeDeadlineMs: 15_000,
  factsTtlMs: 5 * 60_000,
  userReadShareMs: 3_000,
};

const READ_OPERATION = /^(?:List|Describe|Get|AdminGet|AdminList)[A-Z]/;

/** Reads may be retried; anything not named like a read is a write, so a new call is safe by default. */
export function callKindOf(operation: string): 'read' | 'write' {
  return READ_OPERATION.test(operation) ? 'read' : 'write';
}

/** The SDK's standard strategy (its backoff for throttling), refusing every retry but TooManyRequestsException. */
export class WriteRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private readonly standard: StandardRetryStrategy;

  /** `maxAttempts` counts the first attempt too. */
  constructor(maxAttempts = 3) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<StandardRetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    if (errorInfo.error?.name !== 'TooManyRequestsException') return Promise.reject(new Error('Writes are retried only when throttled.'));
    return this.standard.refreshRetryTokenForRetry(token, errorInfo);
  }

  recordSuccess(token: StandardRetryToken): void {
    this.standard.recordSuccess(token);
  }
}

// Failures that prove the request never left this machine (or never reached a listener).
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SdkFailure {
  name?: string;
  code?: string;
  message?: string;
  errors?: unknown[];
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

/** Whether a failed write certainly did not act: Cognito answered with a client error, or nothing was sent. */
export function certainlyNotActed(error: unknown): boolean {
  if (error instanceof RecoveryDeskError) return error.code !== 'OutcomeUnknown';
  const e = (error ?? {}) as SdkFailure;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 400 && status < 500) return true;
  if (e.code !== undefined && NOT_SENT_CODES.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((inner) => NOT_SENT_CODES.has((inner as SdkFailure)?.code ?? ''))) return true;
  // node-http-handler's connect timeout: the socket never connected.
  if (e.name === 'TimeoutError' && /did not establish a connection/.test(e.message ?? '')) return true;
  // Credentials are resolved before anything is signed or sent.
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError') return true;
  return false;
}

/** 15, 2.5: a deadline in seconds, as the operator reads it. */
function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(1));
}

function unknownOutcome(error: unknown, operation: string, deadlineMs: number, timedOut: boolean): RecoveryDeskError {
  const e = (error ?? {}) as SdkFailure;
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {};
  if (timedOut) return new RecoveryDeskError('OutcomeUnknown', { cause: 'no-answer-in-time', params: { operation, seconds: seconds(deadlineMs) }, ...requestId });
  if (status !== undefined && status >= 500) return new RecoveryDeskError('OutcomeUnknown', { cause: 'server-error', params: { operation, httpStatus: status }, ...requestId });
  return new RecoveryDeskError('OutcomeUnknown', { cause: 'connection-cut', params: { operation }, ...requestId });
}

/** Pool and app-client facts: read once per connection and reused for `ttlMs`. Secrets stay in this process. */
export interface CognitoFacts {
  pool(userPoolId: string): Promise<UserPoolType | undefined>;
  appClient(userPoolId: string, clientId: string): Promise<UserPoolClientType | undefined>;
  /** Forgets a pool's facts and its clients'; the next read asks Cognito. */
  forgetPool(userPoolId: string): void;
  /** AdminGetUser, shared by the readers of the same moment (see CallPolicy.userReadShareMs). */
  user(userPoolId: string, username: string): Promise<AdminGetUserCommandOutput>;
  /** AdminGetUserAuthFactors, shared like `user` (the verdict and the user's sign-in section read it together). */
  authFactors(userPoolId: string, username: string): Promise<AdminGetUserAuthFactorsCommandOutput>;
  /** After anything that may have changed the user. */
  forgetUser(userPoolId: string, username: string): void;
  /** The user's sub, if a read of this connection (AdminGetUser, ListUsers) has returned it. No call. */
  knownSub(userPoolId: string, username: string): string | undefined;
  /** The user's sub: known, else read with AdminGetUser; undefined when there is no such user. */
  sub(userPoolId: string, username: string): Promise<string | undefined>;
  /** After Cognito said there is no such user: one created later under the name gets another sub. */
  forgetSub(userPoolId: string, username: string): void;
}

/** Any Cognito command of the SDK; its class name (ForgotPasswordCommand…) names the operation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's resolved configuration type is internal to the SDK
export type CognitoCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<ServiceInputTypes, I, ServiceOutputTypes, O, any>;

/** A read stopped by its caller's signal (a cancelled cross-pool search): the call and its retries were cut off. */
export class CallCancelled extends Error {
  constructor(readonly operation: string) {
    super(`${operation} was cancelled by its caller.`);
    this.name = 'CallCancelled';
  }
}

export interface SendOptions {
  /** Reads only: aborting stops the call and any retry still to come (CallCancelled). Writes are never cut off mid-way. */
  signal?: AbortSignal | undefined;
}

export interface CognitoGateway {
  /** Sends one command under the policy above. */
  send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: CognitoCommand<I, O>, options?: SendOptions): Promise<O>;
  facts: CognitoFacts;
  destroy(): void;
}

export interface GatewayOptions {
  connectionId: string;
  /** The SDK client configuration both clients share (region, credentials, endpoint). */
  config: CognitoIdentityProviderClientConfig;
  policy: CallPolicy;
  diagnostics: DiagnosticLog;
  /** Adds the call context middleware (region check, error tagging) to each client. */
  prepare(client: CognitoIdentityProviderClient): void;
  now?: () => number;
}

export function createCognitoGateway({ connectionId, config, policy, diagnostics, prepare, now = Date.now }: GatewayOptions): CognitoGateway {
  const requestHandler = { connectionTimeout: policy.connectTimeoutMs, requestTimeout: policy.readAttemptTimeoutMs, throwOnRequestTimeout: true };
  const reads = new CognitoIdentityProviderClient({ ...config, maxAttempts: 3, requestHandler });
  const writes = new CognitoIdentityProviderClient({
    ...config,
    retryStrategy: new WriteRetryStrategy(),
    requestHandler: { ...requestHandler, requestTimeout: policy.writeDeadlineMs },
  });
  prepare(reads);
  prepare(writes);
  const subs = createSubMap();

  async function send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: CognitoCommand<I, O>, options: SendOptions = {}): Promise<O> {
    const operation = command.constructor.name.replace(/Command$/, '');
    const kind = callKindOf(operation);
    const deadlineMs = kind === 'read' ? policy.readDeadlineMs : policy.writeDeadlineMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const cancel = kind === 'read' ? options.signal : undefined;
    if (cancel?.aborted) throw new CallCancelled(operation);
    const stop = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
    const started = now();
    const client = kind === 'read' ? reads : writes;
    try {
      // The signal stops the HTTP request; the race also bounds what comes before it (credentials from
      // SSO or an assumed role), which the SDK does not let a signal cancel.
      const expired = new Promise<never>((_, reject) => stop.addEventListener('abort', () => reject(stop.reason as Error), { once: true }));
      const output = await Promise.race([client.send(command, { abortSignal: stop }), expired]);
      diagnostics.call({ connectionId, operation, kind, outcome: 'OK', requestId: output.$metadata?.requestId, durationMs: now() - started, attempts: output.$metadata?.attempts });
      subs.learn(operation, command.input, output);
      return output;
    } catch (caught) {
      if (cancel?.aborted && !deadline.aborted) {
        diagnostics.call({ connectionId, operation, kind, outcome: 'Cancelled', durationMs: now() - started });
        throw new CallCancelled(operation);
      }
      const timedOut = deadline.aborted;
      let error: unknown = caught;
      if (kind === 'write' && !certainlyNotActed(caught)) error = unknownOutcome(caught, operation, deadlineMs, timedOut);
      else if (timedOut) {
        error = new RecoveryDeskError('NetworkError', { cause: 'deadline', params: { operation, seconds: seconds(deadlineMs) } });
      }
      const failure = toApiError(error);
      const sdk = (caught ?? {}) as SdkFailure;
      diagnostics.call({ connectionId, operation, kind, outcome: failure.code, requestId: failure.requestId ?? sdk.$metadata?.requestId, durationMs: now() - started, attempts: sdk.$metadata?.attempts });
      if (failure.code === 'OutcomeUnknown' || failure.code === 'NetworkError' || failure.code === 'Unexpected') {
        diagnostics.error('cognito-call-failed', caught, { connectionId, operation, kind });
      }
      throw error;
    }
  }

  const facts = createFactsCache(send, policy, now, (secret) => diagnostics.addSecret(secret), subs);
  return {
    send,
    facts,
    destroy() {
      reads.destroy();
      writes.destroy();
    },
  };
}

interface Cached<T> {
  value: Promise<T>;
  readAt: number;
}

const userKey = (userPoolId: string, name: string) => `${userPoolId}\u0000${name}`;
const subOf = (attributes: AttributeType[] | undefined) => attributes?.find((a) => a.Name === 'sub')?.Value;

// A connection's searches and opened users, a working day's worth: far more than that, the oldest go.
const MAX_KNOWN_SUBS = 20_000;

/**
 * username → sub per pool, filled by every read that returns users, so recording an action rarely
 * needs a call of its own: a user's sub never changes.
 */
interface SubMap {
  learn(operation: string, input: unknown, output: unknown): void;
  get(userPoolId: string, username: string): string | undefined;
  forget(userPoolId: string, username: string): void;
}

function createSubMap(): SubMap {
  const subs = new Map<string, string>();
  const remember = (userPoolId: string | undefined, username: string | undefined, sub: string | undefined) => {
    if (!userPoolId || !username || !sub) return;
    const key = userKey(userPoolId, username);
    subs.delete(key); // the newest go last, so the oldest are dropped first
    subs.set(key, sub);
    if (subs.size > MAX_KNOWN_SUBS) subs.delete(subs.keys().next().value ?? '');
  };
  return {
    learn(operation, input, output) {
      const { UserPoolId, Username } = input as { UserPoolId?: string; Username?: string };
      if (operation === 'ListUsers') {
        for (const user of (output as ListUsersCommandOutput).Users ?? []) remember(UserPoolId, user.Username, subOf(user.Attributes));
      } else if (operation === 'AdminGetUser') {
        const user = output as AdminGetUserCommandOutput;
        const sub = subOf(user.UserAttributes);
        remember(UserPoolId, user.Username, sub);
        // Asked by an alias or in other letter case, the action names the user as asked.
        remember(UserPoolId, Username, sub);
      }
    },
    get: (userPoolId, username) => subs.get(userKey(userPoolId, username)),
    forget: (userPoolId, username) => void subs.delete(userKey(userPoolId, username)),
  };
}

function createFactsCache(send: CognitoGateway['send'], policy: CallPolicy, now: () => number, onSecret: (secret: string) => void, subs: SubMap): CognitoFacts {
  const pools = new Map<string, Cached<UserPoolType | undefined>>();
  const clients = new Map<string, Cached<UserPoolClientType | undefined>>();
  const users = new Map<string, Cached<AdminGetUserCommandOutput>>();
  const authFactors = new Map<string, Cached<AdminGetUserAuthFactorsCommandOutput>>();
  const key = userKey;

  // Concurrent readers share one request; a failed read is not kept.
  function cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>, ttlMs = policy.factsTtlMs): Promise<T> {
    const hit = map.get(key);
    if (hit && now() - hit.readAt < ttlMs) return hit.value;
    const entry: Cached<T> = { value: load(), readAt: now() };
    map.set(key, entry);
    entry.value.catch(() => {
      if (map.get(key) === entry) map.delete(key);
    });
    return entry.value;
  }

  const user = (userPoolId: string, username: string) =>
    cached(users, key(userPoolId, username), () => send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username })), policy.userReadShareMs);

  return {
    pool: (userPoolId) =>
      cached(pools, userPoolId, async () => (await send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool),
    appClient: (userPoolId, clientId) =>
      cached(clients, key(userPoolId, clientId), async () => {
        const details = (await send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))).UserPoolClient;
        if (details?.ClientSecret) onSecret(details.ClientSecret);
        return details;
      }),
    forgetPool(userPoolId) {
      pools.delete(userPoolId);
      for (const cachedKey of clients.keys()) if (cachedKey.startsWith(`${userPoolId}\u0000`)) clients.delete(cachedKey);
    },
    user,
    authFactors: (userPoolId, username) =>
      cached(authFactors, key(userPoolId, username), () => send(new AdminGetUserAuthFactorsCommand({ UserPoolId: userPoolId, Username: username })), policy.userReadShareMs),
    forgetUser(userPoolId, username) {
      users.delete(key(userPoolId, username));
      authFactors.delete(key(userPoolId, username));
    },
    knownSub: (userPoolId, username) => subs.get(userPoolId, username),
    async sub(userPoolId, username) {
      const known = subs.get(userPoolId, username);
      if (known) return known;
      try {
        return subOf((await user(userPoolId, username)).UserAttributes);
      } catch (error) {
        if (toApiError(error).code === 'UserNotFound') return undefined;
        throw error;
      }
    },
    forgetSub: (userPoolId, username) => subs.forget(userPoolId, username),
  };
}
