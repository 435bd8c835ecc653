import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The console's speed targets in real Chromium, run by `npm run bench` after the vitest benches; not
// part of `npm test` (a 50,000-user pool is seeded, and frame timing wants a machine left alone).
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.spec.ts',
  reporter: 'list',
  // Seeding the pool, loading thousands of rows and several timed runs: far beyond an ordinary test.
  timeout: 300_000,
  projects: [{ name: 'console-bench', use: base.projects?.[0]?.use ?? {} }],
});
