import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError, ErrorCode } from '../../shared/errors';
import { transport } from './transport';

/** A failed call, thrown so react-query's error states carry the whole ApiError (the page words it). */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  readonly issues: ApiError['issues'];

  constructor(
    readonly channel: Channel,
    readonly failure: ApiError,
  ) {
    // For the developer console only: the page shows the failure in the operator's words.
    super([failure.code, failure.cause].filter(Boolean).join(' '));
    this.name = 'ApiCallError';
    this.code = failure.code;
    this.retryable = failure.retryable;
    this.retryAfterSeconds = failure.retryAfterSeconds;
    this.requestId = failure.requestId;
    this.issues = failure.issues;
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
  return new ApiCallError(channel, { code: 'Unexpected', cause: 'page', retryable: true });
}
