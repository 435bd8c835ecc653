import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Two tiny HTTP helpers in front of (or instead of) a Cognito endpoint, for what the emulator cannot
// show: which credentials signed a call, and AWS-side failures it does not know (IAM's
// AccessDeniedException, an expired token, a rejected signature).

export interface SeenCall {
  /** e.g. ListUserPools, from X-Amz-Target. */
  operation: string;
  /** The access key id from the Authorization header's Credential=. */
  signedWith: string | undefined;
}

export interface StandIn {
  endpoint: string;
  seen: SeenCall[];
  close(): Promise<void>;
}

function seenCall(req: http.IncomingMessage): SeenCall {
  const target = String(req.headers['x-amz-target'] ?? '');
  return {
    operation: target.slice(target.indexOf('.') + 1),
    signedWith: /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1],
  };
}

async function listen(server: http.Server, seen: SeenCall[]): Promise<StandIn> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Forwards every request to `target` unchanged and records who signed it. */
export function startRecordingProxy(target: string): Promise<StandIn> {
  const seen: SeenCall[] = [];
  const { hostname, port } = new URL(target);
  const server = http.createServer((req, res) => {
    seen.push(seenCall(req));
    const upstream = http.request({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return listen(server, seen);
}

/** Answers every call with a Cognito-style JSON error chosen per operation (HTTP 400). */
export function startFailingCognito(answer: (operation: string) => { type: string; message: string }): Promise<StandIn> {
  const seen: SeenCall[] = [];
  const server = http.createServer((req, res) => {
    const call = seenCall(req);
    seen.push(call);
    req.resume();
    req.on('end', () => {
      const { type, message } = answer(call.operation);
      res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'stand-in-request' });
      res.end(JSON.stringify({ __type: type, message }));
    });
  });
  return listen(server, seen);
}
