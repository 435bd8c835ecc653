import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectThirdPartyPackages, renderThirdPartyLicenses, type ThirdPartyPackage } from '../../scripts/third-party-licenses';

const projectDir = path.resolve(__dirname, '../..');

describe('collectThirdPartyPackages', () => {
  // The project's own lockfile and node_modules: what the build really lists.
  const packages = collectThirdPartyPackages(projectDir);
  const byName = new Map(packages.map((p) => [p.name, p]));

  it('lists production dependencies, with their declared license and license text', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies)) expect(byName.has(name), name).toBe(true);
    expect(byName.get('react')).toMatchObject({ license: 'MIT', licenseText: expect.stringMatching(/Permission is hereby granted/) });
    expect(byName.get('zod')?.license).toBe('MIT');
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
