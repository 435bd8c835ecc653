import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import type { ResponseOf, Settings } from '../../shared/contract';

// What a shell tells the backend about the system's languages reaches the page (settings:get), and a
// language chosen in Settings reaches the shell at once (the desktop rebuilds its menus on it).

const opened: Array<{ backend: Backend; dir: string }> = [];
afterEach(async () => {
  for (const { backend, dir } of opened.splice(0)) {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  }
});

async function open(systemLanguages?: readonly string[]): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'recovery-desk-shell-language-'));
  const backend = createBackend({
    dataDir: dir,
    env: {},
    startDemo: () => Promise.reject(new Error('no demo in this test')),
    ...(systemLanguages ? { systemLanguages } : {}),
  });
  opened.push({ backend, dir });
  return backend;
}

async function call<C extends 'settings:get' | 'settings:update'>(backend: Backend, channel: C, request: object): Promise<ResponseOf<C>> {
  const result = await backend.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
  return result.data as ResponseOf<C>;
}

describe('the system’s languages', () => {
  it('the desktop shell’s reach the page with the settings, before and after a change', async () => {
    const backend = await open(['de-DE', 'en-US']);
    expect((await call(backend, 'settings:get', {})).systemLanguages).toEqual(['de-DE', 'en-US']);
    expect((await call(backend, 'settings:update', { language: 'en' })).systemLanguages).toEqual(['de-DE', 'en-US']);
  });

  it('the browser shell names none: the page reads the browser’s', async () => {
    const backend = await open();
    expect(await call(backend, 'settings:get', {})).not.toHaveProperty('systemLanguages');
  });
});

describe('a language chosen in Settings', () => {
  it('is announced to the shell once saved, and read back from the settings', async () => {
    const backend = await open(['en-US']);
    const seen: Settings[] = [];
    const stop = backend.settings.onChange((settings) => seen.push(settings));
    await call(backend, 'settings:update', { language: 'de' });
    expect(seen.map((settings) => settings.language)).toEqual(['de']);
    expect((await backend.settings.get()).language).toBe('de');

    stop();
    await call(backend, 'settings:update', { language: 'system' });
    expect(seen).toHaveLength(1);
  });

  it('is not announced when refused, and a listener that fails does not undo the saved change', async () => {
    const backend = await open();
    const seen: Settings[] = [];
    backend.settings.onChange(() => {
      throw new Error('the menu could not be built');
    });
    backend.settings.onChange((settings) => seen.push(settings));
    const refused = await backend.dispatch('settings:update', { language: 'fr' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    expect(seen).toEqual([]);

    expect((await call(backend, 'settings:update', { language: 'de' })).language).toBe('de');
    expect(seen.map((settings) => settings.language)).toEqual(['de']);
  });
});
