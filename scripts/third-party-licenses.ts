import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Builds out/THIRD_PARTY_LICENSES.txt (electron.vite.config.ts runs it after every build): every
// production dependency installed, its declared license and its license file's text, from the
// lockfile and the packages' own files. No network, no dependency of its own.

export const THIRD_PARTY_LICENSES_FILE = 'THIRD_PARTY_LICENSES.txt';

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

/** Every installed production package (not dev-only), once per name and version, sorted by name. */
export function collectThirdPartyPackages(projectDir: string): ThirdPartyPackage[] {
  const lock = JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, LockEntry> };
  const found = new Map<string, ThirdPartyPackage>();
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    // "" is the project itself; dev and devOptional entries never ship; links are workspace folders.
    if (location === '' || entry.dev || entry.devOptional || entry.link) continue;
    const dir = path.join(projectDir, location);
    const manifest = path.join(dir, 'package.json');
    // Optional packages for other platforms are in the lockfile but not installed, so not shipped.
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
    if (!pkg.name || !pkg.version) continue;
    const key = `${pkg.name}@${pkg.version}`;
    if (found.has(key)) continue;
    const repository = repositoryUrl(pkg);
    const licenseText = readLicenseText(dir);
    found.set(key, {
      name: pkg.name,
      version: pkg.version,
      license: declaredLicense(pkg),
      ...(repository ? { repository } : {}),
      ...(licenseText ? { licenseText } : {}),
    });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
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

/** Writes the notices for the project at `projectDir` to `outFile`; returns how many packages it lists. */
export function writeThirdPartyLicenses(projectDir: string, outFile: string): number {
  const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as PackageJson & { productName?: string };
  const packages = collectThirdPartyPackages(projectDir);
  const text = renderThirdPartyLicenses(
    { productName: manifest.productName ?? manifest.name ?? 'This app', version: manifest.version ?? '0.0.0', license: declaredLicense(manifest) },
    packages,
  );
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return packages.length;
}
