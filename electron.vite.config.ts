import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      // Two Node entries share one build: the Electron app and the plain-Node browser shell.
      // Dependencies stay external (electron-vite's default) and load from node_modules.
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'electron/web/index.ts'),
        },
        output: {
          // Code both entries use (core, emulator, contract) lands in one shared chunk.
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
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
