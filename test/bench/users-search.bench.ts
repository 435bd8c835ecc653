import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import { buildUserFilter } from '../../electron/core/user-filter';
import { startDemoEmulator } from '../../electron/emulator';

// Targets (read the hz/mean columns): one page of 60 users through the whole core in well under
// 100 ms on the demo, so scrolling a long list never waits on the privileged side.
let dataDir: string;
let backend: Backend;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-bench-'));
  // Off: a benchmark loops far past Cognito's 30 ListUsers per second on purpose.
  backend = createBackend({ dataDir, env: {}, startDemo: () => startDemoEmulator({ dataDir, throttling: false }) });
  await backend.dispatch('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', limit: 1 });
});

afterAll(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('users:search on the demo', () => {
  bench('first page of 60', async () => {
    await backend.dispatch('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', limit: 60 });
  });

  bench('every page of 260+ users', async () => {
    let token: string | undefined;
    do {
      const result = await backend.dispatch('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', limit: 60, paginationToken: token });
      token = result.ok ? (result.data as { paginationToken?: string }).paginationToken : undefined;
    } while (token);
  });

  bench('prefix search', async () => {
    await backend.dispatch('users:search', { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', attribute: 'username', match: 'prefix', value: 'customer2' });
  });
});

describe('filter building', () => {
  bench('escape a hostile value', () => {
    buildUserFilter('username', 'exact', '"\\'.repeat(40));
  });
});
