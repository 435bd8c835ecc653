import { z } from 'zod';

/**
 * Every error that can cross the boundary. Cognito exceptions keep their name without the
 * `Exception` suffix, so a code is stable whatever the SDK's class hierarchy does.
 */
export const COGNITO_ERROR_CODES = [
  // ForgotPassword and ConfirmForgotPassword (SDK v3 command docs, HTTP API reference)
  'CodeDeliveryFailure',
  'CodeMismatch',
  'ExpiredCode',
  'Forbidden',
  'InternalError',
  'InvalidEmailRoleAccessPolicy',
  'InvalidLambdaResponse',
  'InvalidParameter',
  'InvalidPassword',
  'InvalidSmsRoleAccessPolicy',
  'InvalidSmsRoleTrustRelationship',
  'LimitExceeded',
  'NotAuthorized',
  'OperationNotEnabled',
  'PasswordHistoryPolicyViolation',
  'ResourceNotFound',
  'TooManyFailedAttempts',
  'TooManyRequests',
  'UnexpectedLambda',
  'UserLambdaValidation',
  'UserNotConfirmed',
  'UserNotFound',
  // The alternatives: AdminCreateUser (RESEND), AdminResetUserPassword, AdminSetUserPassword
  'PreconditionNotMet',
  'UnsupportedUserState',
  'UsernameExists',
] as const;

/** Errors raised by Recovery Desk itself, before or around a Cognito call. */
export const APP_ERROR_CODES = [
  'InvalidRequest', // the request failed the contract's schema; nothing was sent
  'UnknownOperation',
  'CallerRejected', // the shell refused the caller: no session token, wrong origin or frame
  'ConnectionNotFound',
  'FilterTooLong',
  'DemoOnly', // the operation only exists on the offline demo connection
  'DemoUnavailable', // the offline demo emulator cannot start: one of its data files is damaged
  'CallerNotVerified', // caller verification is required by the settings and was not completed
  'AuditUnavailable', // the audit record could not be written, so success cannot be reported
  'AccessDenied', // IAM refused a Cognito action (AccessDeniedException)
  'CredentialsMissing',
  'CredentialsExpired',
  'SsoLoginRequired', // an IAM Identity Center profile whose cached token is missing or expired
  'MfaCodeRequired', // the assumed role needs an MFA code before it can be used
  'SecretsUnavailable', // typed-in keys were kept in memory only and the shell has restarted
  'ClockSkew', // the computer's clock is too far off for AWS to accept the signature
  'WrongRegion', // the user pool id names another region than the connection's
  'NetworkError',
  // A write's answer was lost after the request may have reached Cognito: it may have acted
  'OutcomeUnknown',
  'Unexpected',
] as const;

export const CognitoErrorCode = z.enum(COGNITO_ERROR_CODES);
export const ErrorCode = z.enum([...COGNITO_ERROR_CODES, ...APP_ERROR_CODES]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  /** What happened, in plain words. Never contains a password, code, secret or key. */
  message: z.string(),
  /** What the operator can do next. */
  guidance: z.string(),
  /** What the operator can say to the caller, in words a caller understands. */
  tellCaller: z.string(),
  /** Where known: how long to wait before trying again. */
  retryAfterSeconds: z.number().int().positive().optional(),
  /** Whether repeating the same call later can succeed. */
  retryable: z.boolean(),
  /** AWS request id, for a support case. */
  requestId: z.string().optional(),
  /** For InvalidRequest: which fields failed and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
