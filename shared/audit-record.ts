import { z } from 'zod';

// One line of the audit log. The schema is strict and has no field for a code, a password or a
// secret, so none can be recorded even by mistake.

export const AuditAction = z.enum([
  'ForgotPassword',
  'ConfirmForgotPassword',
  'ResendInvitation',
  'AdminResetUserPassword',
  'AdminSetTemporaryPassword',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * success and failure are Cognito's answers; unknown means the answer was lost after the request
 * may have reached Cognito (a timeout, a cut connection, a 5xx), so the action may have happened.
 */
export const AuditOutcome = z.enum(['success', 'failure', 'unknown']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditRecord = z.strictObject({
  /** Format version of the line. */
  v: z.literal(1),
  id: z.string().min(1).max(64),
  /** ISO time the action finished. */
  time: z.string(),
  operator: z.strictObject({
    /** The operating-system account running Recovery Desk. */
    osUser: z.string(),
    displayName: z.string().max(200).optional(),
  }),
  connection: z.strictObject({ id: z.string(), name: z.string(), region: z.string() }),
  userPoolId: z.string(),
  clientId: z.string().optional(),
  username: z.string(),
  action: AuditAction,
  outcome: AuditOutcome,
  /** 'OK' on success, else the error code that crossed the boundary (e.g. CodeMismatch, OutcomeUnknown). */
  outcomeCode: z.string(),
  requestId: z.string().optional(),
  ticket: z.string().max(200).optional(),
  /** Caller-verification checks the operator ticked, by label. */
  callerVerification: z.array(z.string().max(200)).max(20).optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
