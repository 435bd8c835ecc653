import { CognitoFault } from '../interceptor';

// Real Cognito's exception names and wording for the recovery calls, in one place so the two
// operations say the same thing the same way.

export const userNotFound = () => new CognitoFault('UserNotFoundException', 'Username/client id combination not found.');

export const userDisabled = () => new CognitoFault('NotAuthorizedException', 'User is disabled.');

/** FORCE_CHANGE_PASSWORD (community reports) and, by assumption, EXTERNAL_PROVIDER: neither has a password of its own to reset. */
export const cannotResetInState = () => new CognitoFault('NotAuthorizedException', 'User password cannot be reset in the current state.');

/** The exception is certain (NotAuthorized); the wording is the emulator's own, AWS does not publish it. */
export const adminOnlyRecovery = () => new CognitoFault('NotAuthorizedException', 'Cannot reset password for the user as admin only recovery is enabled.');

export const noVerifiedChannel = () =>
  new CognitoFault('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');

export const attemptLimitExceeded = () => new CognitoFault('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

export const codeMismatch = () => new CognitoFault('CodeMismatchException', 'Invalid verification code provided, please try again.');

export const expiredCode = () => new CognitoFault('ExpiredCodeException', 'Invalid code provided, please request a code again.');

export const invalidPassword = (message: string) => new CognitoFault('InvalidPasswordException', message);

export const passwordReused = () => new CognitoFault('PasswordHistoryPolicyViolationException', 'The password cannot be reused.');
