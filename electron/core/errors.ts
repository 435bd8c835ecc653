import { COGNITO_ERROR_CODES, type ApiError, type ErrorCause, type ErrorCode, type ErrorParams } from '../../shared/errors';

// The privileged side names a failure by code, cause and facts; the page words it in the operator's
// language (renderer/i18n/catalogs/*/errors.json). What each code means for a retry lives here.

type Behaviour = Pick<ApiError, 'retryable' | 'retryAfterSeconds'>;

const once: Behaviour = { retryable: false };
const later: Behaviour = { retryable: true };

/** Whether repeating the same call can work, and after how long, for every code. */
const BEHAVIOUR: Record<ErrorCode, Behaviour> = {
  CodeDeliveryFailure: later,
  CodeMismatch: once,
  ExpiredCode: once,
  Forbidden: once,
  InternalError: later,
  InvalidEmailRoleAccessPolicy: once,
  InvalidLambdaResponse: once,
  InvalidParameter: once,
  InvalidPassword: once,
  InvalidSmsRoleAccessPolicy: once,
  InvalidSmsRoleTrustRelationship: once,
  // AWS counts attempts per rolling hour and does not publish the limit.
  LimitExceeded: { retryable: true, retryAfterSeconds: 3600 },
  NotAuthorized: once,
  OperationNotEnabled: once,
  PasswordHistoryPolicyViolation: once,
  ResourceNotFound: once,
  TooManyFailedAttempts: { retryable: true, retryAfterSeconds: 3600 },
  // Quotas are per second.
  TooManyRequests: { retryable: true, retryAfterSeconds: 2 },
  UnexpectedLambda: once,
  UserLambdaValidation: once,
  UserNotConfirmed: once,
  UserNotFound: once,
  PreconditionNotMet: once,
  UnsupportedUserState: once,
  PasswordResetRequired: once,
  UsernameExists: once,
  UserPoolAddOnNotEnabled: once,
  CallerNotVerified: once,
  AuditUnavailable: once,
  InvalidRequest: once,
  UnknownOperation: once,
  CallerRejected: once,
  ConnectionNotFound: once,
  FilterTooLong: once,
  DemoOnly: once,
  DemoUnavailable: once,
  AccessDenied: once,
  CredentialsMissing: once,
  CredentialsExpired: once,
  SsoLoginRequired: once,
  MfaCodeRequired: once,
  SecretsUnavailable: once,
  ClockSkew: once,
  WrongRegion: once,
  NetworkError: later,
  OutcomeUnknown: once,
  PolicyForbids: once,
  PolicyInvalid: once,
  // The records wait on disk; delivery is retried on its own.
  SearchNotFound: once,
  AuditDeliveryFailed: later,
  Unexpected: later,
};

/** Failures after which the cached pool and app-client facts may be stale (a rotated secret, a new recovery setting, a deleted client). */
export function suggestsChangedFacts(code: ErrorCode): boolean {
  return code === 'NotAuthorized' || code === 'ResourceNotFound' || code === 'InvalidParameter' || code === 'OperationNotEnabled' || code === 'UserNotFound';
}

/** What a RecoveryDeskError carries beyond its code (never a secret). */
export type ErrorFacts = Partial<Pick<ApiError, 'cause' | 'params' | 'issues' | 'requestId' | 'detail' | 'retryable'>>;

/** An error the core raises on purpose; it crosses the boundary as-is. Its message is for the log only. */
export class RecoveryDeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly facts: ErrorFacts = {},
  ) {
    super([code, facts.cause, facts.params && JSON.stringify(facts.params)].filter(Boolean).join(' '));
    this.name = 'RecoveryDeskError';
  }
}

/** An ApiError for `code` with its standard behaviour; `facts` add the cause, the values, or change whether a retry helps. */
export function apiError(code: ErrorCode, { params, ...facts }: ErrorFacts = {}): ApiError {
  return { code, ...BEHAVIOUR[code], ...facts, ...(params && Object.keys(params).length > 0 ? { params } : {}) };
}

/**
 * Where an AWS failure happened, attached to the thrown error by the code that knows: the
 * credential provider (which profile) and the client middleware (which operation, which host).
 */
export interface AwsCallContext {
  /** 'cognito-idp' or 'sts'. */
  service?: string;
  /** The API operation, e.g. ListUsers. */
  operation?: string;
  /** host[:port] the call went to. */
  endpointHost?: string;
  /** The shared-config profile behind the credentials. */
  profile?: string;
  /** The failure happened while getting credentials, before Cognito was called. */
  stage?: 'credentials';
}

const CALL_CONTEXT = Symbol('recoveryDesk.awsCallContext');

/** Attaches `context` to `error` (what was attached first wins) and returns the error to rethrow. */
export function withCallContext(error: unknown, context: AwsCallContext): unknown {
  if (error instanceof RecoveryDeskError) return error;
  const target = typeof error === 'object' && error !== null ? error : new Error(String(error));
  const existing = callContextOf(target) ?? {};
  try {
    Object.defineProperty(target, CALL_CONTEXT, { value: { ...context, ...existing }, configurable: true, enumerable: false });
  } catch {
    // A frozen error keeps what it had.
  }
  return target;
}

function callContextOf(error: unknown): AwsCallContext | undefined {
  return typeof error === 'object' && error !== null ? (error as { [CALL_CONTEXT]?: AwsCallContext })[CALL_CONTEXT] : undefined;
}

/** The command that signs in an IAM Identity Center profile. */
export function ssoLoginCommand(profile: string | undefined): string {
  if (!profile) return 'aws sso login';
  return /^[\w+=,.@:/-]+$/.test(profile) ? `aws sso login --profile ${profile}` : `aws sso login --profile "${profile.replace(/["\\$`]/g, '')}"`;
}

/** The SSO error for `profile`, with the exact command to run. */
export function ssoLoginRequired(profile: string | undefined): RecoveryDeskError {
  return new RecoveryDeskError('SsoLoginRequired', {
    ...(profile ? { cause: 'profile' as const } : {}),
    params: { ...(profile ? { profile } : {}), command: ssoLoginCommand(profile) },
  });
}

// The SDK's SSO credential and token providers' wording (credential-provider-sso, token-providers)
// and the SSO portal's answer to a revoked token.
const SSO_PROBLEM = /SSO session|SSO token|sso login|Token is expired|Session token not found or invalid/i;

/** Whether a credential provider failed because the SSO sign-in is missing or expired. */
export function isSsoLoginProblem(error: unknown): boolean {
  const e = error as SdkLikeError | undefined;
  const name = e?.name ?? '';
  return (name === 'CredentialsProviderError' || name === 'TokenProviderError' || name === 'UnauthorizedException') && SSO_PROBLEM.test(e?.message ?? '');
}

const cognitoCodes = new Set<string>(COGNITO_ERROR_CODES);
const networkErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);
const expiredNames = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);
const clockNames = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
const signatureNames = new Set(['InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure']);
const unknownKeyNames = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId']);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  hostname?: string;
  errors?: unknown[];
  $metadata?: { requestId?: string; httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

/** Maps anything thrown below the dispatcher to one ApiError with a stable code. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof RecoveryDeskError) return apiError(error.code, error.facts);
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const context = callContextOf(error) ?? {};
  const requestId = e.$metadata?.requestId;
  const code = classify(e);
  return apiError(code, { ...describe(code, e, context), ...(requestId ? { requestId } : {}) });
}

function classify(e: SdkLikeError): ErrorCode {
  const name = e.name ?? '';
  const message = e.message ?? '';
  const short = name.replace(/Exception$/, '');
  if (cognitoCodes.has(short)) return short as ErrorCode;
  if (isSsoLoginProblem(e)) return 'SsoLoginRequired';
  // STS's answer to a wrong or reused code: asking for a new code is the way out, not IAM.
  if (/MultiFactorAuthentication failed/i.test(message)) return 'MfaCodeRequired';
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || /is not authorized to perform/.test(message)) return 'AccessDenied';
  if (expiredNames.has(name) || /security token included in the request is expired/i.test(message)) return 'CredentialsExpired';
  if (clockNames.has(name) || (signatureNames.has(name) && /Signature expired|Signature not yet current|clock|skew/i.test(message))) return 'ClockSkew';
  if (signatureNames.has(name) || unknownKeyNames.has(name)) return 'CredentialsMissing';
  if (name === 'CredentialsProviderError') {
    return /multi-factor authentication/i.test(message) ? 'MfaCodeRequired' : 'CredentialsMissing';
  }
  if (isNetworkFailure(e)) return 'NetworkError';
  return 'Unexpected';
}

function isNetworkFailure(e: SdkLikeError): boolean {
  if (e.name === 'TimeoutError' || e.name === 'RequestTimeout' || e.name === 'NetworkingError') return true;
  if (e.code !== undefined && networkErrorCodes.has(e.code)) return true;
  // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
  return Array.isArray(e.errors) && e.errors.some((inner) => isNetworkFailure((inner ?? {}) as SdkLikeError));
}

/** The situation and facts of a code, from what the error and its context say only. */
function describe(code: ErrorCode, e: SdkLikeError, context: AwsCallContext): ErrorFacts {
  const name = e.name ?? '';
  const profile = context.profile;
  switch (code) {
    case 'AccessDenied':
      return describeAccessDenied(e.message ?? '', context);
    case 'SsoLoginRequired':
      return ssoLoginRequired(profile).facts;
    case 'NetworkError': {
      const host = failedHost(e) ?? context.endpointHost;
      const networkReason = reasonOf(e);
      return host ? { cause: 'host-unreachable', params: { host, ...(networkReason ? { networkReason } : {}) } } : {};
    }
    case 'ClockSkew': {
      const serverDate = e.$response?.headers?.date ?? e.$response?.headers?.Date;
      const serverTime = serverDate ? Date.parse(serverDate) : Number.NaN;
      const minutes = Number.isNaN(serverTime) ? undefined : Math.round((Date.now() - serverTime) / 60_000);
      return minutes !== undefined && Math.abs(minutes) >= 1 ? { cause: 'offset', params: { clockOffsetMinutes: minutes } } : {};
    }
    case 'MfaCodeRequired':
      return /MultiFactorAuthentication failed/i.test(e.message ?? '') ? { cause: 'code-rejected' } : {};
    case 'CredentialsExpired':
      return profile ? { cause: 'profile', params: { profile, command: ssoLoginCommand(profile) } } : {};
    case 'CredentialsMissing':
      if (signatureNames.has(name)) return { cause: 'bad-signature' };
      if (unknownKeyNames.has(name)) return { cause: 'unknown-key' };
      return profile ? { cause: 'profile', params: { profile, command: `aws sts get-caller-identity --profile ${profile}` } } : { cause: 'default-chain' };
    default: {
      // Cognito's own messages name fields and rules, never secrets; anything else is not repeated.
      const detail = cognitoCodes.has(code) ? cognitoMessage(e.message) : undefined;
      const cause = code === 'InvalidParameter' ? invalidParameterCause(context.operation) : undefined;
      return { ...(detail ? { detail } : {}), ...(cause ? { cause } : {}), ...(context.operation ? { params: { operation: context.operation } } : {}) };
    }
  }
}

const LISTINGS = new Set(['ListUsers', 'ListUserPools', 'ListUserPoolClients']);

/**
 * InvalidParameter means different things by operation: for ForgotPassword (its standard words) most
 * often no verified email or phone; for a listing, a page marker that no longer fits the list.
 */
function invalidParameterCause(operation: string | undefined): ErrorCause | undefined {
  if (operation === undefined || operation === 'ForgotPassword') return undefined;
  return LISTINGS.has(operation) ? 'stale-page-marker' : 'rejected-value';
}

function describeAccessDenied(message: string, context: AwsCallContext): ErrorFacts {
  // AWS's wording: "User: arn:… is not authorized to perform: cognito-idp:ListUsers on resource: arn:…"
  const iamAction = /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1]
    ?? (context.service && context.operation ? `${context.service}:${context.operation}` : undefined);
  const principal = /User: (arn:[^\s]+)/.exec(message)?.[1];
  const resource = /on resource: (arn:[^\s]+)/.exec(message)?.[1];
  if (!iamAction) return {};
  const params: ErrorParams = { iamAction, ...(principal ? { principal } : {}), ...(resource ? { resource } : {}) };
  return { cause: iamAction === 'sts:AssumeRole' ? 'assume-role' : 'iam-action', params };
}

function failedHost(e: SdkLikeError): string | undefined {
  if (e.address) return e.port ? `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port}` : e.address;
  if (e.hostname) return e.hostname;
  for (const inner of e.errors ?? []) {
    const host = failedHost((inner ?? {}) as SdkLikeError);
    if (host) return host;
  }
  return undefined;
}

function reasonOf(e: SdkLikeError): ErrorParams['networkReason'] {
  const code = e.code ?? ((e.errors?.[0] ?? {}) as SdkLikeError).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unresolved';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'cut';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    default:
      return e.name === 'TimeoutError' || e.name === 'RequestTimeout' ? 'timeout' : undefined;
  }
}

// Cognito's own messages name fields and rules, never secrets; still, keep them short, and blank
// anything shaped like an AWS access key id, in case a message ever quotes one.
function cognitoMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const oneLine = message.replace(/\s+/g, ' ').replace(/\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g, '[key]').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
