import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/web/security-headers';
import { thirdPartyLicensesPlugin } from './scripts/third-party-licenses';

/**
 * Built pages carry the CSP as a meta tag too: a file:// page in Electron may not get the
 * response header. Build only, so the dev server's inline HMR preamble still runs.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'recovery-desk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

const root = __dirname;

/**
 * out/THIRD_PARTY_LICENSES.txt (the About panel points to it), rewritten after each bundle: the
 * production dependencies plus the packages each bundle took in, recorded from its module ids.
 */
const thirdPartyLicenses = (bundle: 'main' | 'preload' | 'renderer') => thirdPartyLicensesPlugin({ projectDir: root, outDir: resolve(root, 'out'), bundle });

export default defineConfig({
  main: {
    plugins: [thirdPartyLicenses('main')],
    build: {
      // Four Node entries share one build: the Electron app, the plain-Node browser shell, the
      // standalone demo emulator (npm run emulator) and the audit log's verifier (npm run audit:verify).
      // Dependencies stay external (electron-vite's default) and load from node_modules.
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'electron/web/index.ts'),
          emulator: resolve(root, 'electron/emulator/cli.ts'),
          'audit-verify': resolve(root, 'electron/audit-verify/cli.ts'),
        },
        output: {
          // Code the entries share (core, emulator, contract) lands in one shared chunk.
          chunkFileNames: 'chunks/shared-[hash].js',
          // The output is CommonJS: load external packages with require() even from a dynamic
          // import(), so they resolve like the static imports (directory and extensionless
          // paths such as cognito-local/lib/services fail under ESM resolution).
          dynamicImportInCjs: false,
        },
      },
    },
  },
  preload: {
    plugins: [thirdPartyLicenses('preload')],
    build: {
      // A sandboxed preload can require only `electron` and a few builtins, and cannot be ESM:
      // bundle everything (zod and the contract included) into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta(), thirdPartyLicenses('renderer')],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Smaller bundle, faster start-up in both shells.
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
