import { z } from 'zod';

// One line of the audit log. The schemas are strict and have no field for a code, a password or a
// secret, so none can be recorded even by mistake.

export const AuditAction = z.enum([
  'ForgotPassword',
  'ConfirmForgotPassword',
  'ResendInvitation',
  'AdminResetUserPassword',
  'AdminSetTemporaryPassword',
  // Sessions and risk (AdminRevokeUserSession, AdminUserGlobalSignOut, AdminUpdateAuthEventFeedback)
  'RevokeSession',
  'GlobalSignOut',
  'AuthEventFeedback',
  // A lost MFA device: SMS, email and TOTP MFA turned off (AdminSetUserMFAPreference).
  'ResetMfa',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * success and failure are Cognito's answers; unknown means the answer was lost after the request
 * may have reached Cognito (a timeout, a cut connection, a 5xx), so the action may have happened.
 */
export const AuditOutcome = z.enum(['success', 'failure', 'unknown']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** A SHA-256 digest as 64 lowercase hex digits. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

// The fields every version shares, in the order they are written.
const who = {
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
};
const what = {
  action: AuditAction,
  outcome: AuditOutcome,
  /** 'OK' on success, else the error code that crossed the boundary (e.g. CodeMismatch, OutcomeUnknown). */
  outcomeCode: z.string(),
  requestId: z.string().optional(),
  ticket: z.string().max(200).optional(),
  /** Caller-verification checks the operator ticked, by label. */
  callerVerification: z.array(z.string().max(200)).max(20).optional(),
};
/** The Cognito user's `sub`, the name CloudTrail knows the user by; absent when the console did not learn it. */
const sub = z.string().min(1).max(128).optional();

/** What the console records of one action; the log adds the version and the chain. */
export const AuditEntry = z.strictObject({ ...who, sub, ...what });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A line written before the chain: still read, never written. */
export const UnchainedAuditRecord = z.strictObject({ v: z.literal(1), ...who, ...what });
export type UnchainedAuditRecord = z.infer<typeof UnchainedAuditRecord>;

/**
 * A line of the hash chain (electron/core/audit-chain.ts): its number in the file's chain, the hash
 * of the chained record before it, and last its own hash, over the line's bytes without that member.
 */
export const ChainedAuditRecord = z.strictObject({
  v: z.literal(2),
  /** 1 for the first chained record of the file, then one more per record. */
  seq: z.number().int().min(1),
  /** The previous chained record's `hash`; 64 zeros for the first. */
  prev: Sha256Hex,
  ...who,
  sub,
  ...what,
  hash: Sha256Hex,
});
export type ChainedAuditRecord = z.infer<typeof ChainedAuditRecord>;

export const AuditRecord = z.discriminatedUnion('v', [UnchainedAuditRecord, ChainedAuditRecord]);
export type AuditRecord = z.infer<typeof AuditRecord>;

/** What `audit:verify` and `npm run audit:verify` find. */
export const AuditChainReport = z.object({
  /** Records read (chained or not), damaged lines aside. */
  records: z.number().int(),
  /** Of those, the records written before the chain began (version 1): read, but not covered. */
  unchained: z.number().int(),
  /** Lines that are not a record (torn by a crash), 1-based; the chain passes over them. */
  damagedLines: z.array(z.number().int()),
  /**
   * The first place the chain breaks, by 1-based line number: a record there was changed, a record
   * before it was removed, or records were put in another order. Absent when the chain is intact.
   */
  problem: z.object({ kind: z.enum(['changed', 'removed', 'reordered']), line: z.number().int() }).optional(),
});
export type AuditChainReport = z.infer<typeof AuditChainReport>;
