import { describe, expect, it } from 'vitest';
import { callKindOf, certainlyNotActed, WriteRetryStrategy } from '../../electron/core/cognito-gateway';
import { RecoveryDeskError } from '../../electron/core/errors';

describe('which calls may be retried', () => {
  it.each(['ListUsers', 'ListUserPools', 'ListUserPoolClients', 'DescribeUserPool', 'DescribeUserPoolClient', 'AdminGetUser', 'GetUser', 'AdminListUserAuthEvents', 'AdminListUserSessions', 'AdminGetUserAuthFactors'])(
    '%s only reads: the SDK may retry it',
    (operation) => expect(callKindOf(operation)).toBe('read'),
  );

  it.each([
    'ForgotPassword',
    'ConfirmForgotPassword',
    'AdminResetUserPassword',
    'AdminSetUserPassword',
    'AdminCreateUser',
    'AdminUserGlobalSignOut',
    'AdminRevokeUserSession',
    'AdminSetUserMFAPreference',
    'AdminUpdateAuthEventFeedback',
    // Named like nothing known: treated as a write, so a new call is never retried by mistake.
    'SomethingNew',
    'Listen',
  ])('%s can send a message or change a user: at most once', (operation) => expect(callKindOf(operation)).toBe('write'));
});

describe('whether a failed write certainly did not act', () => {
  const sdkError = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields);

  it('yes for a Cognito client error, a refused or unresolvable connection, a connect timeout, missing credentials, an error raised before sending', () => {
    expect(certainlyNotActed(sdkError({ name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } }))).toBe(true);
    expect(certainlyNotActed(sdkError({ code: 'ECONNREFUSED' }))).toBe(true);
    expect(certainlyNotActed(sdkError({ code: 'ENOTFOUND' }))).toBe(true);
    expect(certainlyNotActed(new AggregateError([sdkError({ code: 'ECONNREFUSED' }), sdkError({ code: 'ECONNREFUSED' })]))).toBe(true);
    expect(certainlyNotActed(sdkError({ name: 'TimeoutError', message: 'the request socket did not establish a connection with the server within the configured timeout of 5000 ms.' }))).toBe(true);
    expect(certainlyNotActed(sdkError({ name: 'CredentialsProviderError' }))).toBe(true);
    expect(certainlyNotActed(new RecoveryDeskError('WrongRegion'))).toBe(true);
  });

  it('no for a 5xx, a cut connection, a request timeout, an abort, or anything unknown', () => {
    expect(certainlyNotActed(sdkError({ name: 'InternalErrorException', $metadata: { httpStatusCode: 500 } }))).toBe(false);
    expect(certainlyNotActed(sdkError({ code: 'ECONNRESET' }))).toBe(false);
    expect(certainlyNotActed(sdkError({ name: 'TimeoutError', code: 'ETIMEDOUT', message: 'a request has exceeded the configured 15000 ms requestTimeout.' }))).toBe(false);
    expect(certainlyNotActed(sdkError({ name: 'AbortError' }))).toBe(false);
    expect(certainlyNotActed(new Error('socket hang up'))).toBe(false);
    expect(certainlyNotActed(undefined)).toBe(false);
    expect(certainlyNotActed(new RecoveryDeskError('OutcomeUnknown'))).toBe(false);
  });
});

describe('the write retry strategy', () => {
  const refresh = async (name: string) => {
    const strategy = new WriteRetryStrategy();
    const token = await strategy.acquireInitialRetryToken('');
    return strategy.refreshRetryTokenForRetry(token, { errorType: name === 'TooManyRequestsException' || name === 'LimitExceededException' ? 'THROTTLING' : 'SERVER_ERROR', error: Object.assign(new Error('x'), { name, $metadata: {} }) } as never);
  };

  it('retries a throttled write (the SDK\'s standard strategy waits its backoff first)', async () => {
    const token = await refresh('TooManyRequestsException');
    expect(token.getRetryCount()).toBe(1);
  });

  it.each(['LimitExceededException', 'InternalErrorException', 'TimeoutError'])('refuses to retry a write after %s', async (name) => {
    await expect(refresh(name)).rejects.toThrow(/only when throttled/);
  });
});
