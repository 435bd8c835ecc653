import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/errors';
import type { Dispatcher } from '../../electron/core/dispatcher';
import { createWebServer, type WebServer } from '../../electron/web/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/security-headers';
import { startWebShell, webEntry, type WebShell } from '../e2e/web-shell';

// The HTTP shell's own rules. The first suite stubs dispatch (the shell is under test, not the
// core); the second drives the real built `out/main/web.js` process end to end.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json<T = Result<unknown>>(): T;
}

/** Raw http.request: fetch would normalise `..` and forbids setting Host. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: options.host ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(port: number, channel: string, token: string | undefined, body: unknown = {}, headers: Record<string, string> = {}) {
  return send(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

function expectNoCors(reply: Reply) {
  expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
}

/** A non-loopback address of this machine, to prove nothing listens there. */
function externalAddress(): string | undefined {
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) if (!entry.internal && entry.family === 'IPv4') return entry.address;
  }
  return undefined;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('createWebServer (stub dispatch)', () => {
  let tmp: string;
  let rendererDir: string;
  let web: WebServer;
  let port: number;
  const calls: Array<{ channel: string; request: unknown }> = [];
  let behaviour: (channel: string, request: unknown) => Promise<Result<unknown>> = async () => ({ ok: true, data: { pong: true } });
  const dispatch: Dispatcher = (channel, request) => {
    calls.push({ channel, request });
    return behaviour(channel, request);
  };

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'rd-web-'));
    rendererDir = path.join(tmp, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recovery Desk</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(path.join(tmp, 'package.json'), '{"name":"outside-the-root"}');
    web = await createWebServer({ dispatch, rendererDir, port: 0 });
    port = web.port;
  });
  afterAll(async () => {
    await web.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  afterEach(() => {
    calls.length = 0;
    behaviour = async () => ({ ok: true, data: { pong: true } });
  });

  it('binds 127.0.0.1 only and prints a URL carrying the token in the fragment', async () => {
    expect((web.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(web.url).toBe(`http://127.0.0.1:${port}/#token=${web.token}`);
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const external = externalAddress();
    if (external) expect(await canConnect(external, port)).toBe(false);
  });

  it('serves index.html for / with the CSP and hardening headers, and no CORS', async () => {
    const reply = await send(port, { headers: { Host: `127.0.0.1:${port}` } });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Recovery Desk</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expectNoCors(reply);

    const asset = await send(port, { path: '/assets/app.js', headers: { Host: `localhost:${port}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and 405 for other methods on pages', async () => {
    const head = await send(port, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const put = await send(port, { method: 'PUT', path: '/index.html' });
    expect(put.status).toBe(405);
  });

  it('refuses path traversal in every spelling', async () => {
    for (const attempt of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/..%5cpackage.json', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const reply = await send(port, { path: attempt });
      expect(reply.status, attempt).toBe(404);
      expect(reply.text, attempt).not.toContain('outside-the-root');
    }
    expect((await send(port, { path: '/missing.js' })).status).toBe(404);
  });

  it('returns 200 and the dispatcher Result with the right token, never cached', async () => {
    const reply = await api(port, 'pools:list', web.token, { connectionId: 'demo' });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ ok: true, data: { pong: true } });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expectNoCors(reply);
    expect(calls).toEqual([{ channel: 'pools:list', request: { connectionId: 'demo' } }]);
  });

  it('passes Result errors through with 200, accepts a same-origin Origin and an encoded channel', async () => {
    behaviour = async () => ({ ok: false, error: { code: 'UserNotFound', detail: 'User does not exist.', retryable: false } });
    const reply = await api(port, 'users%3Aget', web.token, { connectionId: 'demo' }, { Origin: `http://127.0.0.1:${port}` });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UserNotFound' } });
    expect(calls[0]?.channel).toBe('users:get');
  });

  it('sends an empty body to the dispatcher as undefined', async () => {
    const reply = await send(port, { method: 'POST', path: '/api/connections:list', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` } });
    expect(reply.status).toBe(200);
    expect(calls).toEqual([{ channel: 'connections:list', request: undefined }]);
  });

  it('401 without a token or with a wrong one, before any dispatch', async () => {
    for (const token of [undefined, '', 'wrong', `${web.token}x`, web.token.slice(0, -1)]) {
      const reply = await api(port, 'pools:list', token, { connectionId: 'demo' });
      expect(reply.status, String(token)).toBe(401);
      expect(reply.headers['www-authenticate']).toBe('Bearer');
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'CallerRejected' } });
      expect(reply.text).not.toContain(web.token);
    }
    const basic = await api(port, 'pools:list', undefined, {}, { Authorization: `Basic ${web.token}` });
    expect(basic.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('403 for a foreign Host header (DNS rebinding), on the API and on pages', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1`, `localhost.evil.example:${port}`]) {
      const apiReply = await api(port, 'pools:list', web.token, { connectionId: 'demo' }, { Host: host });
      expect(apiReply.status, host).toBe(403);
      expect(apiReply.json()).toMatchObject({ ok: false, error: { code: 'CallerRejected' } });
      const page = await send(port, { headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.text).not.toContain('<title>');
    }
    expect(calls).toEqual([]);
  });

  it('403 for a foreign Origin, including the opaque "null" origin', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const reply = await api(port, 'pools:list', web.token, { connectionId: 'demo' }, { Origin: origin });
      expect(reply.status, origin).toBe(403);
      expectNoCors(reply);
    }
    expect(calls).toEqual([]);
  });

  it('405 for anything but POST on the API, a CORS preflight included', async () => {
    const get = await send(port, { path: '/api/pools:list', headers: { Authorization: `Bearer ${web.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json()).toMatchObject({ ok: false });
    const preflight = await send(port, { method: 'OPTIONS', path: '/api/pools:list', headers: { Origin: `http://127.0.0.1:${port}`, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(405);
    expectNoCors(preflight);
  });

  it('404 with a Result-shaped error for an unknown channel', async () => {
    for (const channel of ['nope:nothing', 'toString', '__proto__', '', 'pools:list/extra']) {
      const reply = await api(port, channel, web.token);
      expect(reply.status, channel).toBe(404);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UnknownOperation', retryable: false } });
    }
    expect(calls).toEqual([]);
  });

  it('415 for a non-JSON body and 400 for malformed JSON', async () => {
    const form = await api(port, 'pools:list', web.token, {}, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const broken = await send(port, { method: 'POST', path: '/api/pools:list', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` }, body: '{"connectionId":' });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(calls).toEqual([]);
  });

  it.each([1.01, 4, 16, 64])('a typed 413 for a %s MiB body, declared or chunked, never a reset connection', async (mebibytes) => {
    const big = Buffer.alloc(Math.round(mebibytes * 1024 * 1024), 'x');
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` };
    const declared = await send(port, { method: 'POST', path: '/api/users:search', headers, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ ok: false, error: { code: 'InvalidRequest', cause: 'too-large', params: { maxBytes: 1_048_576 } } });

    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/users:search', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      for (let sent = 0; sent < big.length; sent += 256 * 1024) req.write(big.subarray(sent, sent + 256 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);

    const viaFetch = await fetch(`http://127.0.0.1:${port}/api/users:search`, { method: 'POST', headers, body: big });
    expect(viaFetch.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('500 without details when the dispatcher throws', async () => {
    behaviour = async () => {
      throw new Error('secret internals at /home/ann/.aws/credentials');
    };
    const reply = await api(port, 'pools:list', web.token, { connectionId: 'demo' });
    expect(reply.status).toBe(500);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'Unexpected' } });
    expect(reply.text).not.toContain('credentials');
  });
});

describe.skipIf(!existsSync(webEntry))('out/main/web.js (real process, real backend; skipped until npm run build has made it)', () => {
  let shell: WebShell;

  beforeAll(async () => {
    shell = await startWebShell();
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('prints one URL line, listens on 127.0.0.1 only and serves the built page with the CSP', async () => {
    expect(shell.appUrl).toBe(`http://127.0.0.1:${shell.port}/#token=${shell.token}`);
    expect(Buffer.from(shell.token, 'base64url')).toHaveLength(32);
    const page = await send(shell.port);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const external = externalAddress();
    if (external) expect(await canConnect(external, shell.port)).toBe(false);
  });

  it('serves the contract through the real dispatcher with the token, and refuses without it', async () => {
    const ok = await api(shell.port, 'connections:list', shell.token, {});
    expect(ok.status).toBe(200);
    const result = ok.json<Result<{ connections: Array<{ id: string }> }>>();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.connections.map((c) => c.id)).toContain('demo');

    const invalid = await api(shell.port, 'pools:list', shell.token, { connectionId: 'NOT VALID' });
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });

    expect((await api(shell.port, 'connections:list', undefined, {})).status).toBe(401);
    expect((await api(shell.port, 'connections:list', 'wrong', {})).status).toBe(401);
    expect((await api(shell.port, 'connections:list', shell.token, {}, { Host: `evil.example:${shell.port}` })).status).toBe(403);
    expect((await api(shell.port, 'connections:list', shell.token, {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send(shell.port, { path: '/../package.json' })).status).toBe(404);
  });

  it('keeps its state in the folder given by --data-dir', () => {
    expect(existsSync(shell.dataDir)).toBe(true);
  });

  /** Runs the shell expecting it to refuse to start; what it printed and its exit code. */
  async function refusedStart(args: string[], env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(process.execPath, [webEntry, ...args, '--no-open', '--data-dir', path.join(os.tmpdir(), 'rd-never-created')], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, stdout, stderr };
  }

  it('refuses --host 0.0.0.0 without --allow-remote and explains why', async () => {
    const { code, stdout, stderr } = await refusedStart(['--host', '0.0.0.0', '--port', '0']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--allow-remote/);
    expect(stderr).toMatch(/127\.0\.0\.1/);
  });

  it('refuses a RECOVERY_DESK_DEMO_USERS that is not a count at start, naming it, before it listens', async () => {
    const { code, stdout, stderr } = await refusedStart(['--port', '0'], { ...process.env, RECOVERY_DESK_DEMO_USERS: 'lots' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/RECOVERY_DESK_DEMO_USERS must be a whole number from 1 to 100,000, not "lots"/);
  });

  it('on SIGTERM, lets a recovery action in flight finish: its answer arrives and its audit record is on disk', async () => {
    const other = await startWebShell();
    try {
      const delayed = await api(other.port, 'demo:injectFault', other.token, { connectionId: 'demo', operation: 'ForgotPassword', delayMs: 1_500, count: 1 });
      expect(delayed.json()).toMatchObject({ ok: true });
      const target = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1', clientId: 'staffconsolepublic000001', username: 'alice.verified' };
      const sending = api(other.port, 'recovery:forgotPassword', other.token, target);
      // In flight once the emulator has taken the fault.
      await vi.waitFor(async () => {
        const controls = (await api(other.port, 'demo:controls', other.token, { connectionId: 'demo' })).json<Result<{ faults: unknown[] }>>();
        expect(controls.ok && controls.data.faults).toEqual([]);
      }, { timeout: 20_000, interval: 50 });
      const exit = new Promise<number | null>((resolve) => other.process.once('exit', resolve));
      other.process.kill('SIGTERM');

      const reply = await sending;
      expect(reply.status).toBe(200);
      expect(reply.json()).toMatchObject({ ok: true, data: { codeDeliveryDetails: { deliveryMedium: 'EMAIL' } } });
      expect(await exit).toBe(0);
      const audit = readFileSync(path.join(other.dataDir, 'audit', 'audit-log.jsonl'), 'utf8');
      expect(audit).toMatch(/"action":"ForgotPassword","outcome":"success"/);
    } finally {
      await other.stop();
    }
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const other = await startWebShell();
    const exit = new Promise<number | null>((resolve) => other.process.once('exit', resolve));
    other.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    await other.stop();
  });
});
