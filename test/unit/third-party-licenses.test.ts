import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_PACKAGES_FILE,
  collectThirdPartyPackages,
  packageDirOf,
  readBundledPackages,
  recordBundledPackages,
  renderThirdPartyLicenses,
  THIRD_PARTY_LICENSES_FILE,
  thirdPartyLicensesPlugin,
  type ThirdPartyPackage,
} from '../../scripts/third-party-licenses';

const projectDir = path.resolve(__dirname, '../..');

describe('collectThirdPartyPackages', () => {
  // The project's own lockfile and node_modules: what the build really lists.
  const packages = collectThirdPartyPackages(projectDir);
  const byName = new Map(packages.map((p) => [p.name, p]));

  it('lists production dependencies, with their declared license and license text', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies)) expect(byName.has(name), name).toBe(true);
    expect(byName.get('zod')).toMatchObject({ license: 'MIT', licenseText: expect.stringMatching(/Permission is hereby granted/) });
  });

  it('leaves out development tools, Electron itself included (it ships its own licenses)', () => {
    for (const name of ['vitest', 'eslint', 'electron', 'electron-vite', '@doyensec/electronegativity', '@playwright/test', 'typescript']) {
      expect(byName.has(name), name).toBe(false);
    }
  });

  it('lists each name and version once, sorted', () => {
    const keys = packages.map((p) => `${p.name}@${p.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(packages.map((p) => p.name)).toEqual([...packages.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
  });
});

describe('packageDirOf', () => {
  it("names the package folder a module id belongs to, scoped or not, nested copies as themselves", () => {
    expect(packageDirOf('/app/node_modules/react/cjs/react.production.js')).toBe('/app/node_modules/react');
    expect(packageDirOf('/app/node_modules/@tanstack/react-query/build/modern/index.js')).toBe('/app/node_modules/@tanstack/react-query');
    expect(packageDirOf('/app/node_modules/a/node_modules/@s/b/index.js')).toBe('/app/node_modules/a/node_modules/@s/b');
    expect(packageDirOf('/app/node_modules/.pnpm/b@1.0.0/node_modules/b/index.js')).toBe('/app/node_modules/.pnpm/b@1.0.0/node_modules/b');
  });

  it('reads ids with a \\0 prefix, a query or Windows separators', () => {
    expect(packageDirOf('\0/app/node_modules/cjs-lib/index.js?commonjs-proxy')).toBe('/app/node_modules/cjs-lib');
    expect(packageDirOf('C:\\app\\node_modules\\@s\\b\\dist\\b.css?inline')).toBe('C:/app/node_modules/@s/b');
  });

  it("leaves out the app's own and virtual modules, and folders that are no package", () => {
    expect(packageDirOf('/app/renderer/main.tsx')).toBeUndefined();
    expect(packageDirOf('\0vite/modulepreload-polyfill.js')).toBeUndefined();
    expect(packageDirOf('/app/node_modules/.vite/deps/react.js')).toBeUndefined();
    expect(packageDirOf('/app/node_modules/@scope-only')).toBeUndefined();
  });
});

/** A project in a temporary folder: package.json, a lockfile and the packages it names. */
function fixtureProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-licenses-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const pkg = (folder: string, name: string, version: string, files: Record<string, string>, license = 'MIT') => {
    write(`${folder}/package.json`, JSON.stringify({ name, version, license, main: 'index.js' }));
    for (const [file, text] of Object.entries(files)) write(`${folder}/${file}`, text);
  };
  write('package.json', JSON.stringify({ name: 'fixture', productName: 'Fixture', version: '1.0.0', license: 'MIT' }));
  write('package-lock.json', JSON.stringify({
    packages: {
      '': {},
      'node_modules/prod-lib': { version: '1.0.0' },
      'node_modules/dev-tool': { version: '1.0.0', dev: true },
      'node_modules/bundled-lib': { version: '1.0.0', dev: true },
      'node_modules/bundled-lib/node_modules/inner': { version: '2.0.0', dev: true },
      'node_modules/inner': { version: '1.0.0', dev: true },
      'node_modules/@scope/widget': { version: '3.0.0', dev: true },
      'node_modules/styles-only': { version: '4.0.0', dev: true },
    },
  }));
  pkg('node_modules/prod-lib', 'prod-lib', '1.0.0', { 'index.js': 'module.exports = 1;\n', LICENSE: 'prod-lib license' });
  pkg('node_modules/dev-tool', 'dev-tool', '1.0.0', { 'index.js': 'export const tool = 1;\n', LICENSE: 'dev-tool license' });
  pkg('node_modules/bundled-lib', 'bundled-lib', '1.0.0', { 'index.js': "export { inner } from 'inner';\n", LICENSE: 'bundled-lib license' });
  pkg('node_modules/bundled-lib/node_modules/inner', 'inner', '2.0.0', { 'index.js': 'export const inner = 2;\n', 'LICENSE.md': 'inner 2 license' });
  pkg('node_modules/inner', 'inner', '1.0.0', { 'index.js': 'export const inner = 1;\n', LICENSE: 'inner 1 license' });
  pkg('node_modules/@scope/widget', '@scope/widget', '3.0.0', { 'index.js': 'export const widget = 3;\n' }, 'Apache-2.0');
  pkg('node_modules/styles-only', 'styles-only', '4.0.0', { 'style.css': '.styled { color: red; }\n', LICENSE: 'styles-only license' });
  write('src/main.js', [
    "import { inner } from 'bundled-lib';",
    "import { widget } from '@scope/widget';",
    "import 'styles-only/style.css';",
    'document.title = String(inner + widget);',
    '',
  ].join('\n'));
  return dir;
}

/** Builds `entry` of the fixture with Vite and the plugin, as one bundle of the app's build. */
async function buildFixture(projectDir: string, entry: string, bundle: string): Promise<void> {
  await build({
    configFile: false,
    root: projectDir,
    logLevel: 'silent',
    plugins: [thirdPartyLicensesPlugin({ projectDir, outDir: path.join(projectDir, 'out'), bundle })],
    build: { outDir: path.join(projectDir, 'out', bundle), emptyOutDir: true, minify: false, rolldownOptions: { input: path.join(projectDir, entry) } },
  });
}

describe('thirdPartyLicensesPlugin (a real Vite build of a fixture project)', () => {
  let projectDir: string;
  let notices: string;
  const outDir = () => path.join(projectDir, 'out');

  beforeAll(async () => {
    projectDir = fixtureProject();
    await buildFixture(projectDir, 'src/main.js', 'renderer');
    notices = readFileSync(path.join(outDir(), THIRD_PARTY_LICENSES_FILE), 'utf8');
  }, 60_000);

  afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

  it('records every package the bundle took modules from, with the version it took (nested copies too)', () => {
    const record = readBundledPackages(outDir());
    expect(Object.keys(record)).toEqual(['renderer']);
    expect(record.renderer?.map((p) => `${p.name}@${p.version}`)).toEqual(['@scope/widget@3.0.0', 'bundled-lib@1.0.0', 'inner@2.0.0', 'styles-only@4.0.0']);
    expect(record.renderer?.find((p) => p.name === 'inner')?.dir).toMatch(/node_modules\/bundled-lib\/node_modules\/inner$/);
  });

  it('lists the bundled packages (dev-only in the lockfile) and the production ones, with their license texts', () => {
    for (const line of ['@scope/widget 3.0.0  Apache-2.0', 'bundled-lib 1.0.0  MIT', 'inner 2.0.0  MIT', 'styles-only 4.0.0  MIT', 'prod-lib 1.0.0  MIT']) expect(notices).toContain(line);
    for (const text of ['bundled-lib license', 'inner 2 license', 'styles-only license', 'prod-lib license']) expect(notices).toContain(text);
    expect(notices).toMatch(/ship no license file[^]*@scope\/widget 3\.0\.0 {2}Apache-2\.0/);
  });

  it('leaves out dev packages no bundle took in', () => {
    expect(notices).not.toContain('dev-tool');
    expect(notices).not.toContain('inner 1.0.0');
  });

  it("another bundle adds its own packages and keeps the others'", async () => {
    writeFileSync(path.join(projectDir, 'src/tool.js'), "import { tool } from 'dev-tool';\nconsole.log(tool);\n");
    await buildFixture(projectDir, 'src/tool.js', 'main');
    const record = readBundledPackages(outDir());
    expect(record.main?.map((p) => p.name)).toEqual(['dev-tool']);
    expect(record.renderer?.map((p) => p.name)).toContain('bundled-lib');
    const text = readFileSync(path.join(outDir(), THIRD_PARTY_LICENSES_FILE), 'utf8');
    expect(text).toContain('dev-tool 1.0.0  MIT');
    expect(text).toContain('bundled-lib 1.0.0  MIT');
  }, 60_000);

  it('a failed build leaves the record and the notices as they were', async () => {
    const recordBefore = readFileSync(path.join(outDir(), BUNDLED_PACKAGES_FILE), 'utf8');
    const noticesBefore = readFileSync(path.join(outDir(), THIRD_PARTY_LICENSES_FILE), 'utf8');
    writeFileSync(path.join(projectDir, 'src/broken.js'), "import { inner } from 'bundled-lib';\nconst = inner;\n");
    await expect(buildFixture(projectDir, 'src/broken.js', 'renderer')).rejects.toThrow();
    expect(readFileSync(path.join(outDir(), BUNDLED_PACKAGES_FILE), 'utf8')).toBe(recordBefore);
    expect(readFileSync(path.join(outDir(), THIRD_PARTY_LICENSES_FILE), 'utf8')).toBe(noticesBefore);
  }, 60_000);
});

describe('recordBundledPackages', () => {
  it('replaces one bundle at a time and starts afresh from a damaged record', () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'rd-bundled-'));
    try {
      writeFileSync(path.join(outDir, BUNDLED_PACKAGES_FILE), '{ damaged');
      expect(readBundledPackages(outDir)).toEqual({});
      const a = { name: 'a', version: '1.0.0', dir: '/x/node_modules/a' };
      const b = { name: 'b', version: '1.0.0', dir: '/x/node_modules/b' };
      recordBundledPackages(outDir, 'renderer', [a]);
      recordBundledPackages(outDir, 'main', [b]);
      expect(recordBundledPackages(outDir, 'renderer', [b])).toEqual({ main: [b], renderer: [b] });
      expect(readBundledPackages(outDir)).toEqual({ main: [b], renderer: [b] });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('renderThirdPartyLicenses', () => {
  const packages: ThirdPartyPackage[] = [
    { name: 'a', version: '1.0.0', license: 'MIT', licenseText: 'MIT text', repository: 'https://example.test/a' },
    { name: 'b', version: '2.0.0', license: 'MIT', licenseText: 'MIT text' },
    { name: 'c', version: '3.0.0', license: 'ISC' },
  ];
  const text = renderThirdPartyLicenses({ productName: 'Recovery Desk', version: '0.1.0', license: 'MIT' }, packages);

  it("states the app's own license and every package with its license", () => {
    expect(text).toMatch(/^Recovery Desk 0\.1\.0: third-party software notices/);
    expect(text).toContain('Recovery Desk itself is released under the MIT license.');
    expect(text).toContain('a 1.0.0  MIT  https://example.test/a');
    expect(text).toContain('c 3.0.0  ISC');
  });

  it('prints a license text shared by several packages once, under all their names', () => {
    expect(text.match(/MIT text/g)).toHaveLength(1);
    expect(text).toMatch(/a 1\.0\.0\nb 2\.0\.0\n=+\n\nMIT text/);
  });

  it('names the packages that ship no license file', () => {
    expect(text).toMatch(/ship no license file[^]*c 3\.0\.0 {2}ISC/);
  });
});
