import type { PolicyView, Settings } from '../../shared/contract';
import { MAX_POLICY_PROBLEMS } from '../../shared/errors';
import { presetConnectionId, ticketMatches, type PolicyAction, type PolicyConnection } from '../../shared/policy';
import { RecoveryDeskError } from './errors';
import { messageRef } from '../../shared/message-ref';
import type { PolicyState } from './policy';

// The organization's policy as the privileged side enforces it. Every key takes effect here (both
// shells serve the same dispatcher); the page only shows and guides by policy:get's view.

/** A connection the organization presets, with the id it has on every machine. */
export interface PresetConnection extends PolicyConnection {
  id: string;
}

export interface PolicyRules {
  /** What the page learns through policy:get. */
  view(): PolicyView;
  /**
   * Refuses a recovery action the policy does not allow, before anything is sent: every one while the
   * policy file cannot be used (PolicyInvalid), one not in allowedActions, one without the ticket the
   * policy requires or with one of another form (PolicyForbids).
   */
  checkAction(action: PolicyAction, ticket: string | undefined): void;
  /** false: the offline demo is not offered, and every use of it is refused. */
  readonly demo: boolean;
  readonly presetConnections: readonly PresetConnection[];
  /** Caller verification as the organization sets it; undefined leaves it to the operator's settings. */
  readonly callerVerification: Settings['callerVerification'] | undefined;
}

export function createPolicyRules(state: PolicyState): PolicyRules {
  const policy = state.status === 'active' ? state.policy : undefined;
  const verification = policy?.callerVerification;
  const callerVerification = verification ? { enabled: verification.required, checks: verification.checks ?? [] } : undefined;
  const presetConnections = (policy?.connections ?? []).map((connection) => ({ ...connection, id: presetConnectionId(connection) }));
  const allowed = policy?.allowedActions ? new Set<PolicyAction>(policy.allowedActions) : undefined;

  return {
    demo: policy?.demo !== false,
    presetConnections,
    callerVerification,
    view() {
      if (state.status === 'none') return { status: 'none' };
      if (state.status === 'invalid') return { status: 'invalid', path: state.path, problems: state.problems.slice(0, MAX_POLICY_PROBLEMS) };
      const cloudWatchLogs = state.policy.audit?.cloudWatchLogs;
      return {
        status: 'active',
        path: state.path,
        requireTicket: state.policy.requireTicket ?? false,
        ...(state.policy.ticketPattern ? { ticketPattern: state.policy.ticketPattern } : {}),
        callerVerificationSet: callerVerification !== undefined,
        ...(state.policy.allowedActions ? { allowedActions: [...state.policy.allowedActions] } : {}),
        demo: state.policy.demo !== false,
        presetConnections: presetConnections.length,
        ...(cloudWatchLogs ? { auditCloudWatchLogs: { region: cloudWatchLogs.region, logGroupName: cloudWatchLogs.logGroupName } } : {}),
      };
    },
    checkAction(action, ticket) {
      if (state.status === 'invalid') {
        throw new RecoveryDeskError('PolicyInvalid', { params: { policyPath: state.path, policyProblems: state.problems.slice(0, MAX_POLICY_PROBLEMS) } });
      }
      if (!policy) return;
      if (allowed && !allowed.has(action)) throw new RecoveryDeskError('PolicyForbids', { cause: 'action-not-allowed', params: { policyAction: action } });
      if (policy.requireTicket && !ticket) {
        throw new RecoveryDeskError('PolicyForbids', { cause: 'ticket-required', issues: [{ path: 'ticket', message: messageRef('validation.ticket.required') }] });
      }
      // A ticket is checked against the pattern whenever one is given, required or not: the record must be findable by it.
      if (policy.ticketPattern && ticket && !ticketMatches(policy.ticketPattern, ticket)) {
        throw new RecoveryDeskError('PolicyForbids', {
          cause: 'ticket-pattern',
          issues: [{ path: 'ticket', message: messageRef('validation.ticket.pattern', { pattern: policy.ticketPattern }) }],
        });
      }
    },
  };
}

/** Refuses any use of the offline demo when the policy turns it off. */
export function demoDisabled(): RecoveryDeskError {
  return new RecoveryDeskError('PolicyForbids', { cause: 'demo-disabled' });
}
