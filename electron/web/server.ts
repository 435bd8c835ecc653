import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isChannel } from '../../shared/contract';
import type { ApiError, ErrorCause, Result } from '../../shared/errors';
import type { DiagnosticLog } from '../core/diagnostics';
import type { Dispatcher } from '../core/dispatcher';
import { apiError, type ErrorFacts } from '../core/errors';
import { BASE_HEADERS } from './security-headers';

export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatcher;
  /** The built renderer (out/renderer); `/` serves its index.html. */
  rendererDir: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Per-launch secret the page sends as `Authorization: Bearer`; generated when omitted. */
  token?: string;
  /**
   * Host names besides 127.0.0.1 and localhost that the Host and Origin checks accept. Only for
   * an explicit remote binding; loopback never needs it.
   */
  extraHostnames?: readonly string[];
  maxBodyBytes?: number;
  /** Where refused requests are noted (never a header value, a body or the token). */
  diagnostics?: Pick<DiagnosticLog, 'warn' | 'error'>;
}

export interface WebServer {
  /** Where to point a browser: the token rides in the fragment, which browsers never send. */
  url: string;
  origin: string;
  host: string;
  port: number;
  token: string;
  server: http.Server;
  /** Stops taking new connections; requests already received are still answered. */
  stopAccepting(): void;
  /** Stops listening, lets answers being sent finish (at most `timeoutMs`), then drops every connection. */
  close(timeoutMs?: number): Promise<void>;
}

/** 32 random bytes, base64url: unguessable, and safe in a URL fragment and a header. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? DEFAULT_HOST;
  const token = options.token ?? generateToken();
  // The bearer parser accepts base64url only; anything else could never authenticate.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(token)) throw new Error('The web server token must be at least 16 base64url characters.');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const rendererDir = path.resolve(options.rendererDir);

  // Filled in once listening: the accepted Host values depend on the port actually bound.
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  // Answers not yet fully sent: closing waits for them, so a call that finished is never cut off.
  const answering = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    answering.add(res);
    res.once('close', () => answering.delete(res));
    res.once('finish', () => logRefusal(req, res));
    handleRequest(req, res).catch((error: unknown) => {
      options.diagnostics?.error('web-request-failed', error, { method: req.method, path: pathOf(req) });
      // Never echo an internal error: it could carry paths or request details.
      if (!res.headersSent) sendJson(res, 500, failure('Unexpected', { cause: 'no-answer' }));
      else res.destroy();
    });
  });

  /** Every refusal, for support: what was asked and why it was refused, never a header value or a body. */
  function logRefusal(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = pathOf(req);
    const isApi = path === '/api' || path.startsWith('/api/');
    // A page asking for a file that is not there (a favicon) is no refusal.
    if (res.statusCode < 400 || (res.statusCode === 404 && !isApi)) return;
    options.diagnostics?.warn('web-request-refused', {
      status: res.statusCode,
      method: req.method,
      path,
      hostAllowed: allowedHosts.has(req.headers.host?.toLowerCase() ?? ''),
      ...(req.headers.origin !== undefined ? { origin: req.headers.origin.slice(0, 200) } : {}),
      bearerPresented: /^Bearer /i.test(req.headers.authorization ?? ''),
      ...(res.statusCode === 413 ? { declaredBytes: req.headers['content-length'] } : {}),
    });
  }

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = req.url ?? '';
    const pathname = target.split('?', 1)[0] ?? '';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');

    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    const hostHeader = req.headers.host?.toLowerCase();
    if (hostHeader === undefined || !allowedHosts.has(hostHeader)) {
      return refuse(res, isApi, 403, 'wrong-address', 'This request did not come from Recovery Desk\u2019s own address.');
    }
    // Another site's page (or a sandboxed frame: Origin "null") may not drive the API or load pages.
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      return refuse(res, isApi, 403, 'cross-site', 'Requests from other websites are refused.');
    }
    // Origin-form only ("/path"); absolute-form and "*" targets are proxy-style requests.
    if (!pathname.startsWith('/')) return refuse(res, isApi, 400, 'malformed', 'Malformed request target.');

    if (isApi) return handleApi(req, res, pathname);
    return handleStatic(req, res, pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, failure('InvalidRequest', { cause: 'not-post' }));
    }
    if (!hasValidToken(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, failure('CallerRejected', { cause: 'no-session' }));
    }
    const channel = decodeSegment(pathname.slice('/api/'.length));
    if (channel === undefined || !isChannel(channel)) {
      return sendJson(res, 404, failure('UnknownOperation'));
    }
    // A JSON content type keeps plain HTML forms (which cannot send one) away from the API.
    const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      return sendJson(res, 415, failure('InvalidRequest', { cause: 'not-json-type' }));
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      return sendJson(res, 413, failure('InvalidRequest', { cause: 'too-large', params: { maxBytes: maxBodyBytes } }));
    }
    let request: unknown;
    if (body.length > 0) {
      try {
        request = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, failure('InvalidRequest', { cause: 'not-json' }));
      }
    }
    const result = await options.dispatch(channel, request);
    sendJson(res, 200, result);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    const file = await resolveStaticFile(rendererDir, pathname);
    if (file === undefined) return sendText(res, 404, 'Not found');
    writeBaseHeaders(res);
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(file.path));
    res.setHeader('Content-Length', String(file.size));
    // The page and its assets change with every build; always revalidate.
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file.path);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      res.on('close', resolve);
      stream.pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const hostnames = new Set(['127.0.0.1', 'localhost', ...(isWildcard(host) ? [] : [host]), ...(options.extraHostnames ?? [])]);
  allowedHosts = new Set([...hostnames].map((name) => `${bracketed(name)}:${port}`.toLowerCase()));
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));

  const displayHost = isWildcard(host) ? DEFAULT_HOST : bracketed(host);
  const origin = `http://${displayHost}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    host,
    port,
    token,
    server,
    stopAccepting() {
      // No new connections; idle keep-alive ones go now, busy ones once answered.
      server.close();
      server.closeIdleConnections();
    },
    async close(timeoutMs = 5_000) {
      if (server.listening) server.close();
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...answering].map((res) => new Promise((resolve) => res.once('close', resolve)))),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
    },
  };
}

/** Compares digests so neither the token's content nor its length leaks through timing. */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/i.exec(authorization ?? '');
  const presented = match?.[1] ?? '';
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && presented.length > 0;
}

/**
 * Maps a URL path to a file inside `root`, or undefined. Decoding happens before the containment
 * check, and symlinks are resolved, so neither `..`, `%2e%2e`, `%5c` nor a link can escape.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<{ path: string; size: number } | undefined> {
  const decoded = decodeSegment(pathname);
  if (decoded === undefined || decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return undefined;
    const info = await stat(realFile);
    return info.isFile() ? { path: realFile, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The request body, or 'too-large' as soon as it passes `limit` (or declares it will). Then the rest
 * is read and thrown away, so the client finishes sending and reads a clean 413 whatever the size,
 * up to a cap in bytes and time past which the connection is dropped.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      req.off('data', collect);
      req.off('end', done);
      discardRest(req);
      resolve('too-large');
    };
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge();
      else chunks.push(chunk);
    };
    const done = () => resolve(Buffer.concat(chunks));
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return tooLarge();
    req.on('data', collect);
    req.once('end', done);
    req.once('error', reject);
  });
}

const DISCARD_MAX_BYTES = 1024 * 1024 * 1024;
const DISCARD_MAX_MS = 30_000;

function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  const stop = setTimeout(() => req.socket.destroy(), DISCARD_MAX_MS);
  stop.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_MAX_BYTES) req.socket.destroy();
  });
  req.once('close', () => clearTimeout(stop));
  req.resume();
}

/** The path without its query (which is never logged), cut short. */
function pathOf(req: http.IncomingMessage): string {
  return (req.url ?? '').split('?', 1)[0]?.slice(0, 200) ?? '';
}

function decodeSegment(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** An API call gets the cause (the page words it); a page load gets plain text, in English like the other HTTP answers. */
function refuse(res: http.ServerResponse, isApi: boolean, status: number, cause: ErrorCause, text: string): void {
  if (isApi) sendJson(res, status, failure('CallerRejected', { cause }));
  else sendText(res, status, text);
}

function failure(code: ApiError['code'], facts: ErrorFacts = {}): Result<never> {
  return { ok: false, error: apiError(code, { retryable: false, ...facts }) };
}

function writeBaseHeaders(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  writeBaseHeaders(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(payload.length));
  // Results can name users and pools: keep them out of every cache.
  res.setHeader('Cache-Control', 'no-store');
  res.end(payload);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  const payload = Buffer.from(text, 'utf8');
  writeBaseHeaders(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', String(payload.length));
  res.setHeader('Cache-Control', 'no-store');
  res.end(payload);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
