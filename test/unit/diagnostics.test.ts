import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDiagnosticLog, scrubText, type DiagnosticLog } from '../../electron/core/diagnostics';

let dataDir: string;
let log: DiagnosticLog;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diagnostics-'));
  log = openDiagnosticLog(dataDir);
});
afterEach(async () => {
  await log.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function lines(): Promise<Array<Record<string, unknown>>> {
  await log.flush();
  const folder = join(dataDir, 'logs');
  const text = (await Promise.all((await readdir(folder)).map((f) => readFile(join(folder, f), 'utf8')))).join('');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('scrubbing', () => {
  it('removes known secret values, AWS key ids, bearer tokens and long token-like runs, and keeps request ids', () => {
    const said = scrubText(
      'key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYxx token=abc.def Bearer xyz request 5f1c4c52-8f0e-4b53-9e1e-0d1c1c1c1c1c pw Hunter2-Pass!',
      ['Hunter2-Pass!'],
    );
    expect(said).toBe('key [key] secret [redacted] token= [redacted] Bearer [redacted] request 5f1c4c52-8f0e-4b53-9e1e-0d1c1c1c1c1c pw [redacted]');
  });
});

describe('the diagnostic log', () => {
  it('is owner-only, in logs/ of the data folder', async () => {
    log.info('hello');
    await lines();
    const [file] = await readdir(join(dataDir, 'logs'));
    expect(file).toBe('recovery-desk.1.log');
    if (process.platform !== 'win32') {
      expect((await stat(join(dataDir, 'logs'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dataDir, 'logs', file ?? ''))).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps a stack\'s frames whatever their paths, while scrubbing its message', async () => {
    const error = new Error('refused token aGVsbG8gdGhpcyBpcyBhIGxvbmcgc2Vzc2lvbiB0b2tlbiB2YWx1ZQ==');
    error.stack = `${error.message}\n    at run (/tmp/fresh-clone-AbCd/repo/test/unit/dispatcher.test.ts:113:13)`;
    log.error('unexpected-error', error);
    const [entry] = await lines();
    const stack = (entry?.error as { stack: string }).stack;
    expect(stack).toContain('/tmp/fresh-clone-AbCd/repo/test/unit/dispatcher.test.ts:113:13');
    expect(stack).not.toContain('aGVsbG8');
    expect((entry?.error as { message: string }).message).toBe('refused token [redacted]');
  });

  it('scrubs the secrets of the call it runs in, and names its channel', async () => {
    await log.withCall('recovery:confirmForgotPassword', ['Sup3r-Secret!', '135790'], async () => {
      log.warn('something', { said: 'the password Sup3r-Secret! and code 135790' });
    });
    log.warn('after', { said: 'Sup3r-Secret!' });
    const [during, after] = await lines();
    expect(during).toMatchObject({ channel: 'recovery:confirmForgotPassword', said: 'the password [redacted] and code [redacted]' });
    // Outside the call its values are not known secrets any more, and no channel is named.
    expect(after).toMatchObject({ said: 'Sup3r-Secret!' });
    expect(after?.channel).toBeUndefined();
  });

  it('scrubs a registered secret (a cached client secret) from every entry, paths included', async () => {
    log.addSecret('clientSecretValue000000000000000000000000000001');
    log.warn('demo-data-problem', { problem: 'file /x/clientSecretValue000000000000000000000000000001.json is damaged' });
    const [entry] = await lines();
    expect(entry?.problem).toBe('file /x/[redacted].json is damaged');
  });
});
