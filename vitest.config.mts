import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The integration suites each start an emulator; two cores only.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      { test: { name: 'bench', include: [], benchmark: { include: ['test/bench/**/*.bench.ts'] }, environment: 'node', sequence: { groupOrder: 2 }, testTimeout: 120_000, hookTimeout: 60_000 } },
    ],
  },
});
