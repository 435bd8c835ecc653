import { z } from 'zod';
import { contract, isChannel, type Channel, type RecoveryDeskService } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/errors';
import type { DiagnosticLog } from './diagnostics';
import { apiError, toApiError } from './errors';

/** The one entry point both shells call: channel name and untrusted request in, a Result out. */
export type Dispatcher = (channel: string, request: unknown) => Promise<Result<unknown>>;

// Request fields whose values must never reach the diagnostic log, wherever they appear.
const SECRET_FIELDS = new Set(['password', 'temporaryPassword', 'confirmationCode', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'mfaCode', 'externalId']);

/** The values of the request's secret fields, at any depth, so the log can scrub them. */
export function secretValues(request: unknown, depth = 0): string[] {
  if (depth > 4 || typeof request !== 'object' || request === null) return [];
  return Object.entries(request).flatMap(([key, value]) =>
    typeof value === 'string' ? (SECRET_FIELDS.has(key) ? [value] : []) : secretValues(value, depth + 1),
  );
}

export function createDispatcher(service: RecoveryDeskService, diagnostics: DiagnosticLog): Dispatcher {
  return async (channel, request) => {
    if (!isChannel(channel)) {
      diagnostics.warn('unknown-channel', { channel: channel.slice(0, 80) });
      return failure(apiError('UnknownOperation'));
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      const failed = invalidRequest(parsed.error);
      diagnostics.info('invalid-request', { channel, fields: failed.issues?.map((issue) => issue.path) });
      return failure(failed);
    }
    return diagnostics.withCall(channel, secretValues(request), async () => {
      let data: unknown;
      try {
        data = await (service[channel] as (req: unknown) => Promise<unknown>)(parsed.data);
      } catch (error) {
        const failed = toApiError(error);
        if (failed.code === 'Unexpected') diagnostics.error('unexpected-error', error);
        return failure(failed);
      }
      // Parsing the response strips any field the contract does not declare, so nothing
      // privileged (a secret, a raw SDK error) can ride along by accident.
      const checked = spec.response.safeParse(data);
      if (checked.success) return { ok: true, data: checked.data };
      // Where, never what: the values may be anything the service read.
      diagnostics.error('response-schema-failure', new Error('The response did not match the contract.'), {
        issues: checked.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code })),
      });
      return failure(apiError('Unexpected', { cause: 'unchecked-answer' }));
    });
  };
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

function invalidRequest(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(request)',
    message: issue.message,
  }));
  return apiError('InvalidRequest', { cause: 'schema', issues });
}

export type { Channel };
