import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  type CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_POOL_ID, DEMO_STAFF_PUBLIC_CLIENT_ID, startDemoEmulator, type DemoEmulator } from '../../electron/emulator';
import { createEmulatorClock } from '../../electron/emulator/clock';
import { startTestBackend } from './helpers/test-backend';

// Real AWS names every answer, errors included, with an x-amzn-RequestId header, which the SDK
// reports as $metadata.requestId and support asks for. The emulator does the same.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dataDir: string;
let emulator: DemoEmulator;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-request-id-'));
  // A clock that stands still: one DescribeUserPool a second, and the second one is always throttled.
  emulator = await startDemoEmulator({ dataDir, clock: createEmulatorClock(() => Date.parse('2026-01-05T09:00:00Z')), throttling: { UserPoolRead: 1 } });
  client = new CognitoIdentityProviderClient({ region: emulator.region, endpoint: emulator.endpoint, credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }, maxAttempts: 1 });
});

afterAll(async () => {
  client?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The SDK error a call failed with. */
async function serviceError(call: Promise<unknown>): Promise<CognitoIdentityProviderServiceException> {
  const error = await call.then(
    () => undefined,
    (failed: unknown) => failed,
  );
  if (!error) throw new Error('Expected the call to fail, but it succeeded.');
  return error as CognitoIdentityProviderServiceException;
}

describe('emulator request ids', () => {
  it('names each successful answer with a fresh id, as $metadata.requestId', async () => {
    const first = await client.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID }));
    const second = await client.send(new ListUsersCommand({ UserPoolId: DEMO_STAFF_POOL_ID }));
    expect(first.$metadata.requestId).toMatch(UUID);
    expect(second.$metadata.requestId).toMatch(UUID);
    expect(second.$metadata.requestId).not.toBe(first.$metadata.requestId);
  });

  it('names a Cognito error', async () => {
    const error = await serviceError(client.send(new ForgotPasswordCommand({ ClientId: DEMO_STAFF_PUBLIC_CLIENT_ID, Username: 'nobody.here' })));
    expect(error.name).toBe('UserNotFoundException');
    expect(error.$metadata.requestId).toMatch(UUID);
  });

  it('names a throttled answer', async () => {
    await client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_STAFF_POOL_ID }));
    const error = await serviceError(client.send(new DescribeUserPoolCommand({ UserPoolId: DEMO_STAFF_POOL_ID })));
    expect(error.name).toBe('TooManyRequestsException');
    expect(error.$metadata.requestId).toMatch(UUID);
  });

  it('names an injected fault', async () => {
    emulator.injectFault({ operation: 'ListUserPools', count: 1, error: 'InternalError' });
    const error = await serviceError(client.send(new ListUserPoolsCommand({ MaxResults: 10 })));
    expect(error.name).toBe('InternalErrorException');
    expect(error.$metadata.requestId).toMatch(UUID);
  });

  it('names a 404 and a request cognito-local refuses before any Cognito operation', async () => {
    const notFound = await fetch(`${emulator.endpoint}/no/such/path`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-amzn-requestid')).toMatch(UUID);

    const noTarget = await fetch(emulator.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(noTarget.status).toBe(400);
    expect(noTarget.headers.get('x-amzn-requestid')).toMatch(UUID);
  });

  it('reach the demo audit records and error notices, as real ones do', async () => {
    const desk = await startTestBackend('request-id', { throttling: false });
    try {
      const target = { connectionId: 'demo', userPoolId: DEMO_STAFF_POOL_ID, clientId: DEMO_STAFF_PUBLIC_CLIENT_ID };
      const sent = await desk.call('recovery:forgotPassword', { ...target, username: 'alice.verified' });
      const refused = await desk.fail('recovery:forgotPassword', { ...target, username: 'nobody.here' });
      expect(sent.requestId).toMatch(UUID);
      expect(refused).toMatchObject({ code: 'UserNotFound', requestId: expect.stringMatching(UUID) });

      const { records } = await desk.call('audit:list', {});
      expect(records.map(({ username, outcome, requestId }) => ({ username, outcome, requestId }))).toEqual([
        { username: 'nobody.here', outcome: 'failure', requestId: refused.requestId },
        { username: 'alice.verified', outcome: 'success', requestId: sent.requestId },
      ]);
    } finally {
      await desk.close();
    }
  });
});
