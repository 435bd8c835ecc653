import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// `npm run screenshots`: the README's pictures of a live call, taken from the built browser shell in
// Debian's Chromium (as the end-to-end tests are), light and dark. Not part of `npm test`.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  reporter: 'list',
  projects: [{ name: 'screenshots', use: { ...base.projects?.[0]?.use, viewport: { width: 1366, height: 768 } } }],
});
