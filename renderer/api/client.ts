import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError, ErrorCode } from '../../shared/errors';
import { transport } from './transport';

/** A failed call, thrown so react-query's error states carry the whole ApiError. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly guidance: string;
  readonly tellCaller: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  readonly issues: ApiError['issues'];

  constructor(
    readonly channel: Channel,
    error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.guidance = error.guidance;
    this.tellCaller = error.tellCaller;
    this.retryable = error.retryable;
    this.retryAfterSeconds = error.retryAfterSeconds;
    this.requestId = error.requestId;
    this.issues = error.issues;
  }
}

/** Calls one contract channel: the data on success, an ApiCallError otherwise. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await transport(channel, request);
  if (result.ok) return result.data;
  throw new ApiCallError(channel, result.error);
}

/** Anything thrown by a query or mutation, as something the UI can always show. */
export function toApiCallError(error: unknown, channel: Channel): ApiCallError {
  if (error instanceof ApiCallError) return error;
  return new ApiCallError(channel, {
    code: 'Unexpected',
    message: 'Something went wrong in the page.',
    guidance: 'Try again. If it keeps happening, reload the page.',
    tellCaller: 'Something went wrong on my side. Bear with me while I try again.',
    retryable: true,
  });
}
