import type { AuditAction } from '../../shared/audit-record';
import { COGNITO_ERROR_CODES, type ApiError, type ErrorCode } from '../../shared/errors';

type Explanation = Pick<ApiError, 'message' | 'guidance' | 'retryable' | 'tellCaller' | 'retryAfterSeconds'>;

/** Plain words for every code, so an operator never sees only a raw exception. */
const EXPLANATIONS: Record<ErrorCode, Explanation> = {
  CodeDeliveryFailure: {
    message: 'Cognito could not deliver the verification code (email or SMS sending failed).',
    guidance: 'Check that the caller can receive messages on the channel shown, then send a new code. If it keeps failing, the pool\'s email/SMS configuration needs an administrator.',
    retryable: true,
    tellCaller: 'We couldn\'t send your code just now. Let\'s check where it should go and try again.',
  },
  CodeMismatch: {
    message: 'The confirmation code does not match the one Cognito sent.',
    guidance: 'Ask the caller to read the newest code again, character by character. Only the most recent code works.',
    retryable: false,
    tellCaller: 'That code doesn\'t match. Could you read me the newest code again, slowly?',
  },
  ExpiredCode: {
    message: 'The confirmation code has expired or was already used.',
    guidance: 'Send a new recovery code; codes are valid for one hour and only once.',
    retryable: false,
    tellCaller: 'That code has expired or was already used. I\'ll send you a new one.',
  },
  Forbidden: {
    message: 'AWS WAF blocked the request for this user pool.',
    guidance: 'The request matched a web ACL rule. Ask the Cognito administrator to review the pool\'s WAF rules.',
    retryable: false,
    tellCaller: 'Your request was blocked by a security rule. I\'ll escalate this for you.',
  },
  InternalError: {
    message: 'Cognito had an internal error.',
    guidance: 'Wait a moment and try again. If it persists, check the AWS Health Dashboard.',
    retryable: true,
    tellCaller: 'The sign-in service had a hiccup. Please bear with me a moment while I try again.',
  },
  InvalidEmailRoleAccessPolicy: {
    message: 'Cognito is not allowed to send email with the pool\'s configured identity.',
    guidance: 'The pool\'s email (SES) configuration needs an administrator. Recovery by email will fail until it is fixed.',
    retryable: false,
    tellCaller: 'We can\'t send email codes right now because of a configuration problem on our side. I\'ll escalate it.',
  },
  InvalidLambdaResponse: {
    message: 'A Lambda trigger of the user pool returned an invalid response.',
    guidance: 'The pool\'s custom trigger is misbehaving; escalate to the team that owns it.',
    retryable: false,
    tellCaller: 'Something on our side is misconfigured. I\'ll escalate this for you.',
  },
  InvalidParameter: {
    message: 'Cognito rejected a parameter of the request.',
    guidance: 'Often the user has no verified email or phone number, so no code can be sent. Check the user\'s verified channels.',
    retryable: false,
    tellCaller: 'I can\'t send you a code because there\'s no verified email or phone number on your account. Let\'s look at other options.',
  },
  InvalidPassword: {
    message: 'The new password does not meet the user pool\'s password policy.',
    guidance: 'Choose a password that satisfies every rule in the checklist and try again with the same code.',
    retryable: false,
    tellCaller: 'That password doesn\'t meet the rules yet. Let\'s pick one that does; your code still works.',
  },
  InvalidSmsRoleAccessPolicy: {
    message: 'Cognito is not allowed to send SMS with the pool\'s configured role.',
    guidance: 'The pool\'s SMS configuration (IAM role) needs an administrator.',
    retryable: false,
    tellCaller: 'We can\'t send text messages right now because of a configuration problem on our side. I\'ll escalate it.',
  },
  InvalidSmsRoleTrustRelationship: {
    message: 'The pool\'s SMS role does not trust Cognito.',
    guidance: 'The SMS role\'s trust policy needs an administrator.',
    retryable: false,
    tellCaller: 'We can\'t send text messages right now because of a configuration problem on our side. I\'ll escalate it.',
  },
  LimitExceeded: {
    message: 'Too many recovery attempts for this user.',
    guidance: 'Cognito limits recovery codes and code entries per hour. Ask the caller to try again later (usually within the hour).',
    retryable: true,
    tellCaller: 'For your security, we\'ve hit the limit of attempts for now. Please try again in about an hour.',
    // AWS counts attempts per rolling hour and does not publish the limit.
    retryAfterSeconds: 3600,
  },
  NotAuthorized: {
    message: 'Cognito refused: the user or app client is not allowed to do this.',
    guidance: 'The user may be disabled or must change a temporary password (FORCE_CHANGE_PASSWORD), or the app client\'s secret did not verify. Check the user\'s status and the chosen app client.',
    retryable: false,
    tellCaller: 'Your account can\'t use self-service reset right now. Let me check what we can do instead.',
  },
  OperationNotEnabled: {
    message: 'This operation is not enabled for the user pool or app client.',
    guidance: 'Ask the Cognito administrator which recovery method the pool allows.',
    retryable: false,
    tellCaller: 'This kind of reset isn\'t switched on for your account. Let me check the alternatives.',
  },
  PasswordHistoryPolicyViolation: {
    message: 'The new password was used recently and the pool keeps a password history.',
    guidance: 'Choose a password the user has not used before.',
    retryable: false,
    tellCaller: 'You\'ve used that password recently. Please choose one you haven\'t used before.',
  },
  ResourceNotFound: {
    message: 'Cognito could not find the user pool or app client.',
    guidance: 'Check the selected connection\'s region and that the pool and app client still exist.',
    retryable: false,
    tellCaller: 'I\'m having trouble finding your account\'s settings. Bear with me while I check.',
  },
  TooManyFailedAttempts: {
    message: 'Too many wrong codes were entered for this user.',
    guidance: 'Wait before trying again, then send a new code.',
    retryable: true,
    tellCaller: 'There have been too many wrong codes. Please wait a while, then we\'ll send a fresh one.',
    retryAfterSeconds: 3600,
  },
  TooManyRequests: {
    message: 'Cognito is throttling requests (request-rate quota reached).',
    guidance: 'Wait a few seconds and try again.',
    retryable: true,
    tellCaller: 'The system is busy. Give me a few seconds and I\'ll try again.',
    // Quotas are per second.
    retryAfterSeconds: 2,
  },
  UnexpectedLambda: {
    message: 'A Lambda trigger of the user pool failed unexpectedly.',
    guidance: 'Escalate to the team that owns the pool\'s triggers.',
    retryable: false,
    tellCaller: 'Something on our side failed. I\'ll escalate this for you.',
  },
  UserLambdaValidation: {
    message: 'A Lambda trigger of the user pool rejected the request.',
    guidance: 'A custom rule of the pool refused this user. Escalate to the team that owns the pool\'s triggers.',
    retryable: false,
    tellCaller: 'Our system refused this change for your account. I\'ll escalate it to the right team.',
  },
  UserNotConfirmed: {
    message: 'The user has not confirmed their account yet.',
    guidance: 'The user must finish sign-up (confirm their account) before the password can be reset.',
    retryable: false,
    tellCaller: 'Your account was never fully activated. Let\'s finish that first.',
  },
  UserNotFound: {
    message: 'Cognito has no such user in this pool.',
    guidance: 'Check the username (or alias) and the selected pool.',
    retryable: false,
    tellCaller: 'I can\'t find an account with that name. Could you spell it for me, or give me the email on the account?',
  },
  PreconditionNotMet: {
    message: "A precondition of the request was not met (for example, the user's required attributes).",
    guidance: "Check the user's attributes and the pool's required attributes; escalate if unclear.",
    retryable: false,
    tellCaller: 'Something about your account stops this. Let me check and come back to you.',
  },
  UnsupportedUserState: {
    message: 'The user is not in a state that allows this action.',
    guidance: 'Resending an invitation only works for FORCE_CHANGE_PASSWORD users; use the verdict to choose another way.',
    retryable: false,
    tellCaller: 'Your account isn\'t in a state where I can do that. Let me check the other options.',
  },
  UsernameExists: {
    message: 'A user with that name already exists.',
    guidance: 'Resend the invitation for the existing user rather than creating one.',
    retryable: false,
    tellCaller: 'There\'s already an account with that name. Let me look it up instead.',
  },
  CallerNotVerified: {
    message: 'Caller verification is required and was not completed.',
    guidance: 'Tick every caller-verification check after confirming each with the caller, then try again. Nothing was sent.',
    retryable: false,
    tellCaller: 'Before I can change anything, I need to confirm who you are.',
  },
  AuditUnavailable: {
    message: 'The action reached Cognito, but its audit record could not be written.',
    guidance: "Do not repeat the action blindly: check the user's state first. Fix the data folder (disk full or read-only?), then continue.",
    retryable: false,
    tellCaller: 'One moment, I need to check that your request went through.',
  },
  InvalidRequest: {
    message: 'The request was not valid; nothing was sent.',
    guidance: 'Correct the fields and try again.',
    retryable: false,
    tellCaller: 'One moment, I need to correct something on my side.',
  },
  UnknownOperation: {
    message: 'Recovery Desk has no such operation.',
    guidance: 'Update the console; the page and the app are out of step.',
    retryable: false,
    tellCaller: 'One moment, my console needs a refresh.',
  },
  CallerRejected: {
    message: 'Recovery Desk refused this call: it did not come from this session\'s own page.',
    guidance: 'Open Recovery Desk at the address it printed when it started (each launch has a new one).',
    retryable: false,
    tellCaller: 'One moment, my console needs a refresh.',
  },
  ConnectionNotFound: {
    message: 'That connection does not exist.',
    guidance: 'Pick a connection from the list.',
    retryable: false,
    tellCaller: 'One moment, I need to reconnect my console.',
  },
  FilterTooLong: {
    message: 'The search is too long for a Cognito filter (256 characters at most).',
    guidance: 'Search for a shorter value.',
    retryable: false,
    tellCaller: 'Could you give me a shorter part of the name or email to search for?',
  },
  DemoOnly: {
    message: 'This is only available on the offline demo connection.',
    guidance: 'Switch to the Offline demo connection.',
    retryable: false,
    tellCaller: 'One moment, I need to switch screens.',
  },
  DemoUnavailable: {
    message: 'The offline demo cannot start: one of its data files is damaged.',
    guidance: "Rename or delete the demo emulator's data folder (it holds only demo data): the next start seeds the demo afresh.",
    retryable: false,
    tellCaller: 'One moment, my training system needs attention.',
  },
  AccessDenied: {
    message: 'AWS denied the call: the credentials lack a permission Recovery Desk needs.',
    guidance: 'Ask your AWS administrator to grant the IAM action named in the message.',
    retryable: false,
    tellCaller: 'I don\'t have permission to do that from here. I\'ll escalate it to someone who does.',
  },
  CredentialsMissing: {
    message: 'No usable AWS credentials were found for this connection.',
    guidance: 'Sign in to AWS (for example aws sso login) or configure credentials, then try again.',
    retryable: false,
    tellCaller: 'One moment, I need to sign in to our system again.',
  },
  CredentialsExpired: {
    message: 'The AWS credentials of this connection have expired.',
    guidance: 'Get fresh credentials (for a profile: refresh it, e.g. aws sso login or a new credential_process run; for typed-in temporary keys: edit the connection and enter new keys with their session token), then test the connection again.',
    retryable: false,
    tellCaller: 'One moment, I need to sign in to our system again.',
  },
  SsoLoginRequired: {
    message: 'The IAM Identity Center (SSO) sign-in of this profile has expired or was never done.',
    guidance: 'In a terminal, run aws sso login with this profile, finish the sign-in in the browser, then test the connection again.',
    retryable: false,
    tellCaller: 'One moment, I need to sign in to our system again.',
  },
  MfaCodeRequired: {
    message: 'This connection assumes a role that needs an MFA code.',
    guidance: 'Test the connection and enter the current 6-digit code from your MFA device; the role session then lasts about an hour.',
    retryable: false,
    tellCaller: 'One moment, I need to confirm my sign-in.',
  },
  SecretsUnavailable: {
    message: 'The access keys of this connection were kept in memory only and are gone since Recovery Desk restarted.',
    guidance: 'Edit the connection and enter the access key id and secret access key again.',
    retryable: false,
    tellCaller: 'One moment, I need to sign in to our system again.',
  },
  ClockSkew: {
    message: "AWS refused the request because this computer's clock is wrong.",
    guidance: "Check the computer's clock: date, time, time zone and automatic time sync. AWS accepts requests signed at most about 5 minutes off. Then try again.",
    retryable: false,
    tellCaller: 'My system is having a technical problem. Bear with me a moment.',
  },
  WrongRegion: {
    message: "The user pool is in another region than the connection's.",
    guidance: "Pick a connection set to the pool's region, or edit this connection's region. Nothing was sent.",
    retryable: false,
    tellCaller: 'One moment, I need to switch to the right system.',
  },
  NetworkError: {
    message: 'Cognito could not be reached.',
    guidance: 'Check the network connection and the endpoint, then try again.',
    retryable: true,
    tellCaller: 'I\'ve lost the connection to the sign-in service. Bear with me while it comes back.',
  },
  OutcomeUnknown: {
    message: 'The answer was lost after the request may have reached Cognito: it may have acted.',
    guidance: 'Do not repeat the action blindly: check with the caller (did a message arrive?) and look at the user before trying again.',
    retryable: false,
    tellCaller: "I'm not sure my last step went through. Let's check before I try again.",
  },
  Unexpected: {
    message: 'Something unexpected went wrong.',
    guidance: 'Try again. If it persists, report it with the time and request id.',
    retryable: true,
    tellCaller: 'Something went wrong on my side. Bear with me while I try again.',
  },
};

/** What an action whose outcome is unknown may have done, and how the operator finds out before repeating it. */
export const outcomeUnknownWords: Record<AuditAction, { message: string; overrides: ErrorOverrides }> = {
  ForgotPassword: {
    message: 'Cognito may have sent a code; ask the caller before sending another.',
    overrides: {
      guidance: 'Ask the caller whether a code arrived (email and text messages). If it did, enter it below; only if nothing came, send another: each new code replaces the last and counts against the hourly limit.',
      tellCaller: "I'm not sure the code went out. Could you check your email and text messages for a code from us?",
    },
  },
  ConfirmForgotPassword: {
    message: 'Cognito may have set the new password.',
    overrides: {
      guidance: 'Ask the caller to sign in with the new password. If it does not work, send a new code and set it again.',
      tellCaller: 'Could you try signing in with the new password now?',
    },
  },
  ResendInvitation: {
    message: 'Cognito may have sent a new invitation with a new temporary password.',
    overrides: {
      guidance: 'Ask the caller whether a new invitation arrived before sending another: each one replaces the temporary password.',
      tellCaller: "I'm not sure the invitation went out. Could you check your email and text messages for it?",
    },
  },
  AdminResetUserPassword: {
    message: 'Cognito may have reset the password and sent a code.',
    overrides: {
      guidance: "Look at the user: RESET_REQUIRED means the reset went through and a code is on its way; ask the caller for it before resetting again.",
      tellCaller: "I'm not sure the reset went through. Could you check your email and text messages for a code from us?",
    },
  },
  AdminSetTemporaryPassword: {
    message: 'Cognito may have set the temporary password.',
    overrides: {
      guidance: 'Look at the user: FORCE_CHANGE_PASSWORD means it was set. Setting another replaces it, so read out only the one you set last.',
      tellCaller: "I'm not sure the new temporary password was saved. Bear with me while I check.",
    },
  },
};

/** Failures after which the cached pool and app-client facts may be stale (a rotated secret, a new recovery setting, a deleted client). */
export function suggestsChangedFacts(code: ErrorCode): boolean {
  return code === 'NotAuthorized' || code === 'ResourceNotFound' || code === 'InvalidParameter' || code === 'OperationNotEnabled' || code === 'UserNotFound';
}

/** What a RecoveryDeskError may say beyond its code's standard wording (never a secret). */
export type ErrorOverrides = Partial<Pick<ApiError, 'guidance' | 'issues' | 'requestId' | 'tellCaller'>>;

/** An error the core raises on purpose; it crosses the boundary as-is. */
export class RecoveryDeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly overrides: ErrorOverrides = {},
  ) {
    super(detail ?? EXPLANATIONS[code].message);
    this.name = 'RecoveryDeskError';
  }
}

/** An ApiError for `code` with its standard wording; `overrides` replaces parts of it (never with a secret). */
export function apiError(code: ErrorCode, overrides: Partial<Omit<ApiError, 'code'>> = {}): ApiError {
  return { code, ...EXPLANATIONS[code], ...overrides };
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

/** The command that signs in an IAM Identity Center profile, for messages. */
export function ssoLoginCommand(profile: string | undefined): string {
  if (!profile) return 'aws sso login';
  return /^[\w+=,.@:/-]+$/.test(profile) ? `aws sso login --profile ${profile}` : `aws sso login --profile "${profile.replace(/["\\$`]/g, '')}"`;
}

/** The SSO error for `profile`, with the exact command to run. */
export function ssoLoginRequired(profile: string | undefined): RecoveryDeskError {
  const command = ssoLoginCommand(profile);
  return new RecoveryDeskError(
    'SsoLoginRequired',
    `The IAM Identity Center (SSO) sign-in${profile ? ` of profile "${profile}"` : ''} has expired or was never done. Run: ${command}`,
    { guidance: `In a terminal, run \`${command}\`, finish the sign-in in the browser, then test the connection again.` },
  );
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
  if (error instanceof RecoveryDeskError) return apiError(error.code, { message: error.message, ...error.overrides });
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

/** The code-specific words: what exactly failed, using only what the error and its context say. */
function describe(code: ErrorCode, e: SdkLikeError, context: AwsCallContext): Partial<ApiError> {
  const name = e.name ?? '';
  switch (code) {
    case 'AccessDenied':
      return describeAccessDenied(e.message ?? '', context);
    case 'SsoLoginRequired': {
      const { message, overrides } = ssoLoginRequired(context.profile);
      return { message, ...overrides };
    }
    case 'NetworkError': {
      const host = failedHost(e) ?? context.endpointHost;
      const why = networkReason(e);
      return {
        message: host ? `Could not reach ${host}${why ? ` (${why})` : ''}.` : `${EXPLANATIONS.NetworkError.message}${why ? ` (${why})` : ''}`,
        guidance: host
          ? `Check the network connection and that ${host} is the right endpoint and is up (an emulator must be running; a proxy or VPN may block it), then try again.`
          : EXPLANATIONS.NetworkError.guidance,
      };
    }
    case 'ClockSkew': {
      const serverDate = e.$response?.headers?.date ?? e.$response?.headers?.Date;
      const serverTime = serverDate ? Date.parse(serverDate) : Number.NaN;
      const minutes = Number.isNaN(serverTime) ? undefined : Math.round((Date.now() - serverTime) / 60_000);
      return minutes !== undefined && Math.abs(minutes) >= 1
        ? { message: `${EXPLANATIONS.ClockSkew.message} It is about ${Math.abs(minutes)} minute(s) ${minutes > 0 ? 'ahead of' : 'behind'} AWS's clock.` }
        : {};
    }
    case 'MfaCodeRequired':
      return /MultiFactorAuthentication failed/i.test(e.message ?? '')
        ? { message: 'AWS did not accept the MFA code (wrong, expired or already used).', guidance: 'Wait for the next code on your MFA device, then test the connection again with it.' }
        : {};
    case 'CredentialsExpired':
      return context.profile
        ? { message: `The AWS credentials of profile "${context.profile}" have expired.`, guidance: `Refresh the credentials of profile "${context.profile}" (\`${ssoLoginCommand(context.profile)}\` if it signs in with IAM Identity Center, else the tool that writes its keys), then test the connection again.` }
        : {};
    case 'CredentialsMissing':
      if (signatureNames.has(name)) {
        return { message: 'AWS did not accept the signature: the secret access key does not belong to the access key id.', guidance: 'Check the secret access key (edit the connection and enter it again), then test the connection.' };
      }
      if (unknownKeyNames.has(name)) {
        return { message: 'AWS does not recognise these credentials: the access key or session token is wrong, deleted or from another partition.', guidance: 'Check the keys (or refresh the profile), then test the connection again.' };
      }
      return context.profile
        ? { message: `Profile "${context.profile}" gave no usable AWS credentials.`, guidance: `Check profile "${context.profile}" with \`aws sts get-caller-identity --profile ${context.profile}\` in a terminal, fix it, then test the connection again.` }
        : { guidance: 'The default chain found nothing: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY before starting, run on a machine with a role, or add a connection from a profile or with typed-in keys.' };
    default: {
      // Cognito's own messages name fields and rules, never secrets; anything else is not repeated.
      const said = cognitoCodes.has(code) ? cognitoMessage(e.message) : undefined;
      return { ...(said ? { message: `${EXPLANATIONS[code].message} Cognito said: "${said}"` } : {}), ...(code === 'InvalidParameter' ? invalidParameterWords(context.operation) : {}) };
    }
  }
}

const LISTINGS = new Set(['ListUsers', 'ListUserPools', 'ListUserPoolClients']);

/**
 * InvalidParameter means different things by operation: for ForgotPassword (its standard words) most
 * often no verified email or phone; for a listing, a page marker that no longer fits the list.
 */
function invalidParameterWords(operation: string | undefined): Partial<ApiError> {
  if (operation === undefined || operation === 'ForgotPassword') return {};
  if (LISTINGS.has(operation)) {
    return {
      guidance: 'The marker for the next page is no longer valid (the search, the pool or the list changed, or the marker expired). Start the search again from the first page.',
      tellCaller: 'One moment while I run the search again.',
    };
  }
  return {
    guidance: "Cognito refused one of the values sent (its words above say which). Check the user's attributes and the pool's settings, then correct it; nothing was changed.",
    tellCaller: 'One moment, I need to correct something on my side.',
  };
}

function describeAccessDenied(message: string, context: AwsCallContext): Partial<ApiError> {
  // AWS's wording: "User: arn:… is not authorized to perform: cognito-idp:ListUsers on resource: arn:…"
  const action = /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1]
    ?? (context.service && context.operation ? `${context.service}:${context.operation}` : undefined);
  const principal = /User: (arn:[^\s]+)/.exec(message)?.[1];
  const resource = /on resource: (arn:[^\s]+)/.exec(message)?.[1];
  if (!action) return {};
  const who = principal ? ` to ${principal}` : '';
  return {
    message: `AWS denied the IAM action ${action}${who}${resource ? ` on ${resource}` : ''}.`,
    guidance: action === 'sts:AssumeRole'
      ? `Ask your AWS administrator to allow sts:AssumeRole on the role for these credentials, and the role's trust policy to trust them (README: "AWS permissions").`
      : `Ask your AWS administrator to allow ${action} for this role or user (README: "AWS permissions" lists every action Recovery Desk uses). Nothing was changed.`,
  };
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

function networkReason(e: SdkLikeError): string | undefined {
  const code = e.code ?? ((e.errors?.[0] ?? {}) as SdkLikeError).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing is listening there';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the name could not be resolved: no network or DNS';
    case 'ETIMEDOUT':
      return 'no answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'the connection was cut';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to it';
    default:
      return e.name === 'TimeoutError' || e.name === 'RequestTimeout' ? 'no answer in time' : undefined;
  }
}

// Cognito's own messages name fields and rules, never secrets; still, keep them short, and blank
// anything shaped like an AWS access key id, in case a message ever quotes one.
function cognitoMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const oneLine = message.replace(/\s+/g, ' ').replace(/\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g, '[key]').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
