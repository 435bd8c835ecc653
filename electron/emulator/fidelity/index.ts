import type { EmulatorClock } from '../clock';
import type { Interceptors } from '../interceptor';
import { adminResetUserPassword } from './admin-reset-user-password';
import { adminSetUserPassword } from './admin-set-user-password';
import { adminListUserAuthEvents, adminUpdateAuthEventFeedback, withForgotPasswordEvent } from './auth-events';
import { adminGetUserAuthFactors } from './auth-factors';
import { confirmForgotPassword } from './confirm-forgot-password';
import type { CodeMessage, FidelityContext } from './context';
import { forgotPassword } from './forgot-password';
import { poolReadInterceptors } from './known-pool';
import { adminSetUserMfaPreference } from './mfa-preference';
import { PasswordHistory } from './password-rules';
import { RecoveryCodes } from './recovery-codes';
import { adminCreateUser } from './resend-invitation';
import { adminListUserSessions, adminRevokeUserSession, adminUserGlobalSignOut, withSessions } from './sessions';
import { signIn } from './sign-in';
import type { CognitoStore } from './store';
import { TemporaryPasswords } from './temporary-passwords';

// The fidelity layer: ForgotPassword and ConfirmForgotPassword, and the admin alternatives (RESEND
// an invitation, AdminResetUserPassword, AdminSetUserPassword), answered as real Cognito documents
// them, in place of cognito-local's versions. cognito-local keeps pools, clients and users; the layer
// owns the recovery rules, the codes, the attempt limits and temporary-password validity.

export type { CodeMessage } from './context';
export type { CognitoStore } from './store';
export { maskDestination } from '../../../shared/recovery-rules';
export { CODE_VALIDITY_MS, ATTEMPT_WINDOW_MS, MAX_CODE_REQUESTS_PER_WINDOW, MAX_WRONG_CODES_PER_WINDOW } from './recovery-codes';
export { DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS } from './temporary-passwords';

export interface FidelityOptions {
  store: CognitoStore;
  clock: EmulatorClock;
  /** Puts a code in the demo inbox. */
  deliver(message: CodeMessage): Promise<void>;
}

export function createFidelityInterceptors(options: FidelityOptions): Interceptors {
  const ctx: FidelityContext = {
    store: options.store,
    clock: options.clock,
    deliver: options.deliver,
    codes: new RecoveryCodes(options.clock),
    history: new PasswordHistory(),
    temporaryPasswords: new TemporaryPasswords(options.clock),
  };
  return {
    // Malformed and unknown pools and clients, answered in Cognito's words before cognito-local reads.
    ...poolReadInterceptors(options.store),
    ForgotPassword: (request) => withForgotPasswordEvent(ctx, request, () => forgotPassword(ctx, request)),
    ConfirmForgotPassword: (request) => confirmForgotPassword(ctx, request),
    // cognito-local lacks it; recovery depends on it (an MFA channel does not qualify).
    AdminSetUserMFAPreference: (request) => adminSetUserMfaPreference(ctx, request),
    // How the user signs in and their MFA, from the record AdminGetUser reads (cognito-local lacks it).
    AdminGetUserAuthFactors: (request) => adminGetUserAuthFactors(ctx, request),
    // The admin alternatives when ForgotPassword cannot help, and the sign-in answers they lead to.
    AdminCreateUser: (request, next) => adminCreateUser(ctx, request, next),
    AdminResetUserPassword: (request) => adminResetUserPassword(ctx, request),
    AdminSetUserPassword: (request) => adminSetUserPassword(ctx, request),
    InitiateAuth: (request, next) => withSessions(ctx, request, false, (signInRequest) => signIn(ctx, signInRequest, next, false)),
    AdminInitiateAuth: (request, next) => withSessions(ctx, request, true, (signInRequest) => signIn(ctx, signInRequest, next, true)),
    // Sessions and threat protection's event history, which cognito-local lacks.
    AdminListUserSessions: (request) => adminListUserSessions(ctx, request),
    AdminRevokeUserSession: (request) => adminRevokeUserSession(ctx, request),
    AdminUserGlobalSignOut: (request) => adminUserGlobalSignOut(ctx, request),
    AdminListUserAuthEvents: (request) => adminListUserAuthEvents(ctx, request),
    AdminUpdateAuthEventFeedback: (request) => adminUpdateAuthEventFeedback(ctx, request),
  };
}
