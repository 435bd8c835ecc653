import type { Channel } from '../../../shared/contract';
import { POLICY_ACTIONS, type PolicyAction } from '../../../shared/policy';
import { DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID } from '../../../electron/emulator';
import { DEMO_AUTH_EVENTS, DEMO_SESSIONS } from '../../../electron/emulator/seed-activity';

// Each recovery action on a demo Staff user it suits, by the name the organization's policy gives it:
// for tests that send every action one way (once, refused, through a stand-in).

export const RECOVERY_ACTIONS: readonly PolicyAction[] = POLICY_ACTIONS;

/** What a recovery request carries for the audit log (and the policy checks). */
export interface ActionRecord {
  ticket?: string;
  callerVerification?: string[];
}

/** The channel and request of `action` through `connectionId`. */
export function recoveryAction(action: PolicyAction, connectionId: string, record: ActionRecord = {}): [Channel, Record<string, unknown>] {
  const onPool = { connectionId, userPoolId: DEMO_STAFF_POOL_ID, ...record };
  switch (action) {
    case 'forgotPassword':
      return ['recovery:forgotPassword', { ...onPool, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'alice.verified' }];
    case 'confirmForgotPassword':
      return ['recovery:confirmForgotPassword', { ...onPool, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID, username: 'alice.verified', confirmationCode: '123456', password: 'Policy-Test-Pass-42!' }];
    case 'resendInvitation':
      return ['recovery:resendInvitation', { ...onPool, username: 'erin.new-hire', deliveryMediums: ['EMAIL'] }];
    case 'adminResetPassword':
      return ['recovery:adminResetPassword', { ...onPool, username: 'frank.both' }];
    case 'setTemporaryPassword':
      return ['recovery:setTemporaryPassword', { ...onPool, username: 'carol.unverified', temporaryPassword: 'Temporary-Policy-42!' }];
    case 'revokeSession':
      return ['sessions:revoke', { ...onPool, username: 'alice.verified', sessionId: DEMO_SESSIONS.laptop }];
    case 'globalSignOut':
      return ['sessions:signOutEverywhere', { ...onPool, username: 'frank.both' }];
    case 'authEventFeedback':
      return ['risk:feedback', { ...onPool, username: 'alice.verified', eventId: DEMO_AUTH_EVENTS.risky, feedback: 'Invalid' }];
    case 'resetMfa':
      return ['users:resetMfa', { ...onPool, username: 'mia.alias' }];
  }
}
