import { z } from 'zod';
import { contract, isChannel, type Channel, type RecoveryDeskService } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/errors';
import { apiError, toApiError } from './errors';

/** The one entry point both shells call: channel name and untrusted request in, a Result out. */
export type Dispatcher = (channel: string, request: unknown) => Promise<Result<unknown>>;

export function createDispatcher(service: RecoveryDeskService): Dispatcher {
  return async (channel, request) => {
    if (!isChannel(channel)) {
      return failure(apiError('UnknownOperation'));
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) return failure(invalidRequest(parsed.error));
    try {
      const data = await (service[channel] as (req: unknown) => Promise<unknown>)(parsed.data);
      // Parsing the response strips any field the contract does not declare, so nothing
      // privileged (a secret, a raw SDK error) can ride along by accident.
      return { ok: true, data: spec.response.parse(data) };
    } catch (error) {
      return failure(toApiError(error));
    }
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
  return apiError('InvalidRequest', {
    message: `The request was not sent: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    guidance: 'Correct the highlighted fields and try again. Nothing was sent to Cognito.',
    issues,
  });
}

export type { Channel };
