import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, COGNITO_ERROR_CODES, ERROR_CAUSES, type ApiError } from '../../shared/errors';
import { UI_LANGUAGES } from '../../shared/contract';
import { apiError, RecoveryDeskError, toApiError, withCallContext } from '../../electron/core/errors';
import { en } from '../../renderer/i18n/messages';
import { wordsFor } from '../support/translate';

// How AWS-side failures (as the SDK v3 throws them) become a code, a cause and facts the page words.
// Shapes follow the SDK: a ServiceException with name/message/$metadata, CredentialsProviderError from
// the providers, and Node's errno errors from the HTTP handler.
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: 'req-1' }, ...extra });

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

describe('every code and cause has words for the operator and the caller, in every language', () => {
  const codes = [...COGNITO_ERROR_CODES, ...APP_ERROR_CODES];
  // Every fact a failure can carry, so each message finds the values it names.
  const facts: ApiError['params'] = {
    action: 'ForgotPassword',
    operation: 'ForgotPassword',
    seconds: 15,
    httpStatus: 503,
    host: '127.0.0.1:9229',
    networkReason: 'refused',
    iamAction: 'cognito-idp:ListUsers',
    principal: 'arn:aws:iam::123456789012:user/op',
    resource: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC',
    profile: 'helpdesk',
    command: 'aws sso login --profile helpdesk',
    clockOffsetMinutes: -7,
    mfaSerial: 'arn:aws:iam::123456789012:mfa/op',
    country: 'XX',
    maxBytes: 1_048_576,
    connectionId: 'prod',
    userPoolId: 'eu-west-1_AbC',
    region: 'us-east-1',
    poolRegion: 'eu-west-1',
    missingChecks: 2,
    overBy: 12,
    file: { file: 'demo-data', path: '/data/emulator/pool.json', reason: 'not-json' },
    directory: '/data/emulator',
    policyAction: 'setTemporaryPassword',
    policyPath: '/etc/recovery-desk/policy.json',
    logGroupName: '/recovery-desk/audit',
    policyProblems: [
      { key: 'ticketPattern', problem: 'invalid-pattern' },
      { key: 'demo', problem: 'wrong-type' },
    ],
  };
  // The causes each code words on its own (errors.<Code>.<cause>.<part> in the English catalog).
  // Read once: the catalog has well over a thousand ids, and this runs for every code and cause.
  const errorIds = Object.keys(en).filter((id) => id.startsWith('errors.'));
  const causesOf = (code: string) => ERROR_CAUSES.filter((cause) => errorIds.some((id) => id.startsWith(`errors.${code}.${cause}.`)));

  it.each(UI_LANGUAGES.map((language) => [language]))('%s', (language) => {
    for (const code of codes) {
      for (const cause of [undefined, ...causesOf(code)]) {
        const words = wordsFor(apiError(code, { ...(cause ? { cause } : {}), params: facts }), language);
        expect(words.message.length, `${code} ${cause}`).toBeGreaterThan(10);
        expect(words.guidance.length, `${code} ${cause}`).toBeGreaterThan(10);
        expect(words.tellCaller.length, `${code} ${cause}`).toBeGreaterThan(10);
      }
      expect(typeof apiError(code).retryable).toBe('boolean');
    }
  });

  it('every cause the privileged side can send is worded for some code', () => {
    expect(ERROR_CAUSES.filter((cause) => !codes.some((code) => causesOf(code).includes(cause)))).toEqual([]);
  });

  it('an answer lost mid-write says what the action may have done, by action', () => {
    const lost = (action: NonNullable<ApiError['params']>['action']) =>
      apiError('OutcomeUnknown', { cause: 'no-answer-in-time', params: { operation: 'ForgotPassword', seconds: 15, action } });
    const sent = wordsFor(lost('ForgotPassword'));
    expect(sent.message).toBe('Cognito did not answer ForgotPassword within 15 s: the request may have reached Cognito and acted. Cognito may have sent a code; ask the caller before sending another.');
    expect(sent.guidance).toMatch(/Ask the caller whether a code arrived/);
    expect(wordsFor(lost('AdminSetTemporaryPassword')).guidance).toMatch(/FORCE_CHANGE_PASSWORD means it was set/);
    expect(wordsFor(lost('ForgotPassword'), 'de').message).toBe(
      'Cognito hat auf ForgotPassword nicht innerhalb von 15 s geantwortet: Die Anfrage hat Cognito möglicherweise erreicht und etwas bewirkt. Cognito hat möglicherweise einen Code gesendet; fragen Sie den Anrufer, bevor Sie einen weiteren senden.',
    );
  });
});

describe("the organization's policy", () => {
  it('names the first problem of a policy file by its key, and how many more there are', () => {
    const invalid = apiError('PolicyInvalid', { params: { policyPath: '/etc/recovery-desk/policy.json', policyProblems: [{ key: 'ticketPattern', problem: 'invalid-pattern' }, { key: 'requireTickets', problem: 'unknown-key' }] } });
    expect(wordsFor(invalid).message).toBe(
      'Your organization\'s policy file cannot be used, so no recovery action may be taken: "ticketPattern" is not a valid regular expression. And 1 more problem.',
    );
    expect(wordsFor(invalid, 'de').guidance).toContain('/etc/recovery-desk/policy.json');
  });

  it('says which action the policy does not allow', () => {
    expect(wordsFor(apiError('PolicyForbids', { cause: 'action-not-allowed', params: { policyAction: 'setTemporaryPassword' } })).message).toBe(
      "Your organization's policy does not allow setting a temporary password from this console.",
    );
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
    const error = toApiError(withCallContext(sdkError('ExpiredToken', 'The security token included in the request is expired'), { profile: 'helpdesk' }));
    expect(error).toMatchObject({ cause: 'profile', params: { profile: 'helpdesk', command: 'aws sso login --profile helpdesk' } });
    expect(wordsFor(error).message).toBe('The AWS credentials of profile "helpdesk" have expired.');
  });

  it('the default chain finding nothing is CredentialsMissing, and says what it tried', () => {
    const error = toApiError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    expect(error).toMatchObject({ code: 'CredentialsMissing', cause: 'default-chain' });
    expect(wordsFor(error).guidance).toMatch(/AWS_PROFILE/);
  });

  it("a wrong secret or an unknown key id is CredentialsMissing, without repeating AWS's canonical request", () => {
    const mismatch = toApiError(sdkError('SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST\n/\n\nx-amz-security-token:${TOKEN}\n'`));
    expect(mismatch).toMatchObject({ code: 'CredentialsMissing', cause: 'bad-signature' });
    expect(JSON.stringify(mismatch)).not.toContain(TOKEN);
    expect(toApiError(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'))).toMatchObject({ code: 'CredentialsMissing', cause: 'unknown-key' });
  });

  it("never repeats a credential provider's own message (a credential_process command line may hold a secret)", () => {
    const error = withCallContext(Object.assign(new Error(`Error: Command failed: get-creds --secret ${SECRET}`), { name: 'CredentialsProviderError' }), { profile: 'tool', stage: 'credentials' });
    const mapped = toApiError(error);
    expect(mapped).toMatchObject({ code: 'CredentialsMissing', cause: 'profile', params: { profile: 'tool' } });
    expect(JSON.stringify(mapped)).not.toContain(SECRET);
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
    const mapped = toApiError(withCallContext(Object.assign(new Error(message), { name: 'CredentialsProviderError' }), { profile: 'corp-admin' }));
    expect(mapped).toMatchObject({ code: 'SsoLoginRequired', cause: 'profile', params: { profile: 'corp-admin', command: 'aws sso login --profile corp-admin' } });
    expect(wordsFor(mapped).guidance).toContain('aws sso login --profile corp-admin');
  });

  it('quotes a profile name a shell would split', () => {
    expect(toApiError(new RecoveryDeskError('SsoLoginRequired'))).toMatchObject({ code: 'SsoLoginRequired' });
    const odd = toApiError(withCallContext(Object.assign(new Error('The SSO session associated with this profile has expired.'), { name: 'CredentialsProviderError' }), { profile: 'my profile' }));
    expect(odd.params?.command).toBe('aws sso login --profile "my profile"');
  });
});

describe('access denied', () => {
  it("names the action, the principal and the resource from AWS's message", () => {
    const mapped = toApiError(
      sdkError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/Helpdesk/op is not authorized to perform: cognito-idp:AdminSetUserPassword on resource: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC because no identity-based policy allows the cognito-idp:AdminSetUserPassword action'),
    );
    expect(mapped).toMatchObject({
      code: 'AccessDenied',
      cause: 'iam-action',
      params: {
        iamAction: 'cognito-idp:AdminSetUserPassword',
        principal: 'arn:aws:sts::123456789012:assumed-role/Helpdesk/op',
        resource: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC',
      },
    });
    expect(wordsFor(mapped).message).toBe(
      'AWS denied the IAM action cognito-idp:AdminSetUserPassword to arn:aws:sts::123456789012:assumed-role/Helpdesk/op on arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC.',
    );
  });

  it('derives the action from the failed operation when AWS does not say', () => {
    const mapped = toApiError(withCallContext(sdkError('AccessDeniedException', 'Access denied'), { service: 'cognito-idp', operation: 'AdminGetUser' }));
    expect(mapped.params).toEqual({ iamAction: 'cognito-idp:AdminGetUser' });
    expect(wordsFor(mapped).message).toBe('AWS denied the IAM action cognito-idp:AdminGetUser.');
  });

  it('a wrong MFA code asks for a new code rather than for IAM changes', () => {
    expect(toApiError(sdkError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'))).toMatchObject({ code: 'MfaCodeRequired', cause: 'code-rejected' });
  });

  it('sts:AssumeRole gets trust-policy guidance', () => {
    const mapped = toApiError(sdkError('AccessDenied', 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Helpdesk'));
    expect(mapped).toMatchObject({ code: 'AccessDenied', cause: 'assume-role' });
    expect(wordsFor(mapped).guidance).toMatch(/trust policy/);
  });
});

describe('network and clock', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4566 }), '127.0.0.1:4566', 'refused'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND cognito-idp.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND', hostname: 'cognito-idp.eu-west-1.amazonaws.com' }), 'cognito-idp.eu-west-1.amazonaws.com', 'unresolved'],
    [Object.assign(new Error('getaddrinfo EAI_AGAIN sts.amazonaws.com'), { code: 'EAI_AGAIN', hostname: 'sts.amazonaws.com' }), 'sts.amazonaws.com', 'unresolved'],
    [withCallContext(Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }), { endpointHost: 'cognito-idp.us-east-1.amazonaws.com' }), 'cognito-idp.us-east-1.amazonaws.com', 'timeout'],
    [Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:9229'), { code: 'ECONNREFUSED', address: '::1', port: 9229 })]), { code: 'ECONNREFUSED' }), '[::1]:9229', 'refused'],
  ])('%s is a NetworkError naming the host', (error, host, networkReason) => {
    expect(toApiError(error)).toMatchObject({ code: 'NetworkError', retryable: true, cause: 'host-unreachable', params: { host, networkReason } });
  });

  it('says why a host could not be reached, in words', () => {
    const mapped = toApiError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4566 }));
    expect(wordsFor(mapped).message).toBe('Could not reach 127.0.0.1:4566 (connection refused: nothing is listening there).');
    expect(wordsFor(mapped, 'de').message).toBe('127.0.0.1:4566 ist nicht erreichbar (Verbindung abgelehnt: Dort lauscht nichts).');
  });

  it.each([
    ['InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)'],
    ['InvalidSignatureException', 'Signature not yet current: 20240101T003000Z is still later than 20240101T002000Z (20240101T001500Z + 5 min.)'],
    ['SignatureDoesNotMatch', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z'],
    ['RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'],
  ])('%s "%s" is ClockSkew', (name, message) => {
    expect(toApiError(sdkError(name, message)).code).toBe('ClockSkew');
  });

  it('says by how much the clock is off when AWS sent its time', () => {
    const awsTime = new Date(Date.now() - 20 * 60_000).toUTCString();
    const mapped = toApiError(sdkError('InvalidSignatureException', 'Signature expired: x', { $response: { headers: { date: awsTime } } }));
    expect(mapped).toMatchObject({ code: 'ClockSkew', cause: 'offset', params: { clockOffsetMinutes: 20 } });
    expect(wordsFor(mapped).message).toMatch(/It is about 20 minutes ahead of AWS's clock\.$/);
    expect(wordsFor(mapped, 'de').message).toMatch(/Sie geht etwa 20 Minuten vor\.$/);
  });
});

describe("Cognito's own words", () => {
  it('are kept as the detail, for the record', () => {
    const mapped = toApiError(withCallContext(sdkError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'), { operation: 'ForgotPassword' }));
    expect(mapped).toMatchObject({ code: 'InvalidParameter', detail: 'Cannot reset password for the user as there is no registered/verified email or phone_number', requestId: 'req-1' });
    expect(mapped.cause).toBeUndefined();
  });

  it('never carry anything shaped like an access key id', () => {
    const mapped = toApiError(sdkError('InvalidParameterException', 'Bad value AKIAIOSFODNN7EXAMPLE in request'));
    expect(mapped.code).toBe('InvalidParameter');
    expect(JSON.stringify(mapped)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it("are never taken from errors that are not Cognito's", () => {
    expect(toApiError(new Error(`something with ${SECRET}`))).toEqual({ code: 'Unexpected', retryable: true });
  });

  it("a RecoveryDeskError crosses as its code, cause and facts", () => {
    const mapped = toApiError(new RecoveryDeskError('WrongRegion', { params: { userPoolId: 'eu-west-1_AbC', poolRegion: 'eu-west-1', region: 'us-east-1' } }));
    expect(mapped).toEqual({ code: 'WrongRegion', retryable: false, params: { userPoolId: 'eu-west-1_AbC', poolRegion: 'eu-west-1', region: 'us-east-1' } });
    expect(wordsFor(mapped).message).toBe('The user pool eu-west-1_AbC is in eu-west-1, but this connection is set to us-east-1. Nothing was sent.');
  });
});
