import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../shared/errors';
import { apiError, RecoveryDeskError, toApiError, withCallContext } from '../../electron/core/errors';

// How AWS-side failures (as the SDK v3 throws them) become operator guidance. Shapes follow the SDK:
// a ServiceException with name/message/$metadata, CredentialsProviderError from the providers, and
// Node's errno errors from the HTTP handler.
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: 'req-1' }, ...extra });

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

describe('every app error code has words for the operator and the caller', () => {
  it.each(APP_ERROR_CODES.map((code) => [code]))('%s', (code) => {
    const error = apiError(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.guidance.length).toBeGreaterThan(10);
    expect(error.tellCaller.length).toBeGreaterThan(10);
    expect(typeof error.retryable).toBe('boolean');
  });
});

describe('expired and missing credentials', () => {
  it.each([
    ['ExpiredTokenException', 'The security token included in the request is expired'],
    ['ExpiredToken', 'The security token included in the request is expired'],
    ['UnknownError', 'The security token included in the request is expired'],
  ])('%s is CredentialsExpired', (name, message) => {
    expect(toApiError(sdkError(name, message))).toMatchObject({ code: 'CredentialsExpired', retryable: false, requestId: 'req-1' });
  });

  it('names the profile when the provider knew it', () => {
    const error = withCallContext(sdkError('ExpiredToken', 'The security token included in the request is expired'), { profile: 'helpdesk' });
    expect(toApiError(error).message).toContain('"helpdesk"');
  });

  it('the default chain finding nothing is CredentialsMissing, and says what it tried', () => {
    const error = toApiError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    expect(error.code).toBe('CredentialsMissing');
    expect(error.guidance).toMatch(/AWS_PROFILE/);
  });

  it('a wrong secret or an unknown key id is CredentialsMissing in words, without repeating AWS\'s canonical request', () => {
    const mismatch = toApiError(sdkError('SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST\n/\n\nx-amz-security-token:${TOKEN}\n'`));
    expect(mismatch.code).toBe('CredentialsMissing');
    expect(mismatch.message).toMatch(/secret access key/);
    expect(JSON.stringify(mismatch)).not.toContain(TOKEN);
    expect(toApiError(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.')).code).toBe('CredentialsMissing');
  });

  it('never repeats a credential provider\'s own message (a credential_process command line may hold a secret)', () => {
    const error = withCallContext(Object.assign(new Error(`Error: Command failed: get-creds --secret ${SECRET}`), { name: 'CredentialsProviderError' }), { profile: 'tool', stage: 'credentials' });
    const mapped = toApiError(error);
    expect(mapped.code).toBe('CredentialsMissing');
    expect(JSON.stringify(mapped)).not.toContain(SECRET);
    expect(mapped.message).toContain('"tool"');
  });
});

describe('IAM Identity Center sign-in', () => {
  it.each([
    'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    'The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    "The SSO session token associated with profile=corp was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    "Value not present for 'clientId' in SSO Token. Cannot refresh. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
  ])('"%s" asks for aws sso login with the profile', (message) => {
    const error = withCallContext(Object.assign(new Error(message), { name: 'CredentialsProviderError' }), { profile: 'corp-admin' });
    const mapped = toApiError(error);
    expect(mapped.code).toBe('SsoLoginRequired');
    expect(mapped.message).toContain('aws sso login --profile corp-admin');
    expect(mapped.guidance).toContain('aws sso login --profile corp-admin');
  });

  it('quotes a profile name a shell would split', () => {
    const mapped = toApiError(new RecoveryDeskError('SsoLoginRequired'));
    expect(mapped.code).toBe('SsoLoginRequired');
    const odd = toApiError(withCallContext(Object.assign(new Error('The SSO session associated with this profile has expired.'), { name: 'CredentialsProviderError' }), { profile: 'my profile' }));
    expect(odd.message).toContain('aws sso login --profile "my profile"');
  });
});

describe('access denied', () => {
  it('names the action, the principal and the resource from AWS\'s message', () => {
    const mapped = toApiError(
      sdkError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/Helpdesk/op is not authorized to perform: cognito-idp:AdminSetUserPassword on resource: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC because no identity-based policy allows the cognito-idp:AdminSetUserPassword action'),
    );
    expect(mapped.code).toBe('AccessDenied');
    expect(mapped.message).toContain('cognito-idp:AdminSetUserPassword');
    expect(mapped.message).toContain('arn:aws:sts::123456789012:assumed-role/Helpdesk/op');
    expect(mapped.message).toContain('userpool/eu-west-1_AbC');
    expect(mapped.guidance).toContain('cognito-idp:AdminSetUserPassword');
  });

  it('derives the action from the failed operation when AWS does not say', () => {
    const error = withCallContext(sdkError('AccessDeniedException', 'Access denied'), { service: 'cognito-idp', operation: 'AdminGetUser' });
    expect(toApiError(error).message).toContain('cognito-idp:AdminGetUser');
  });

  it('a wrong MFA code asks for a new code rather than for IAM changes', () => {
    const mapped = toApiError(sdkError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'));
    expect(mapped.code).toBe('MfaCodeRequired');
    expect(mapped.message).toMatch(/did not accept the MFA code/);
  });

  it('sts:AssumeRole gets trust-policy guidance', () => {
    const mapped = toApiError(sdkError('AccessDenied', 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Helpdesk'));
    expect(mapped.code).toBe('AccessDenied');
    expect(mapped.guidance).toMatch(/trust policy/);
  });
});

describe('network and clock', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4566 }), '127.0.0.1:4566'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND cognito-idp.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND', hostname: 'cognito-idp.eu-west-1.amazonaws.com' }), 'cognito-idp.eu-west-1.amazonaws.com'],
    [Object.assign(new Error('getaddrinfo EAI_AGAIN sts.amazonaws.com'), { code: 'EAI_AGAIN', hostname: 'sts.amazonaws.com' }), 'sts.amazonaws.com'],
    [withCallContext(Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }), { endpointHost: 'cognito-idp.us-east-1.amazonaws.com' }), 'cognito-idp.us-east-1.amazonaws.com'],
    [Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:9229'), { code: 'ECONNREFUSED', address: '::1', port: 9229 })]), { code: 'ECONNREFUSED' }), '[::1]:9229'],
  ])('%s is a NetworkError naming the host', (error, host) => {
    const mapped = toApiError(error);
    expect(mapped).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(mapped.message).toContain(host);
  });

  it.each([
    ['InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)'],
    ['InvalidSignatureException', 'Signature not yet current: 20240101T003000Z is still later than 20240101T002000Z (20240101T001500Z + 5 min.)'],
    ['SignatureDoesNotMatch', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z'],
    ['RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'],
  ])('%s "%s" is ClockSkew', (name, message) => {
    const mapped = toApiError(sdkError(name, message));
    expect(mapped.code).toBe('ClockSkew');
    expect(mapped.guidance).toMatch(/clock/);
  });

  it('says by how much the clock is off when AWS sent its time', () => {
    const awsTime = new Date(Date.now() - 20 * 60_000).toUTCString();
    const mapped = toApiError(sdkError('InvalidSignatureException', 'Signature expired: x', { $response: { headers: { date: awsTime } } }));
    expect(mapped.message).toMatch(/about 20 minute\(s\) ahead of AWS's clock/);
  });
});

describe('messages never carry a key', () => {
  it('blanks anything shaped like an access key id in a Cognito message', () => {
    const mapped = toApiError(sdkError('InvalidParameterException', 'Bad value AKIAIOSFODNN7EXAMPLE in request'));
    expect(mapped.code).toBe('InvalidParameter');
    expect(mapped.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('keeps a RecoveryDeskError\'s own guidance', () => {
    const mapped = toApiError(new RecoveryDeskError('WrongRegion', 'The user pool eu-west-1_AbC is in eu-west-1.', { guidance: 'Pick eu-west-1.' }));
    expect(mapped).toMatchObject({ code: 'WrongRegion', message: 'The user pool eu-west-1_AbC is in eu-west-1.', guidance: 'Pick eu-west-1.' });
  });
});
