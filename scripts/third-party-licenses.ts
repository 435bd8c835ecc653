import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

// Builds out/THIRD_PARTY_LICENSES.txt (electron.vite.config.ts runs it after every bundle): every
// package whose code ships, with its declared license and its license file's text. That is the
// production dependencies, which ship whole in app.asar (from the lockfile), and every package
// whose modules a bundle took in (recorded by the build itself: the renderer's React, react-aria...
// are devDependencies, so only their bundled code ships). No network, no dependency of its own.

export const THIRD_PARTY_LICENSES_FILE = 'THIRD_PARTY_LICENSES.txt';
/**
 * The build's record of the packages each bundle took in, next to the notices in out/. Not shipped
 * (build/electron-builder.yml); npm run package:check reads it.
 */
export const BUNDLED_PACKAGES_FILE = 'bundled-packages.json';

export interface ThirdPartyPackage {
  name: string;
  version: string;
  /** As the package declares it (SPDX expression, or the old object/array forms flattened). */
  license: string;
  repository?: string;
  /** The license file's text, when the package ships one. */
  licenseText?: string;
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  repository?: unknown;
}

const LICENSE_FILE = /^(licen[cs]e|copying)([-._].*)?$/i;

function declaredLicense(pkg: PackageJson): string {
  const describe = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') return (value as { type: string }).type;
    return undefined;
  };
  const single = describe(pkg.license);
  if (single) return single;
  const list = Array.isArray(pkg.licenses) ? pkg.licenses.map(describe).filter((v): v is string => v !== undefined) : [];
  return list.length > 0 ? list.join(' OR ') : 'UNKNOWN';
}

function repositoryUrl(pkg: PackageJson): string | undefined {
  const repo = pkg.repository;
  const url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo !== null ? (repo as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url.replace(/^git\+/, '') : undefined;
}

function readLicenseText(dir: string): string | undefined {
  const candidates = readdirSync(dir)
    .filter((file) => LICENSE_FILE.test(file))
    // LICENSE before LICENSE-MIT before LICENSE.md: the plainest name first.
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const file of candidates) {
    try {
      const text = readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trim();
      if (text) return text;
    } catch {
      // A directory named LICENSE, or unreadable: try the next.
    }
  }
  return undefined;
}

/** A package's entry from its folder; undefined when it is not installed there. */
function readPackage(dir: string): ThirdPartyPackage | undefined {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
  if (!pkg.name || !pkg.version) return undefined;
  const repository = repositoryUrl(pkg);
  const licenseText = readLicenseText(dir);
  return {
    name: pkg.name,
    version: pkg.version,
    license: declaredLicense(pkg),
    ...(repository ? { repository } : {}),
    ...(licenseText ? { licenseText } : {}),
  };
}

/**
 * Every installed production package (not dev-only) and every bundled package, once per name and
 * version, sorted by name.
 */
export function collectThirdPartyPackages(projectDir: string, bundled: readonly BundledPackage[] = []): ThirdPartyPackage[] {
  const lock = JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, LockEntry> };
  const dirs = new Set<string>();
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    // "" is the project itself; dev and devOptional entries never ship whole; links are workspace folders.
    // Optional packages for other platforms are in the lockfile but not installed (readPackage skips them).
    if (location === '' || entry.dev || entry.devOptional || entry.link) continue;
    dirs.add(path.join(projectDir, location));
  }
  for (const { dir } of bundled) dirs.add(dir);
  const found = new Map<string, ThirdPartyPackage>();
  for (const dir of dirs) {
    const pkg = readPackage(dir);
    if (pkg && !found.has(`${pkg.name}@${pkg.version}`)) found.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** A package a bundle took modules from, and the folder they came from. */
export interface BundledPackage {
  name: string;
  version: string;
  dir: string;
}

/** Each bundle's packages, by bundle name (main, preload, renderer). */
export type BundledPackagesRecord = Record<string, BundledPackage[]>;

/**
 * The folder of the package a bundled module's id belongs to: what follows the last node_modules/
 * (so a nested copy is itself), one segment, or two for a scope. Undefined for the app's own modules
 * and virtual ones. Ids may carry a \0 prefix, a ?query and Windows separators.
 */
export function packageDirOf(moduleId: string): string | undefined {
  const id = moduleId.replace(/^\0/, '').replace(/\?.*$/, '').replaceAll('\\', '/');
  const marker = '/node_modules/';
  const at = id.lastIndexOf(marker);
  if (at === -1) return undefined;
  // Not .bin, .vite, .pnpm...: those are no package.
  const name = /^(@[^/.][^/]*\/[^/]+|[^/@.][^/]*)(\/|$)/.exec(id.slice(at + marker.length))?.[1];
  return name ? id.slice(0, at + marker.length + name.length) : undefined;
}

/** The packages among a bundle's module ids, once per folder, named and versioned by their package.json. */
export function bundledPackagesOf(moduleIds: Iterable<string>): BundledPackage[] {
  const dirs = new Set<string>();
  for (const id of moduleIds) {
    const dir = packageDirOf(id);
    if (dir) dirs.add(dir);
  }
  return [...dirs]
    .map((dir) => {
      const manifest = path.join(dir, 'package.json');
      const pkg = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson) : {};
      // The folder's name when the manifest has none: the package must still be named somewhere.
      const name = pkg.name ?? dir.slice(dir.lastIndexOf('/node_modules/') + '/node_modules/'.length);
      return { name, version: pkg.version ?? 'unknown', dir };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.dir.localeCompare(b.dir));
}

/** The record in `outDir`, empty when there is none yet (or it is damaged: the next build rewrites it). */
export function readBundledPackages(outDir: string): BundledPackagesRecord {
  try {
    const record = JSON.parse(readFileSync(path.join(outDir, BUNDLED_PACKAGES_FILE), 'utf8')) as unknown;
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as BundledPackagesRecord) : {};
  } catch {
    return {};
  }
}

/** Replaces one bundle's packages in the record, keeping the other bundles'; returns the whole record. */
export function recordBundledPackages(outDir: string, bundle: string, packages: BundledPackage[]): BundledPackagesRecord {
  const record = { ...readBundledPackages(outDir), [bundle]: packages };
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, BUNDLED_PACKAGES_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}

export interface AppIdentity {
  productName: string;
  version: string;
  license: string;
}

/** The notices file: a summary table, then each distinct license text once with the packages under it. */
export function renderThirdPartyLicenses(app: AppIdentity, packages: readonly ThirdPartyPackage[]): string {
  const rule = '='.repeat(78);
  const lines = [
    `${app.productName} ${app.version}: third-party software notices`,
    '',
    `${app.productName} itself is released under the ${app.license} license.`,
    `It includes the ${packages.length} open-source packages below, each under its own license.`,
    "The Electron runtime's own licenses (Electron and Chromium) are LICENSE and",
    "LICENSES.chromium.html next to the app's executable.",
    '',
    rule,
    'Packages',
    rule,
    ...packages.map((p) => `${p.name} ${p.version}  ${p.license}${p.repository ? `  ${p.repository}` : ''}`),
  ];

  const byText = new Map<string, ThirdPartyPackage[]>();
  const withoutText: ThirdPartyPackage[] = [];
  for (const p of packages) {
    if (!p.licenseText) {
      withoutText.push(p);
      continue;
    }
    byText.set(p.licenseText, [...(byText.get(p.licenseText) ?? []), p]);
  }
  for (const [text, group] of byText) {
    lines.push('', rule, ...group.map((p) => `${p.name} ${p.version}`), rule, '', text);
  }
  if (withoutText.length > 0) {
    lines.push('', rule, 'Packages that ship no license file (their declared license applies)', rule, ...withoutText.map((p) => `${p.name} ${p.version}  ${p.license}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the notices for the project at `projectDir` (its production dependencies and the `bundled`
 * packages) to `outFile`; returns how many packages it lists.
 */
export function writeThirdPartyLicenses(projectDir: string, outFile: string, bundled: readonly BundledPackage[] = []): number {
  const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as PackageJson & { productName?: string };
  const packages = collectThirdPartyPackages(projectDir, bundled);
  const text = renderThirdPartyLicenses(
    { productName: manifest.productName ?? manifest.name ?? 'This app', version: manifest.version ?? '0.0.0', license: declaredLicense(manifest) },
    packages,
  );
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return packages.length;
}

/**
 * For each bundle of the build (main, preload, renderer): records the packages in its module graph
 * (what it loaded and did not leave external: a module that tree-shaking empties still counts, and
 * so does a stylesheet), then rewrites out/THIRD_PARTY_LICENSES.txt with the production dependencies
 * and every bundle's recorded packages. Each bundle replaces only its own part of the record, so the
 * notices are whole after a full build whatever order the bundles are built in.
 */
export function thirdPartyLicensesPlugin(options: { projectDir: string; outDir: string; bundle: string }): Plugin {
  let moduleIds: string[] | undefined;
  return {
    name: 'recovery-desk-third-party-licenses',
    apply: 'build',
    buildStart() {
      moduleIds = undefined;
    },
    buildEnd(error) {
      if (error) return;
      // An external module has no code here: it loads from node_modules at run time, so it ships
      // as a production dependency (the lockfile part of the notices).
      moduleIds = [...this.getModuleIds()].filter((id) => (this.getModuleInfo(id)?.code ?? null) !== null);
    },
    closeBundle(error) {
      // A failed build keeps the last good record and notices.
      if (error || !moduleIds) return;
      const record = recordBundledPackages(options.outDir, options.bundle, bundledPackagesOf(moduleIds));
      writeThirdPartyLicenses(options.projectDir, path.join(options.outDir, THIRD_PARTY_LICENSES_FILE), Object.values(record).flat());
    },
  };
}
