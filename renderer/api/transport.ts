import type { Channel, RecoveryDeskApi, RequestOf, ResponseOf } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/errors';

/** Sends one request over whichever boundary this page sits behind. */
export type Transport = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

const TOKEN_KEY = 'recovery-desk.token';

/**
 * The browser shell hands the page a per-launch token in the address (#token=...). It is a
 * credential, so it is read once, kept for this tab only, and removed from the address bar
 * so it does not end up in history, bookmarks or screenshots.
 */
function takeLaunchToken(): string | undefined {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

function isResult(value: unknown): value is Result<never> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'data' in value : value.ok === false && 'error' in value;
}

function ipcTransport(api: RecoveryDeskApi): Transport {
  return (channel, request) => {
    // Each channel's function has its own request type; the contract guarantees they line up.
    const send = api[channel] as (req: typeof request) => Promise<Result<ResponseOf<typeof channel>>>;
    return send(request);
  };
}

function httpTransport(): Transport {
  const token = takeLaunchToken();
  return async (channel, request) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure({ code: 'NetworkError', cause: 'page-unreachable', retryable: true });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (isResult(body)) return body;
    if (response.status === 401 || response.status === 403) {
      return failure({ code: 'Unexpected', cause: 'page-refused', retryable: false });
    }
    return failure({ code: 'Unexpected', cause: 'unreadable-answer', params: { httpStatus: response.status }, retryable: true });
  };
}

/** IPC in the desktop app (the preload exposes the contract), HTTP in the browser shell. */
export const transport: Transport = window.recoveryDesk ? ipcTransport(window.recoveryDesk) : httpTransport();
