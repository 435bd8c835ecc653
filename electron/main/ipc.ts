import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type Channel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { DiagnosticLog } from '../core/diagnostics';
import type { Dispatcher } from '../core/dispatcher';
import { apiError } from '../core/errors';
import { isAppUrl, type AppLocation } from './app-location';

// The one file that touches ipcMain: every handler goes through `handle`, which checks the sender.

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
export type Handler = (request: unknown) => Promise<Result<unknown>>;

const rejectedSender: Result<never> = {
  ok: false,
  error: apiError('CallerRejected', { cause: 'wrong-sender' }),
};

const unexpected: Result<never> = {
  ok: false,
  error: apiError('Unexpected', { cause: 'no-answer', retryable: false }),
};

type Diagnostics = Pick<DiagnosticLog, 'warn' | 'error'>;

/** Where a refused call came from, for the log: the frame's origin and place, never its full URL. */
function describeSender(event: IpcMainInvokeEvent): Record<string, unknown> {
  const frame = event.senderFrame;
  let origin = 'unknown';
  try {
    origin = frame ? new URL(frame.url).origin : 'no frame';
  } catch {
    origin = 'unparseable';
  }
  return { origin, mainFrame: frame ? frame.parent === null : false };
}

/** Registers one channel. A refused sender or a thrown error becomes a Result, never a rejection with details. */
export function handle(channel: Channel, fn: Handler, isTrustedSender: SenderCheck, diagnostics: Diagnostics): void {
  ipcMain.handle(channel, async (event, request: unknown) => {
    if (!isTrustedSender(event)) {
      diagnostics.warn('ipc-sender-refused', { channel, ...describeSender(event) });
      return rejectedSender;
    }
    try {
      return await fn(request);
    } catch (error) {
      diagnostics.error('ipc-handler-failed', error, { channel });
      return unexpected;
    }
  });
}

/** Serves every contract channel through the shared dispatcher. Returns an unregister function. */
export function registerContractHandlers(dispatch: Dispatcher, isTrustedSender: SenderCheck, diagnostics: Diagnostics): () => void {
  for (const channel of channels) handle(channel, (request) => dispatch(channel, request), isTrustedSender, diagnostics);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Trusted = the main frame (not an iframe) of one of our windows, currently showing our own page.
 * The URL is read from the frame at call time, so a window that somehow navigated away loses access.
 */
export function createSenderCheck(location: AppLocation, isAppWebContents: (contents: WebContents) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed() || frame.parent !== null) return false;
    if (!isAppWebContents(event.sender) || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return false;
    return isAppUrl(frame.url, location);
  };
}
