import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../electron/web/cli-args';

describe('parseWebArgs', () => {
  it('defaults to loopback, any free port, and opening the browser', () => {
    expect(parseWebArgs([])).toEqual({ port: 0, open: true, host: '127.0.0.1', allowRemote: false, help: false });
  });

  it('reads every option in both spellings', () => {
    expect(parseWebArgs(['--port', '8080', '--no-open', '--data-dir', '/d'])).toMatchObject({ port: 8080, open: false, dataDir: '/d' });
    expect(parseWebArgs(['--port=0', '--data-dir=/d'])).toMatchObject({ port: 0, dataDir: '/d' });
  });

  it('rejects bad ports and unknown options', () => {
    expect(() => parseWebArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseWebArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseWebArgs(['--verbose'])).toThrow(/Unknown option/);
  });

  it('accepts loopback hosts but refuses others without --allow-remote, and says why', () => {
    expect(parseWebArgs(['--host', 'localhost']).host).toBe('localhost');
    expect(parseWebArgs(['--host', '::1']).host).toBe('::1');
    expect(() => parseWebArgs(['--host', '0.0.0.0'])).toThrow(/--allow-remote/);
    expect(() => parseWebArgs(['--host', '192.168.1.5'])).toThrow(/credentials/);
    expect(parseWebArgs(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({ host: '0.0.0.0', allowRemote: true });
  });
});
