import { z } from 'zod';
import { AuditAction } from './audit-record';
import { FileProblem } from './file-problem';
import { POLICY_ACTIONS } from './policy-actions';

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
  // Threat protection: AdminListUserAuthEvents, AdminUpdateAuthEventFeedback in a pool without it
  'UserPoolAddOnNotEnabled',
  // AdminSetUserMFAPreference (Reset MFA)
  'PasswordResetRequired',
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
  'PolicyForbids', // the organization's policy does not allow this (an action, no ticket, the demo, a preset connection's change)
  'PolicyInvalid', // the policy file cannot be used: recovery actions are refused until it is fixed (fail closed)
  'SearchNotFound', // search:progress or search:cancel named a search this run of Recovery Desk does not hold (finished long ago, or the app restarted)
  'AuditDeliveryFailed', // the central audit trail (CloudWatch Logs) did not take the records; they wait on disk and are retried
  'Unexpected',
] as const;

export const CognitoErrorCode = z.enum(COGNITO_ERROR_CODES);
export const ErrorCode = z.enum([...COGNITO_ERROR_CODES, ...APP_ERROR_CODES]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Which situation of a code this is, where the words differ (the page words each one). A code
 * without a cause has its standard words.
 */
export const ERROR_CAUSES = [
  // NetworkError
  'host-unreachable', // params.host (and networkReason when known)
  'deadline', // params.operation, params.seconds: no answer in time, nothing changed
  'page-unreachable', // the page could not reach Recovery Desk itself
  // OutcomeUnknown: the answer was lost after the request may have reached Cognito
  'no-answer-in-time', // params.operation, params.seconds
  'server-error', // params.operation, params.httpStatus (also AuditDeliveryFailed: CloudWatch Logs' 5xx)
  'connection-cut', // params.operation
  // InvalidParameter, by operation
  'stale-page-marker', // a listing's next-page marker no longer fits
  'rejected-value', // any operation but ForgotPassword and the listings (AuditDeliveryFailed: CloudWatch Logs refused params.operation)
  // AccessDenied
  'iam-action', // params.iamAction (principal, resource when AWS named them)
  'assume-role', // sts:AssumeRole refused
  // Credentials
  'profile', // params.profile (SsoLoginRequired, CredentialsExpired, CredentialsMissing, AuditDeliveryFailed)
  'bad-signature', // CredentialsMissing: the secret does not belong to the key id
  'unknown-key', // CredentialsMissing: key or session token unknown to AWS
  'default-chain', // CredentialsMissing, AuditDeliveryFailed: the default chain found nothing
  'code-rejected', // MfaCodeRequired: STS refused the code typed in
  'fresh-code', // MfaCodeRequired: params.mfaSerial needs a new code
  'offset', // ClockSkew: params.clockOffsetMinutes
  'other-keyring', // SecretsUnavailable: sealed by another user, computer or keyring
  // InvalidRequest
  'schema', // the request failed the contract: see issues
  'built-in-connection', // the demo connection cannot be edited
  'keys-required', // typed-in keys need both parts
  'endpoint-credentials', // an endpoint URL with a user name or password
  'unknown-country', // params.country
  'not-json', // the body is not JSON
  'not-json-type', // Content-Type is not application/json
  'too-large', // params.maxBytes
  'not-post', // an operation called without POST
  // CallerRejected
  'wrong-address', // the request did not come from Recovery Desk's own address
  'cross-site', // a request from another website
  'malformed', // a malformed request target
  'no-session', // no or a wrong session token
  'wrong-sender', // IPC from a page that is not the app's
  // PolicyForbids
  'action-not-allowed', // params.policyAction is not in allowedActions
  'ticket-required', // requireTicket and no ticket
  'ticket-pattern', // the ticket does not match ticketPattern
  'demo-disabled', // demo: false
  'preset-connection', // a preset connection cannot be edited, renamed or deleted
  'managed-setting', // a setting the policy fixes (caller verification) cannot be changed
  // AuditDeliveryFailed (and server-error, profile, default-chain, rejected-value above)
  'log-group-missing', // params.logGroupName, params.region: the administrator's log group does not exist
  'throttled', // CloudWatch Logs throttled the requests
  // Unexpected
  'unchecked-answer', // the privileged side's answer failed the contract, so it was not shown
  'no-answer', // the shell could not answer
  'closing', // the app is closing, the request was not sent
  'page', // something failed in the page itself
  'page-refused', // the shell refused the page (HTTP 401/403)
  'unreadable-answer', // params.httpStatus: an answer the page did not understand
] as const;
export const ErrorCause = z.enum(ERROR_CAUSES);
export type ErrorCause = z.infer<typeof ErrorCause>;

const Name = z.string().max(2048);

/** What is wrong with the organization's policy file, by key (electron/core/policy.ts finds it; the page words it). */
export const PolicyProblem = z.strictObject({
  /** The key, as a dotted path ("ticketPattern", "connections.0.region"); "" for the file as a whole. */
  key: z.string().max(300),
  problem: z.enum(['unreadable', 'not-json', 'unknown-key', 'wrong-type', 'invalid-pattern', 'invalid-value', 'writable-by-others']),
  /** For unreadable: the system's error code. */
  errno: z.string().max(64).optional(),
});
export type PolicyProblem = z.infer<typeof PolicyProblem>;

/** How many of a policy file's problems cross the boundary: the page names the first and counts the rest. */
export const MAX_POLICY_PROBLEMS = 50;

/** The facts an error's words need. Names, numbers and places only: never a password, code, secret or key. */
export const ErrorParams = z.strictObject({
  /** The action whose outcome is in doubt (OutcomeUnknown). */
  action: AuditAction.optional(),
  /** The AWS API operation that failed, e.g. ForgotPassword. */
  operation: Name.optional(),
  seconds: z.number().nonnegative().optional(),
  httpStatus: z.number().int().optional(),
  /** host[:port] that could not be reached, and why. */
  host: Name.optional(),
  networkReason: z.enum(['refused', 'unresolved', 'timeout', 'cut', 'unreachable']).optional(),
  /** AccessDenied: the IAM action refused, to whom, on what. */
  iamAction: Name.optional(),
  principal: Name.optional(),
  resource: Name.optional(),
  /** The shared-config profile behind the credentials. */
  profile: Name.optional(),
  /** The command that fixes it, to copy into a terminal (aws sso login --profile …). */
  command: Name.optional(),
  /** How far this computer's clock is from AWS's, in minutes: positive when it is ahead. */
  clockOffsetMinutes: z.number().int().optional(),
  mfaSerial: Name.optional(),
  country: Name.optional(),
  maxBytes: z.number().int().optional(),
  connectionId: Name.optional(),
  userPoolId: Name.optional(),
  region: Name.optional(),
  poolRegion: Name.optional(),
  /** CallerNotVerified: how many checks were not ticked. */
  missingChecks: z.number().int().optional(),
  /** FilterTooLong: by how many characters. */
  overBy: z.number().int().optional(),
  /** PolicyForbids: the action (by the policy's name for it). */
  policyAction: z.enum(POLICY_ACTIONS).optional(),
  /** PolicyInvalid: the policy file, and what is wrong with it, key by key. */
  policyPath: Name.optional(),
  policyProblems: z.array(PolicyProblem).max(MAX_POLICY_PROBLEMS).optional(),
  /** AuditDeliveryFailed: the CloudWatch Logs log group the policy names (with params.region). */
  logGroupName: Name.optional(),
  /** DemoUnavailable: the damaged file and the folder to rename. */
  file: FileProblem.optional(),
  directory: Name.optional(),
});
export type ErrorParams = z.infer<typeof ErrorParams>;

/**
 * A failure as it crosses the boundary: a stable code, the facts its words need, and Cognito's own
 * message for the record. The page says it in the operator's language; the privileged side sends
 * no sentences.
 */
export const ApiError = z.object({
  code: ErrorCode,
  cause: ErrorCause.optional(),
  params: ErrorParams.optional(),
  /** Cognito's own message (AWS's English), for the record, the log and a support case. Never a secret. */
  detail: z.string().max(400).optional(),
  /** Where known: how long to wait before trying again. */
  retryAfterSeconds: z.number().int().positive().optional(),
  /** Whether repeating the same call later can succeed. */
  retryable: z.boolean(),
  /** AWS request id, for a support case. */
  requestId: z.string().optional(),
  /** For InvalidRequest: which fields failed and why (each message an id with its values: shared/message-ref.ts). */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
