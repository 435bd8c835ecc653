import type { Settings } from '../../../shared/contract';
import { hasControlOrDirectionMarks } from '../../../shared/plain-text';

/** What every recovery request carries for the audit log: the ticket and the checks the operator ticked. */
export interface ActionRecord {
  ticket?: string;
  callerVerification?: string[];
}

/** Why a ticket cannot be recorded as typed (worded by the caller checks: recovery.callerChecks.ticketProblem). */
export type TicketProblem = 'control-or-direction';

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
 * settings name are sent, in the settings' order; an empty ticket is left out.
 */
export function callerCheckState(
  settings: Pick<Settings, 'callerVerification'> | undefined,
  ticket: string,
  ticked: readonly string[],
): CallerCheckState {
  const enabled = settings?.callerVerification.enabled ?? false;
  const required = enabled ? [...new Set(settings?.callerVerification.checks ?? [])] : [];
  const tickedSet = new Set(ticked);
  const missing = required.filter((check) => !tickedSet.has(check));
  const trimmed = ticket.trim().slice(0, TICKET_MAX_LENGTH);
  const record: ActionRecord = {};
  if (trimmed) record.ticket = trimmed;
  if (enabled) record.callerVerification = required.filter((check) => tickedSet.has(check));
  const ticketProblem: TicketProblem | undefined = hasControlOrDirectionMarks(trimmed) ? 'control-or-direction' : undefined;
  return { required, missing, record, ...(ticketProblem ? { ticketProblem } : {}) };
}
