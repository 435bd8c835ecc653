import { COGNITO_ERROR_CODES, type ApiError, type ErrorCode } from '../../shared/errors';

type Explanation = Pick<ApiError, 'message' | 'guidance' | 'retryable'>;

/** Plain words for every code, so an operator never sees only a raw exception. */
const EXPLANATIONS: Record<ErrorCode, Explanation> = {
  CodeDeliveryFailure: {
    message: 'Cognito could not deliver the verification code (email or SMS sending failed).',
    guidance: 'Check that the caller can receive messages on the channel shown, then send a new code. If it keeps failing, the pool\'s email/SMS configuration needs an administrator.',
    retryable: true,
  },
  CodeMismatch: {
    message: 'The confirmation code does not match the one Cognito sent.',
    guidance: 'Ask the caller to read the newest code again, character by character. Only the most recent code works.',
    retryable: false,
  },
  ExpiredCode: {
    message: 'The confirmation code has expired or was already used.',
    guidance: 'Send a new recovery code; codes are valid for one hour and only once.',
    retryable: false,
  },
  Forbidden: {
    message: 'AWS WAF blocked the request for this user pool.',
    guidance: 'The request matched a web ACL rule. Ask the Cognito administrator to review the pool\'s WAF rules.',
    retryable: false,
  },
  InternalError: {
    message: 'Cognito had an internal error.',
    guidance: 'Wait a moment and try again. If it persists, check the AWS Health Dashboard.',
    retryable: true,
  },
  InvalidEmailRoleAccessPolicy: {
    message: 'Cognito is not allowed to send email with the pool\'s configured identity.',
    guidance: 'The pool\'s email (SES) configuration needs an administrator. Recovery by email will fail until it is fixed.',
    retryable: false,
  },
  InvalidLambdaResponse: {
    message: 'A Lambda trigger of the user pool returned an invalid response.',
    guidance: 'The pool\'s custom trigger is misbehaving; escalate to the team that owns it.',
    retryable: false,
  },
  InvalidParameter: {
    message: 'Cognito rejected a parameter of the request.',
    guidance: 'Often the user has no verified email or phone number, so no code can be sent. Check the user\'s verified channels.',
    retryable: false,
  },
  InvalidPassword: {
    message: 'The new password does not meet the user pool\'s password policy.',
    guidance: 'Choose a password that satisfies every rule in the checklist and try again with the same code.',
    retryable: false,
  },
  InvalidSmsRoleAccessPolicy: {
    message: 'Cognito is not allowed to send SMS with the pool\'s configured role.',
    guidance: 'The pool\'s SMS configuration (IAM role) needs an administrator.',
    retryable: false,
  },
  InvalidSmsRoleTrustRelationship: {
    message: 'The pool\'s SMS role does not trust Cognito.',
    guidance: 'The SMS role\'s trust policy needs an administrator.',
    retryable: false,
  },
  LimitExceeded: {
    message: 'Too many recovery attempts for this user.',
    guidance: 'Cognito limits recovery codes and code entries per hour. Ask the caller to try again later (usually within the hour).',
    retryable: true,
  },
  NotAuthorized: {
    message: 'Cognito refused: the user or app client is not allowed to do this.',
    guidance: 'The user may be disabled or must change a temporary password (FORCE_CHANGE_PASSWORD), or the app client\'s secret did not verify. Check the user\'s status and the chosen app client.',
    retryable: false,
  },
  OperationNotEnabled: {
    message: 'This operation is not enabled for the user pool or app client.',
    guidance: 'Ask the Cognito administrator which recovery method the pool allows.',
    retryable: false,
  },
  PasswordHistoryPolicyViolation: {
    message: 'The new password was used recently and the pool keeps a password history.',
    guidance: 'Choose a password the user has not used before.',
    retryable: false,
  },
  ResourceNotFound: {
    message: 'Cognito could not find the user pool or app client.',
    guidance: 'Check the selected connection\'s region and that the pool and app client still exist.',
    retryable: false,
  },
  TooManyFailedAttempts: {
    message: 'Too many wrong codes were entered for this user.',
    guidance: 'Wait before trying again, then send a new code.',
    retryable: true,
  },
  TooManyRequests: {
    message: 'Cognito is throttling requests (request-rate quota reached).',
    guidance: 'Wait a few seconds and try again.',
    retryable: true,
  },
  UnexpectedLambda: {
    message: 'A Lambda trigger of the user pool failed unexpectedly.',
    guidance: 'Escalate to the team that owns the pool\'s triggers.',
    retryable: false,
  },
  UserLambdaValidation: {
    message: 'A Lambda trigger of the user pool rejected the request.',
    guidance: 'A custom rule of the pool refused this user. Escalate to the team that owns the pool\'s triggers.',
    retryable: false,
  },
  UserNotConfirmed: {
    message: 'The user has not confirmed their account yet.',
    guidance: 'The user must finish sign-up (confirm their account) before the password can be reset.',
    retryable: false,
  },
  UserNotFound: {
    message: 'Cognito has no such user in this pool.',
    guidance: 'Check the username (or alias) and the selected pool.',
    retryable: false,
  },
  InvalidRequest: {
    message: 'The request was not valid; nothing was sent.',
    guidance: 'Correct the fields and try again.',
    retryable: false,
  },
  UnknownOperation: {
    message: 'Recovery Desk has no such operation.',
    guidance: 'Update the console; the page and the app are out of step.',
    retryable: false,
  },
  CallerRejected: {
    message: 'Recovery Desk refused this call: it did not come from this session\'s own page.',
    guidance: 'Open Recovery Desk at the address it printed when it started (each launch has a new one).',
    retryable: false,
  },
  ConnectionNotFound: {
    message: 'That connection does not exist.',
    guidance: 'Pick a connection from the list.',
    retryable: false,
  },
  FilterTooLong: {
    message: 'The search is too long for a Cognito filter (256 characters at most).',
    guidance: 'Search for a shorter value.',
    retryable: false,
  },
  DemoOnly: {
    message: 'This is only available on the offline demo connection.',
    guidance: 'Switch to the Offline demo connection.',
    retryable: false,
  },
  AccessDenied: {
    message: 'AWS denied the call: the credentials lack a permission Recovery Desk needs.',
    guidance: 'Ask your AWS administrator to grant the IAM action named in the message.',
    retryable: false,
  },
  CredentialsMissing: {
    message: 'No usable AWS credentials were found for this connection.',
    guidance: 'Sign in to AWS (for example aws sso login) or configure credentials, then try again.',
    retryable: false,
  },
  NetworkError: {
    message: 'Cognito could not be reached.',
    guidance: 'Check the network connection and the endpoint, then try again.',
    retryable: true,
  },
  Unexpected: {
    message: 'Something unexpected went wrong.',
    guidance: 'Try again. If it persists, report it with the time and request id.',
    retryable: true,
  },
};

/** An error the core raises on purpose; it crosses the boundary as-is. */
export class RecoveryDeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? EXPLANATIONS[code].message);
    this.name = 'RecoveryDeskError';
  }
}

export function explain(code: ErrorCode): Explanation {
  return EXPLANATIONS[code];
}

const cognitoCodes = new Set<string>(COGNITO_ERROR_CODES);
const networkErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

/** Maps anything thrown below the dispatcher to one ApiError with a stable code. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof RecoveryDeskError) {
    const base = EXPLANATIONS[error.code];
    return { code: error.code, ...base, message: error.message };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  const requestId = e.$metadata?.requestId;
  const code = classify(e);
  const base = EXPLANATIONS[code];
  const cognitoSaid = code !== 'Unexpected' && code !== 'NetworkError' ? cognitoMessage(e.message) : undefined;
  return {
    code,
    ...base,
    message: cognitoSaid ? `${base.message} Cognito said: "${cognitoSaid}"` : base.message,
    ...(requestId ? { requestId } : {}),
  };
}

function classify(e: SdkLikeError): ErrorCode {
  const name = e.name ?? '';
  const short = name.replace(/Exception$/, '');
  if (cognitoCodes.has(short)) return short as ErrorCode;
  if (name === 'AccessDeniedException' || name === 'AccessDenied') return 'AccessDenied';
  if (name === 'CredentialsProviderError' || name === 'ExpiredTokenException' || name === 'UnrecognizedClientException') {
    return 'CredentialsMissing';
  }
  if (name === 'TimeoutError' || (e.code !== undefined && networkErrorCodes.has(e.code))) return 'NetworkError';
  return 'Unexpected';
}

// Cognito's own messages name fields and rules, never secrets; still, keep them short.
function cognitoMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
