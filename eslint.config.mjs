// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const privileged = ['electron', 'electron/*', 'node:*', '@aws-sdk/*', 'cognito-local', 'cognito-local/*'];
const nodeBuiltins = ['fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.package-check/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // ipcMain/ipcRenderer live in exactly one registration helper and the preload.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Use electron/main/ipc.ts (handle) or the preload; ipcMain/ipcRenderer appear nowhere else.' },
      ],
    },
  },
  // Process boundaries (DESIGN.md): folders state the process.
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: [...privileged, ...nodeBuiltins, '**/electron/**'], message: 'renderer/ runs in the page: no Electron, Node or AWS SDK. Go through renderer/api.' }] }],
    },
  },
  // Every word on screen comes from the catalogs (renderer/i18n): no literal text in JSX, in its
  // children or in the attributes people read (labels, placeholders, titles, alternatives).
  {
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{aria-label,aria-description,aria-valuetext,alt,title,placeholder,label,summary}']] } },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./).*', message: 'shared/ is the contract: it imports only zod and its own files.' }] }],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'electron/core/ is the engine: it never imports Electron or a shell.' }] }],
    },
  },
  {
    files: ['electron/preload/**', 'electron/main/ipc.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // CommonJS by necessity (electron-builder's hooks load them with require): require() is how they import.
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
