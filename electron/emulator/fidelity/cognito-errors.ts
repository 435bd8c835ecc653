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

// The admin alternatives and sign-in.

/** What the admin operations (AdminGetUser's family) say for an unknown user. */
export const adminUserNotFound = () => new CognitoFault('UserNotFoundException', 'User does not exist.');

export const userPoolNotFound = (poolId: string) => new CognitoFault('ResourceNotFoundException', `User pool ${poolId} does not exist.`);

export const userPoolClientNotFound = (clientId: string) => new CognitoFault('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);

/**
 * AdminCreateUser RESEND for a user who already chose a password. The exception is in the API's
 * error list; AWS does not publish the wording, this is how other Cognito emulators write it.
 */
export const resendNotPossible = (username: string) =>
  new CognitoFault('UnsupportedUserStateException', `Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD.`);

/** Sign-in after an admin reset (RESET_REQUIRED); the wording apps match on in public code. */
export const passwordResetRequired = () => new CognitoFault('PasswordResetRequiredException', 'Password reset required for the user');

export const incorrectCredentials = () => new CognitoFault('NotAuthorizedException', 'Incorrect username or password.');

export const temporaryPasswordExpired = () => new CognitoFault('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
