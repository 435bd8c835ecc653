import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type RecoveryDeskService } from '../../shared/contract';
import { COGNITO_ERROR_CODES } from '../../shared/errors';
import { openDiagnosticLog, type DiagnosticLog } from '../../electron/core/diagnostics';
import { createDispatcher as dispatcherWithLog } from '../../electron/core/dispatcher';

let dataDir: string;
let diagnostics: DiagnosticLog;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dispatcher-'));
  diagnostics = openDiagnosticLog(dataDir);
});
afterAll(async () => {
  await diagnostics.close();
  await rm(dataDir, { recursive: true, force: true });
});

const createDispatcher = (service: RecoveryDeskService) => dispatcherWithLog(service, diagnostics);

/** Every line of the diagnostic log so far. */
async function logText(): Promise<string> {
  await diagnostics.flush();
  const folder = join(dataDir, 'logs');
  const files = await readdir(folder);
  return (await Promise.all(files.map((f) => readFile(join(folder, f), 'utf8')))).join('');
}

// The service here is a recording fake: these tests are about the dispatcher's own rules
// (validation before any call, error shape), not about Cognito.
function recordingService(behaviour: (channel: string, request: unknown) => unknown) {
  const calls: Array<{ channel: string; request: unknown }> = [];
  const service = Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => {
        calls.push({ channel, request });
        return behaviour(channel, request);
      },
    ]),
  ) as unknown as RecoveryDeskService;
  return { service, calls };
}

const target = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1', clientId: 'staffconsolepublic000001', username: 'alice.verified' };

describe('dispatcher', () => {
  it('never calls the service with invalid input, and names the failing field', async () => {
    const { service, calls } = recordingService(() => ({}));
    const dispatch = createDispatcher(service);
    const result = await dispatch('recovery:confirmForgotPassword', { ...target, confirmationCode: '12 34', password: 'Pass word1!' });
    expect(calls).toHaveLength(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRequest', retryable: false } });
    if (!result.ok) {
      expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['confirmationCode', 'password']);
      expect(JSON.stringify(result.error)).not.toMatch(/12 34|Pass word1!/);
    }
  });

  it('rejects an unknown channel, including inherited property names', async () => {
    const { service, calls } = recordingService(() => ({}));
    const dispatch = createDispatcher(service);
    for (const channel of ['users:delete', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'UnknownOperation' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('strips fields the contract does not declare from a response, so a secret cannot ride along', async () => {
    const { service } = recordingService(() => ({
      clients: [{ clientId: 'c1', clientName: 'x', hasSecret: true, preventUserExistenceErrors: 'LEGACY', clientSecret: 'leak' }],
    }));
    const result = await createDispatcher(service)('clients:list', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1' });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('leak');
  });

  it.each(COGNITO_ERROR_CODES.map((code) => [code]))('maps %sException to its own stable code, keeping Cognito\'s words as the detail', async (code) => {
    const { service } = recordingService(() => {
      throw Object.assign(new Error(`raw ${code} text`), { name: `${code}Exception`, $metadata: { requestId: 'req-123' } });
    });
    const result = await createDispatcher(service)('recovery:forgotPassword', target);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.requestId).toBe('req-123');
      expect(result.error.detail).toBe(`raw ${code} text`);
      expect(Object.keys(result.error)).not.toContain('message');
    }
  });

  it('gives each Cognito exception a distinct code', () => {
    expect(new Set(COGNITO_ERROR_CODES).size).toBe(COGNITO_ERROR_CODES.length);
    // 22 from ForgotPassword and ConfirmForgotPassword, 3 more from the admin alternatives, 1 from threat protection, 1 from AdminSetUserMFAPreference.
    expect(COGNITO_ERROR_CODES).toHaveLength(27);
  });

  it('logs a response that breaks the contract by where it broke, never by its values, and answers Unexpected', async () => {
    const { service } = recordingService(() => ({ clients: [{ clientId: 'c1', clientName: 'x', hasSecret: 'not-a-boolean-SecretishValue42' }] }));
    const result = await createDispatcher(service)('clients:list', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'Unexpected' } });
    const log = await logText();
    expect(log).toContain('"event":"response-schema-failure"');
    expect(log).toContain('clients.0.hasSecret');
    expect(log).not.toContain('SecretishValue42');
  });

  it('logs an unexpected error with its stack, with the request\'s password and code scrubbed', async () => {
    const { service } = recordingService(() => {
      throw new TypeError('broke while holding Sup3r-Secret-Pass! and 246810');
    });
    const result = await createDispatcher(service)('recovery:confirmForgotPassword', { ...target, confirmationCode: '246810', password: 'Sup3r-Secret-Pass!' });
    expect(result).toMatchObject({ ok: false, error: { code: 'Unexpected' } });
    const log = await logText();
    const entry = log.split('\n').find((line) => line.includes('"event":"unexpected-error"'));
    expect(entry).toContain('"channel":"recovery:confirmForgotPassword"');
    expect(entry).toContain('TypeError');
    expect(entry).toContain('dispatcher.test.ts'); // the stack
    expect(log).not.toContain('Sup3r-Secret-Pass!');
    expect(log).not.toContain('246810');
  });

  it('marks throttling and limits as retryable, a wrong code as not', async () => {
    const outcome = async (name: string) => {
      const { service } = recordingService(() => {
        throw Object.assign(new Error('x'), { name });
      });
      const result = await createDispatcher(service)('recovery:forgotPassword', target);
      return result.ok ? undefined : result.error;
    };
    expect(await outcome('TooManyRequestsException')).toMatchObject({ code: 'TooManyRequests', retryable: true });
    expect(await outcome('LimitExceededException')).toMatchObject({ code: 'LimitExceeded', retryable: true, retryAfterSeconds: 3600 });
    expect(await outcome('CodeMismatchException')).toMatchObject({ code: 'CodeMismatch', retryable: false });
    expect(await outcome('SomethingNewException')).toMatchObject({ code: 'Unexpected' });
  });
});
