import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Small HTTP servers in front of (or instead of) a Cognito endpoint, for what the emulator cannot
// show: which credentials signed a call, how many times a call really reached Cognito, and AWS-side
// failures it does not produce (IAM's AccessDeniedException, an expired token, a rejected signature,
// a 5xx, a connection cut after the request arrived, an answer that never comes).

export interface SeenCall {
  /** e.g. ListUserPools, from X-Amz-Target. */
  operation: string;
  /** The access key id from the Authorization header's Credential=. */
  signedWith: string | undefined;
  /** When it arrived (performance.now()), for rates. */
  at: number;
}

export interface StandIn {
  endpoint: string;
  seen: SeenCall[];
  /** How many calls of `operation` arrived. */
  count(operation: string): number;
  close(): Promise<void>;
}

/** What the stand-in does with one call. */
export type Answer =
  /** Pass it on to the real endpoint and pass its answer back. */
  | { forward: true }
  /** A Cognito-style JSON error (AWS answers client errors with 400, its own failures with 500). */
  | { status: number; type: string; message: string }
  /** Read the request, then drop the connection without an answer. */
  | { cut: true }
  /** Read the request and never answer (until the stand-in closes). */
  | { silence: true };

function seenCall(req: http.IncomingMessage): SeenCall {
  const target = String(req.headers['x-amz-target'] ?? '');
  return {
    operation: target.slice(target.indexOf('.') + 1),
    signedWith: /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1],
    at: performance.now(),
  };
}

/**
 * A stand-in that asks `script` what to do with each call (numbered from 0 per operation). With
 * `forwardTo`, calls the script forwards reach that endpoint unchanged.
 */
export async function startScriptedCognito(script: (call: SeenCall, attempt: number) => Answer, forwardTo?: string): Promise<StandIn> {
  const seen: SeenCall[] = [];
  const target = forwardTo ? new URL(forwardTo) : undefined;
  const count = (operation: string) => seen.filter((c) => c.operation === operation).length;
  const server = http.createServer((req, res) => {
    const call = seenCall(req);
    const attempt = count(call.operation);
    seen.push(call);
    const answer = script(call, attempt);
    if ('forward' in answer) {
      if (!target) throw new Error('This stand-in has nowhere to forward to.');
      const upstream = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    req.resume();
    req.on('end', () => {
      if ('cut' in answer) {
        req.socket.destroy();
      } else if ('status' in answer) {
        res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': `stand-in-${seen.length}` });
        res.end(JSON.stringify({ __type: answer.type, message: answer.message }));
      }
      // silence: nothing, until close() cuts every connection.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Forwards every request to `target` unchanged and records who signed it. */
export function startRecordingProxy(target: string): Promise<StandIn> {
  return startScriptedCognito(() => ({ forward: true }), target);
}

/** Answers every call with a Cognito-style JSON error chosen per operation (HTTP 400). */
export function startFailingCognito(answer: (operation: string) => { type: string; message: string }): Promise<StandIn> {
  return startScriptedCognito((call) => ({ status: 400, ...answer(call.operation) }));
}
