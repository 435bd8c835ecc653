import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl, resolveAppLocation } from '../../electron/main/app-location';

const indexFile = path.resolve('/opt/recovery-desk/out/renderer/index.html');
const indexUrl = pathToFileURL(indexFile).href;

describe('resolveAppLocation', () => {
  it('loads the built file in production', () => {
    expect(resolveAppLocation({ devServerUrl: undefined, packaged: false, indexFile })).toEqual({ kind: 'file', url: indexUrl, indexFile });
  });

  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: false, indexFile })).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    // A packaged app never follows an environment variable to another page.
    expect(resolveAppLocation({ devServerUrl: 'http://localhost:5173/', packaged: true, indexFile }).kind).toBe('file');
    expect(resolveAppLocation({ devServerUrl: 'http://evil.example/', packaged: false, indexFile }).kind).toBe('file');
    expect(resolveAppLocation({ devServerUrl: 'not a url', packaged: false, indexFile }).kind).toBe('file');
  });
});

describe('isAppUrl', () => {
  const file = resolveAppLocation({ devServerUrl: undefined, packaged: false, indexFile });
  const dev = resolveAppLocation({ devServerUrl: 'http://127.0.0.1:5173', packaged: false, indexFile });

  it('accepts exactly our index.html, with any hash or query', () => {
    expect(isAppUrl(indexUrl, file)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/users/alice`, file)).toBe(true);
    expect(isAppUrl(`${indexUrl}?x=1`, file)).toBe(true);
  });

  it('refuses other files, other schemes and lookalikes', () => {
    expect(isAppUrl(pathToFileURL(path.resolve('/tmp/evil.html')).href, file)).toBe(false);
    expect(isAppUrl(pathToFileURL(path.resolve('/opt/recovery-desk/out/renderer/other.html')).href, file)).toBe(false);
    expect(isAppUrl('file://evil.example/opt/recovery-desk/out/renderer/index.html', file)).toBe(false);
    expect(isAppUrl('https://example.com/index.html', file)).toBe(false);
    expect(isAppUrl('about:blank', file)).toBe(false);
    expect(isAppUrl('garbage', file)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://127.0.0.1:5173/#/x', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(indexUrl, dev)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('allows http(s) only', () => {
    expect(isExternalWebUrl('https://docs.aws.amazon.com/cognito/')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'nonsense']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});
