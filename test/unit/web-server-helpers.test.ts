import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hasValidToken, resolveStaticFile } from '../../electron/web/server';

describe('tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateToken()).not.toBe(token);
  });

  it('match only the exact bearer value', () => {
    const token = generateToken();
    expect(hasValidToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasValidToken(`bearer ${token}`, token)).toBe(true);
    expect(hasValidToken(undefined, token)).toBe(false);
    expect(hasValidToken('', token)).toBe(false);
    expect(hasValidToken(token, token)).toBe(false);
    expect(hasValidToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasValidToken(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(hasValidToken(`Basic ${token}`, token)).toBe(false);
  });
});

describe('resolveStaticFile', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'rd-static-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    try {
      symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
    } catch {
      // Symlinks may need privileges on Windows; the test below then checks a missing file.
    }
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html for / and files inside the root', async () => {
    expect((await resolveStaticFile(root, '/'))?.path).toMatch(/index\.html$/);
    expect((await resolveStaticFile(root, '/assets/app.js'))?.path).toMatch(/app\.js$/);
  });

  it('never leaves the root', async () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', `/${base}/secret.txt`, '/%00index.html', '/%E0%A4%A']) {
      expect(await resolveStaticFile(root, attempt), attempt).toBeUndefined();
    }
  });

  it('does not serve directories', async () => {
    expect(await resolveStaticFile(root, '/assets')).toBeUndefined();
    expect(await resolveStaticFile(root, '/assets/')).toBeUndefined();
  });
});
