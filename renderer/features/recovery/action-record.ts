import type { PolicyView, Settings } from '../../../shared/contract';
import { hasControlOrDirectionMarks } from '../../../shared/plain-text';
import { ticketMatches } from '../../../shared/policy';

/** What every recovery request carries for the audit log: the ticket and the checks the operator ticked. */
export interface ActionRecord {
  ticket?: string;
  callerVerification?: string[];
}

/**
 * Why no recovery action may start with the ticket as typed: it cannot be recorded, the organization
 * requires one, or requires another form (worded by the caller checks).
 */
export type TicketProblem = 'control-or-direction' | 'required' | 'pattern';

/** What the organization's policy asks of the ticket. */
export interface TicketRule {
  required: boolean;
  /** The whole ticket must match it. */
  pattern?: string | undefined;
}

export function ticketRule(policy: PolicyView | undefined): TicketRule {
  return policy?.status === 'active' ? { required: policy.requireTicket, pattern: policy.ticketPattern } : { required: false };
}

export interface CallerCheckState {
  /** The checks the settings require, in their order; empty when caller verification is off. */
  required: string[];
  /** Required checks not ticked yet: while any remain, no recovery action may start. */
  missing: string[];
  /** Why the ticket cannot be recorded as typed; while set, no recovery action may start. */
  ticketProblem?: TicketProblem;
  record: ActionRecord;
}

export const TICKET_MAX_LENGTH = 100;

/**
 * The operator's ticket and ticked checks, as sent with each recovery request. Only labels the
 * settings name are sent, in the settings' order; an empty ticket is left out. The ticket is checked
 * as the privileged side will check it: trimmed, then against the organization's rule.
 */
export function callerCheckState(
  settings: Pick<Settings, 'callerVerification'> | undefined,
  ticket: string,
  ticked: readonly string[],
  rule: TicketRule = { required: false },
): CallerCheckState {
  const enabled = settings?.callerVerification.enabled ?? false;
  const required = enabled ? [...new Set(settings?.callerVerification.checks ?? [])] : [];
  const tickedSet = new Set(ticked);
  const missing = required.filter((check) => !tickedSet.has(check));
  const trimmed = ticket.trim().slice(0, TICKET_MAX_LENGTH);
  const record: ActionRecord = {};
  if (trimmed) record.ticket = trimmed;
  if (enabled) record.callerVerification = required.filter((check) => tickedSet.has(check));
  const ticketProblem: TicketProblem | undefined = hasControlOrDirectionMarks(trimmed)
    ? 'control-or-direction'
    : rule.required && !trimmed
      ? 'required'
      : rule.pattern && trimmed && !ticketMatches(rule.pattern, trimmed)
        ? 'pattern'
        : undefined;
  return { required, missing, record, ...(ticketProblem ? { ticketProblem } : {}) };
}
