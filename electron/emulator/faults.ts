import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoFault } from '../../shared/contract';
import type { COGNITO_ERROR_CODES } from '../../shared/errors';
import type { FaultRequest } from '../core/demo-environment';
import { CognitoFault } from './interceptor';

// Trainer-injected failures: "the next N ForgotPassword calls fail with CodeDeliveryFailure" shows an
// operator what a real outage looks like, which the demo data alone never produces.

type CognitoErrorCode = (typeof COGNITO_ERROR_CODES)[number];

/** What real Cognito says with each exception (its usual wording where known), so the demo reads the same. */
const FAULT_MESSAGES: Record<CognitoErrorCode, string> = {
  CodeDeliveryFailure: 'Unable to deliver the verification code. Please try again later.',
  CodeMismatch: 'Invalid verification code provided, please try again.',
  ExpiredCode: 'Invalid code provided, please request a code again.',
  Forbidden: 'Request blocked by AWS WAF.',
  InternalError: 'An internal error occurred. Please try again.',
  InvalidEmailRoleAccessPolicy: 'Cognito is not allowed to use your email identity.',
  InvalidLambdaResponse: 'Invalid lambda response from the CustomMessage trigger.',
  InvalidParameter: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
  InvalidPassword: 'Password does not conform to policy: Password not long enough',
  InvalidSmsRoleAccessPolicy: 'Role does not have permission to publish with SNS',
  InvalidSmsRoleTrustRelationship: 'Role trust relationship is invalid',
  LimitExceeded: 'Attempt limit exceeded, please try after some time.',
  NotAuthorized: 'User password cannot be reset in the current state.',
  OperationNotEnabled: 'This operation is not enabled for the user pool.',
  PasswordHistoryPolicyViolation: 'The password has been used recently. Choose a different password.',
  ResourceNotFound: 'User pool client does not exist.',
  TooManyFailedAttempts: 'Too many failed attempts.',
  TooManyRequests: 'Too many requests',
  UnexpectedLambda: 'An unexpected error occurred while invoking the Lambda trigger.',
  UserLambdaValidation: 'CustomMessage failed with error: the request was rejected by the trigger.',
  UserNotConfirmed: 'User is not confirmed.',
  UserNotFound: 'User does not exist.',
  PreconditionNotMet: 'A precondition of the request was not met.',
  UnsupportedUserState: 'User is in an unsupported state for this action.',
  UsernameExists: 'User account already exists.',
  UserPoolAddOnNotEnabled: 'User pool add-on is not enabled for this user pool.',
  PasswordResetRequired: 'Password reset required for the user',
};

const MAX_DELAY_MS = 60_000;

export class FaultInjector {
  private faults: DemoFault[] = [];
  private nextId = 1;
  // Aborts delays still running when the emulator closes, so close() is not held up by a 60 s fault.
  private readonly pending = new AbortController();

  /** Queues a fault; faults for the same operation are used up oldest first. */
  inject({ operation, count, error, delayMs }: FaultRequest): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError('A fault affects at least one call.');
    if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS)) {
      throw new RangeError(`A fault's delay is 0 to ${MAX_DELAY_MS} ms.`);
    }
    if (error === undefined && !delayMs) throw new RangeError('A fault needs an error, a delay, or both.');
    this.faults.push({
      id: `fault-${this.nextId++}`,
      operation,
      remaining: count,
      ...(error === undefined ? {} : { error }),
      ...(delayMs ? { delayMs } : {}),
    });
  }

  list(): DemoFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Runs before every call. Takes one use of the oldest fault for `operation` at once (so concurrent
   * calls each take their own), then waits its delay, then fails with its error if it has one.
   */
  async before(operation: string): Promise<void> {
    const fault = this.faults.find((f) => f.operation === operation);
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    if (fault.delayMs) await sleep(fault.delayMs, undefined, { signal: this.pending.signal });
    if (fault.error) throw new CognitoFault(`${fault.error}Exception`, FAULT_MESSAGES[fault.error]);
  }

  dispose(): void {
    this.faults = [];
    this.pending.abort();
  }
}
