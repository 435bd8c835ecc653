import type { EmulatorClock } from '../clock';
import type { Interceptors } from '../interceptor';
import { confirmForgotPassword } from './confirm-forgot-password';
import type { CodeMessage, FidelityContext } from './context';
import { forgotPassword } from './forgot-password';
import { adminSetUserMfaPreference } from './mfa-preference';
import { PasswordHistory } from './password-rules';
import { RecoveryCodes, userKey } from './recovery-codes';
import type { CognitoStore } from './store';
import { findUser } from './user-lookup';

// The fidelity layer: ForgotPassword and ConfirmForgotPassword answered as real Cognito documents
// them, in place of cognito-local's versions. cognito-local keeps pools, clients and users; the layer
// owns the recovery rules, the codes and the attempt limits.

export type { CodeMessage } from './context';
export type { CognitoStore } from './store';
export { maskDestination } from '../../../shared/recovery-rules';
export { CODE_VALIDITY_MS, ATTEMPT_WINDOW_MS, MAX_CODE_REQUESTS_PER_WINDOW, MAX_WRONG_CODES_PER_WINDOW } from './recovery-codes';

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
  };
  return {
    ForgotPassword: (request) => forgotPassword(ctx, request),
    ConfirmForgotPassword: (request) => confirmForgotPassword(ctx, request),
    // cognito-local lacks it; recovery depends on it (an MFA channel does not qualify).
    AdminSetUserMFAPreference: (request) => adminSetUserMfaPreference(ctx, request),
    // cognito-local sets the password; the layer only remembers the one it replaces, so the
    // history a reset is checked against includes passwords an admin set.
    async AdminSetUserPassword(request, next) {
      const poolId = request.UserPoolId;
      const username = request.Username;
      const pool = typeof poolId === 'string' ? await ctx.store.describePool(poolId) : undefined;
      const before = pool && typeof username === 'string' ? await findUser(ctx.store, pool, username) : undefined;
      const result = await next(request);
      if (pool && before && request.Password !== before.Password) ctx.history.remember(userKey(pool.Id, before.Username), before.Password);
      return result;
    },
  };
}
