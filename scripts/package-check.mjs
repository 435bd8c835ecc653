#!/usr/bin/env node
// npm run package:check: packages the app the way a release does (electron-builder, Linux `dir`
// target, build/electron-builder.yml) and checks what would ship inside app.asar.
//
// No Electron binary can be downloaded here, and the check needs none: electron-builder is given a
// stand-in Electron folder (electronDist) holding an `electron` script, Electron's license files
// and a marker that tells build/after-pack.cjs to skip the fuses. Everything else is the real
// packaging: the files patterns, the production dependency tree, the asar.
//
// Uses the last `npm run build` (and builds first when out/ is missing). Exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const { PLACEHOLDER_MARKER } = require('../build/fuses.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workDir = path.join(root, '.package-check');
const electronDist = path.join(workDir, 'electron-dist');
const outputDir = path.join(workDir, 'dist');
const appOutDir = path.join(outputDir, 'linux-unpacked');
const resourcesDir = path.join(appOutDir, 'resources');
const asarFile = path.join(resourcesDir, 'app.asar');
const builderLog = path.join(workDir, 'electron-builder.log');

/**
 * app.asar measured at 73.7 MiB (2026-11, Electron 45) once the renderer-only packages (React,
 * react-aria, TanStack Query, zxcvbn-ts…) became devDependencies that Vite bundles instead of
 * shipping whole (109.0 MiB before): what remains is the privileged side's dependencies, aws-sdk v2
 * alone ~47 MiB for the offline demo's cognito-local. Plus ~25% headroom. Raise it deliberately,
 * with the reason.
 */
const ASAR_BUDGET_MIB = 92;

/** The usual suspects, named for a clear message; the lockfile check below covers every dev package. */
const DEV_TOOLS = ['vite', 'electron-vite', 'vitest', '@playwright/test', 'playwright', 'playwright-core', 'typescript', 'eslint', 'electron', 'electron-builder', 'tsx', 'esbuild', 'rolldown'];

const started = performance.now();
const failures = [];
const passes = [];
let files = [];

function check(name, problems, okDetail = '') {
  const list = problems.filter(Boolean);
  if (list.length === 0) passes.push(okDetail ? `${name}: ${okDetail}` : name);
  else failures.push({ name, list: abridge(list) });
}

/** At most 3 problems of each kind ("kind: detail"), then a count: a broken pattern can match thousands. */
function abridge(list) {
  const byKind = new Map();
  for (const problem of list) {
    const kind = problem.split(':')[0];
    byKind.set(kind, [...(byKind.get(kind) ?? []), problem]);
  }
  return [...byKind.values()].flatMap((group) => (group.length <= 3 ? group : [...group.slice(0, 3), `… and ${group.length - 3} more like these`]));
}

// ── 1. The build to package ───────────────────────────────────────────────────────────────────
const requiredBuild = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.js', 'out/renderer/index.html'];
/** The build's record of the packages each bundle took in (scripts/third-party-licenses.ts); not shipped. */
const bundledRecord = 'out/bundled-packages.json';
const noticesFile = 'out/THIRD_PARTY_LICENSES.txt';
if ([...requiredBuild, bundledRecord].some((file) => !existsSync(path.join(root, file)))) {
  console.log('package:check: out/ is incomplete, running npm run build first');
  run('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
}

// ── 2. The stand-in Electron ──────────────────────────────────────────────────────────────────
// What electron-builder needs from an unpacked electronDist for the Linux dir target: the folder
// is copied as is and its `electron` executable renamed to linux.executableName. The version
// comes from node_modules/electron/package.json. LICENSE and LICENSES.chromium.html are optional
// but included, so the step that keeps Electron's license files next to the app runs as in a release.
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
rmSync(workDir, { recursive: true, force: true });
mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "Recovery Desk package:check placeholder, not Electron" >&2\nexit 1\n');
chmodSync(path.join(electronDist, 'electron'), 0o755);
writeFileSync(path.join(electronDist, 'LICENSE'), 'Placeholder for Electron\'s LICENSE (package:check).\n');
writeFileSync(path.join(electronDist, 'LICENSES.chromium.html'), '<!doctype html><title>Placeholder (package:check)</title>\n');
writeFileSync(path.join(electronDist, 'version'), `${electronVersion}\n`);
writeFileSync(path.join(electronDist, PLACEHOLDER_MARKER), 'Not an Electron binary: build/after-pack.cjs skips the fuses.\n');

// ── 3. Package ────────────────────────────────────────────────────────────────────────────────
const builderCli = path.join(root, 'node_modules/electron-builder/cli.js');
const builder = run(process.execPath, [
  builderCli, '--linux', 'dir', '--x64', '--publish', 'never',
  `-c.electronDist=${electronDist}`,
  `-c.directories.output=${outputDir}`,
], { encoding: 'utf8' });
writeFileSync(builderLog, `${builder.stdout ?? ''}${builder.stderr ?? ''}`);
if (builder.status !== 0) {
  console.error(tail(`${builder.stdout}${builder.stderr}`, 40));
  console.error(`package:check: electron-builder failed (exit ${builder.status}); full log in ${path.relative(root, builderLog)}`);
  process.exit(1);
}
const packagedIn = performance.now();

// ── 4. The packaged folder ────────────────────────────────────────────────────────────────────
check('packaged layout', [
  !existsSync(path.join(appOutDir, 'recovery-desk')) && 'no recovery-desk executable (linux.executableName)',
  !existsSync(asarFile) && 'no resources/app.asar (asar: true)',
  !existsSync(path.join(appOutDir, 'LICENSE.electron.txt')) && "Electron's LICENSE was not kept (LICENSE.electron.txt)",
  !existsSync(path.join(appOutDir, 'LICENSES.chromium.html')) && "Chromium's licenses were not kept (LICENSES.chromium.html)",
  ...(existsSync(resourcesDir) ? readdirSync(resourcesDir) : [])
    .filter((name) => name !== 'app.asar')
    .map((name) => `unexpected resources/${name} (nothing is unpacked from the asar: no native modules)`),
], 'recovery-desk, resources/app.asar only, Electron and Chromium licenses kept');
if (!existsSync(asarFile)) report();

check('fuses hook', [
  !/fuses: skipped, placeholder Electron/.test(builder.stdout) && 'build/after-pack.cjs did not report skipping the placeholder (is afterPack configured?)',
], 'build/after-pack.cjs ran and skipped the placeholder binary');

// ── 5. Inside app.asar ────────────────────────────────────────────────────────────────────────
const entries = asar.listPackage(asarFile, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
files = entries.filter((entry) => !('files' in asar.statFile(asarFile, entry.slice(1), false)));
const fileSet = new Set(files);
const has = (file) => fileSet.has(`/${file}`);

check('app files', requiredBuild.map((file) => !has(file) && `missing ${file}`), requiredBuild.join(', '));

const indexHtml = asar.extractFile(asarFile, 'out/renderer/index.html').toString('utf8');
const assetRefs = [...indexHtml.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => `out/renderer/${match[1]}`);
check('renderer assets', [
  assetRefs.length === 0 && 'index.html references no assets/ files',
  !files.some((file) => /^\/out\/renderer\/assets\/.+\.js$/.test(file)) && 'no JavaScript in out/renderer/assets',
  ...assetRefs.map((ref) => !has(ref) && `index.html references ${ref}, not in the asar`),
], `${assetRefs.length} referenced by index.html, all present`);

// The asar's out/ is exactly the build's out/, less source maps.
const builtFiles = walk(path.join(root, 'out')).map((file) => `/${path.relative(root, file).split(path.sep).join('/')}`).filter((file) => !file.endsWith('.map') && file !== `/${bundledRecord}`);
const builtSet = new Set(builtFiles);
check('out/ shipped whole', [
  ...builtFiles.filter((file) => !fileSet.has(file)).map((file) => `built but not shipped: ${file}`),
  ...files.filter((file) => file.startsWith('/out/') && !builtSet.has(file)).map((file) => `shipped but not in out/: ${file}`),
], `${builtFiles.length} files`);

/** License texts ship wherever they are (electron-builder.yml keeps them). */
const license = /^(licen[cs]e|copying|notice)/i;
const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
check('only the app at the top', [...topLevel].filter((name) => !['package.json', 'out', 'node_modules'].includes(name) && !license.test(name)).map((name) => `unexpected /${name} (sources, tests and config stay out)`), 'package.json, out/, node_modules/');

const shippedPackageJson = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
check('package.json', [shippedPackageJson.main !== 'out/main/index.js' && `main is ${shippedPackageJson.main}, not out/main/index.js`], 'main out/main/index.js');

// Production dependencies only: no package (name and version) that the lockfile has for development
// alone. By name and version, not by folder: electron-builder may hoist a nested production copy
// (write-file-atomic's signal-exit 4) to where the lockfile keeps a dev-only one (signal-exit 3).
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const lockedPackages = Object.entries(lock.packages).filter(([key]) => key !== '');
const nameOf = (dir) => dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
const idOf = (dir, meta) => `${meta.name ?? nameOf(dir)}@${meta.version}`;
const productionIds = new Set(lockedPackages.filter(([, meta]) => meta.dev !== true).map(([dir, meta]) => idOf(dir, meta)));
const devOnlyIds = new Set(lockedPackages.filter(([dir, meta]) => meta.dev === true && !productionIds.has(idOf(dir, meta))).map(([dir, meta]) => idOf(dir, meta)));
const packageDirs = new Set(entries.filter((entry) => !fileSet.has(entry) && /\/node_modules\/(@[^/]+\/)?[^/@.][^/]*$/.test(entry)));
const shippedId = (dir) => {
  if (!has(`${dir.slice(1)}/package.json`)) return undefined;
  const meta = JSON.parse(asar.extractFile(asarFile, `${dir.slice(1)}/package.json`).toString('utf8'));
  return `${meta.name}@${meta.version}`;
};
check('production dependencies only', [
  ...DEV_TOOLS.filter((name) => packageDirs.has(`/node_modules/${name}`)).map((name) => `devDependency shipped: node_modules/${name}`),
  ...[...packageDirs].filter((dir) => !DEV_TOOLS.some((name) => dir === `/node_modules/${name}`) && devOnlyIds.has(shippedId(dir))).map((dir) => `dev-only package shipped: ${dir.slice(1)} (${shippedId(dir)})`),
], `${packageDirs.size} packages, none dev-only`);

// The notices, as shipped, name every package whose code ships: each production package in the asar
// and each package the build recorded as bundled (renderer-only packages are devDependencies, so only
// their bundled code ships). The known renderer packages must be recorded, and bundled, not shipped whole.
const RENDERER_BUNDLED = ['react', 'react-dom', 'react-aria-components', '@tanstack/react-query'];
const BUNDLES = ['main', 'preload', 'renderer'];
const noticeLines = has(noticesFile) ? asar.extractFile(asarFile, noticesFile).toString('utf8').split('\n') : [];
// The "Packages" section: "name version  license  repository" lines, up to the first blank line.
const packagesAt = noticeLines.indexOf('Packages') + 2;
const noticed = new Set(packagesAt < 2 ? [] : noticeLines.slice(packagesAt, noticeLines.indexOf('', packagesAt)).map((line) => line.split('  ')[0].replace(' ', '@')));
const bundled = readJson(path.join(root, bundledRecord)) ?? {};
const recorded = BUNDLES.flatMap((bundle) => (bundled[bundle] ?? []).map(({ name, version }) => ({ bundle, id: `${name}@${version}` })));
const shippedIds = new Set([...packageDirs].map(shippedId).filter(Boolean));
check('third-party notices', [
  noticed.size === 0 && `no package list in ${noticesFile} (is it shipped? did the build write it?)`,
  ...BUNDLES.map((bundle) => !Array.isArray(bundled[bundle]) && `${bundledRecord} has no ${bundle} bundle (run npm run build)`),
  ...RENDERER_BUNDLED.map((name) => !(bundled.renderer ?? []).some((p) => p.name === name) && `not recorded as bundled into out/renderer: ${name}`),
  ...RENDERER_BUNDLED.map((name) => packageDirs.has(`/node_modules/${name}`) && `renderer-only package shipped whole: node_modules/${name} (make it a devDependency)`),
  ...recorded.filter(({ id }) => !noticed.has(id)).map(({ bundle, id }) => `not in the notices: ${id}, bundled into out/${bundle}`),
  ...[...shippedIds].filter((id) => !noticed.has(id)).map((id) => `not in the notices: ${id}, shipped in node_modules`),
], `${noticed.size} packages listed, among them the ${shippedIds.size} in node_modules and the ${recorded.length} bundled (${BUNDLES.map((bundle) => `${bundle} ${(bundled[bundle] ?? []).length}`).join(', ')})`);

// Everything the main process requires at run time is in the asar.
const runtimeRequires = new Set();
for (const file of builtFiles.filter((file) => /^\/out\/(main|preload)\/.+\.c?js$/.test(file))) {
  for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(/require\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
    const specifier = match[1];
    if (specifier === 'electron' || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) continue;
    runtimeRequires.add(specifier);
  }
}
check('runtime requires resolve', [...runtimeRequires].map((specifier) => {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const subpath = parts.slice(name.split('/').length).join('/');
  const target = subpath ? `node_modules/${name}/${subpath}` : `node_modules/${name}/package.json`;
  return !has(target) && !has(`${target}.js`) && `out/main requires ${specifier}, not in the asar`;
}), `${runtimeRequires.size} modules required by out/main, all present`);

const forbidden = [
  // npmRebuild is off (electron-builder.yml): a native addon would be built for Node, not Electron.
  [/\.node$/, 'native addon (turn npmRebuild on and unpack it, or avoid it)'],
  [/\.map$/, 'source map'],
  [/(?<!\.d)\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
  [/\/\.env(\.[^/]*)?$/, '.env file'],
  [/\.jsonl$/, 'audit log (*.jsonl)'],
  [/\/(\.cognito|\.recovery-desk|\.package-check|emulator-data)\//, 'emulator or app data folder'],
  [/^\/(?!node_modules\/).*\/audit\//, 'audit log folder'],
];
check('nothing that must not ship', [
  ...files.flatMap((file) => forbidden.filter(([pattern]) => pattern.test(file)).map(([, what]) => `${what}: ${file}`)),
  ...files.filter((file) => /\.(md|markdown)$/i.test(file) && !license.test(path.posix.basename(file))).map((file) => `documentation: ${file}`),
  // cognito-local's data (one JSON per pool, clients.json) would come from a data folder.
  ...files.filter((file) => file.endsWith('.json') && !file.startsWith('/node_modules/') && file !== '/package.json').map((file) => `data file: ${file}`),
], 'no native addons, source maps, .ts sources, .env, *.jsonl, emulator data or docs (licenses kept)');

// ── 6. Size ───────────────────────────────────────────────────────────────────────────────────
const asarBytes = statSync(asarFile).size;
const asarMiB = asarBytes / 2 ** 20;
check('size budget', [asarMiB > ASAR_BUDGET_MIB && `app.asar is ${asarMiB.toFixed(1)} MiB, over the ${ASAR_BUDGET_MIB} MiB budget`], `app.asar ${asarMiB.toFixed(1)} MiB of ${ASAR_BUDGET_MIB} MiB`);

report();

// ── helpers ───────────────────────────────────────────────────────────────────────────────────
function report() {
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`package:check: Linux dir target, placeholder Electron ${electronVersion} (no binary on this machine)`);
  for (const line of passes) console.log(`  ok    ${line}`);
  for (const { name, list } of failures) {
    console.log(`  FAIL  ${name}`);
    for (const problem of list) console.log(`        ${problem}`);
  }
  const total = performance.now() - started;
  console.log(`  ${files.length} files in app.asar; electron-builder ${seconds(packagedIn - started)}, total ${seconds(total)}; log ${path.relative(root, builderLog)}`);
  if (failures.length > 0) {
    console.log(`package:check: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log(`package:check: ${passes.length} checks passed`);
  process.exit(0);
}

function run(command, args, options) {
  const result = spawnSync(command, args, { cwd: root, maxBuffer: 64 * 2 ** 20, ...options });
  if (result.error) throw result.error;
  if (options.stdio === 'inherit' && result.status !== 0) process.exit(result.status ?? 1);
  return result;
}

/** A JSON file's value, or undefined when it is damaged (the check that reads it then says what is missing). */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line)).join('\n');
}
