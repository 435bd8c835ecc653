import { z } from 'zod';
import { AssumeRole, ConnectionName, connectionSlug, CountryCode, EndpointUrl, ProfileName, Region } from './connection-fields';
import { CallerVerificationSettings } from './contract';
import { messageRef } from './message-ref';
import { POLICY_ACTIONS } from './policy-actions';

// The organization's policy: one machine-wide JSON file an IT administrator deploys and operators
// cannot change (electron/core/policy.ts finds and reads it). Every key is optional; what a key sets,
// the console shows as set by the organization and the privileged side enforces.

export { POLICY_ACTIONS };
export const PolicyAction = z.enum(POLICY_ACTIONS);
export type PolicyAction = z.infer<typeof PolicyAction>;

/** Whether `source` compiles as a JavaScript regular expression (with the u flag, as the console uses it). */
export function isRegularExpression(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The whole ticket must match `pattern` (anchored here, so `INC-\d+` cannot match inside "XINC-1Y"). */
export function ticketMatches(pattern: string, ticket: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(ticket);
}

/** A connection the organization presets: operators use it, cannot edit or delete it. */
export const PolicyConnection = z.strictObject({
  /** A stable id (lower-case letters, digits, dashes); by default made from the name. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, messageRef('validation.connection.id'))
    .optional(),
  name: ConnectionName,
  region: Region,
  /** A profile of the shared AWS config; without one, the default credential chain. */
  profile: ProfileName.optional(),
  assumeRole: AssumeRole.optional(),
  endpoint: EndpointUrl.optional(),
  defaultCountry: CountryCode.optional(),
});
export type PolicyConnection = z.infer<typeof PolicyConnection>;

/**
 * A preset connection's id, the same on every machine: "org-" and its policy id, or its name made into
 * one. The prefix keeps it apart from the app's own (demo, aws-environment); saved connections are
 * never given one (electron/core/connection-store.ts).
 */
export function presetConnectionId(connection: Pick<PolicyConnection, 'id' | 'name'>): string {
  return `org-${connection.id ?? (connectionSlug(connection.name) || 'connection')}`;
}

/** Where every audit record also goes: a CloudWatch Logs log group the administrator created. */
export const CloudWatchLogsAudit = z.strictObject({
  region: Region,
  /** CloudWatch Logs' own rule for a log group name. */
  logGroupName: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[\w\-./#]+$/, messageRef('validation.invalidFormat')),
  /** Streams are named <prefix><computer>/<OS user>; ':' and '*' are not allowed in a stream name. */
  logStreamPrefix: z
    .string()
    .max(256)
    .regex(/^[^:*]*$/, messageRef('validation.invalidFormat'))
    .optional(),
  /** A CloudWatch Logs endpoint of its own (a VPC endpoint; a stand-in in tests). */
  endpoint: EndpointUrl.optional(),
  /** The profile whose credentials deliver the records; without one, the default credential chain. */
  profile: ProfileName.optional(),
});
export type CloudWatchLogsAudit = z.infer<typeof CloudWatchLogsAudit>;

export const Policy = z
  .strictObject({
    /** Every recovery action needs a ticket reference. */
    requireTicket: z.boolean().optional(),
    /** A regular expression (JavaScript syntax) the whole ticket must match, e.g. ^INC-\d+$. */
    ticketPattern: z
      .string()
      .min(1)
      .max(500)
      .refine(isRegularExpression, messageRef('validation.policy.pattern'))
      .optional(),
    /** Caller verification as the organization sets it; operators can neither turn it off nor change the checks. */
    callerVerification: z
      .strictObject({ required: z.boolean(), checks: CallerVerificationSettings.shape.checks.min(1).optional() })
      .refine((verification) => !verification.required || (verification.checks?.length ?? 0) > 0, {
        message: messageRef('validation.policy.checksRequired'),
        path: ['checks'],
      })
      .optional(),
    /** The recovery actions operators may take; any other is hidden and refused. */
    allowedActions: z.array(PolicyAction).optional(),
    /** false: no offline demo on this machine. */
    demo: z.boolean().optional(),
    /** Connections every operator gets, preset by the organization. */
    connections: z.array(PolicyConnection).max(50).optional(),
    audit: z.strictObject({ cloudWatchLogs: CloudWatchLogsAudit.optional() }).optional(),
  })
  .refine((policy) => new Set((policy.connections ?? []).map(presetConnectionId)).size === (policy.connections ?? []).length, {
    message: messageRef('validation.policy.duplicateConnection'),
    path: ['connections'],
  });
export type Policy = z.infer<typeof Policy>;
