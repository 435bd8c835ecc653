import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import yaml from 'js-yaml';
import plist from 'plist';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The packaging configuration, checked without building anything (npm run package:check builds
// and inspects a real package; the installers themselves are built by the release workflow).

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const fromRoot = (...parts: string[]) => path.join(root, ...parts);

const packageJson = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
  productName: string;
  main: string;
  desktopName: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: { extends: string };
};
const config = yaml.load(readFileSync(fromRoot('build/electron-builder.yml'), 'utf8')) as Configuration;
const fusesModule = require('../../build/fuses.cjs') as typeof import('../../build/fuses.cjs');
const fusesApi = require('@electron/fuses') as typeof import('@electron/fuses');

/** A platform's targets as { target: archs }. */
function targets(platform: { target?: unknown } | null | undefined): Record<string, string[]> {
  const list = (platform?.target ?? []) as (string | TargetConfiguration)[];
  return Object.fromEntries(list.map((entry) => (typeof entry === 'string' ? [entry, []] : [entry.target, (entry.arch ?? []) as string[]])));
}

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`).toBe(true);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('where electron-builder finds its configuration', () => {
  it('package.json extends build/electron-builder.yml, and the dist scripts use it', () => {
    expect(packageJson.build).toEqual({ extends: 'build/electron-builder.yml' });
    expect(packageJson.scripts['dist:win']).toMatch(/electron-builder --win\b/);
    expect(packageJson.scripts['dist:mac']).toMatch(/electron-builder --mac\b/);
    expect(packageJson.scripts['dist:linux']).toMatch(/electron-builder --linux\b/);
    for (const script of ['dist:win', 'dist:mac', 'dist:linux']) expect(packageJson.scripts[script]).toMatch(/^npm run build && .*--publish never$/);
    expect(packageJson.scripts.test).toMatch(/npm run build && npm run package:check/);
  });

  it('pins the packaging tools exactly, as devDependencies', () => {
    for (const name of ['electron-builder', '@electron/fuses', '@electron/asar', '@resvg/resvg-js', 'png2icons']) {
      expect(packageJson.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(packageJson.dependencies[name], name).toBeUndefined();
    }
  });
});

describe('build/electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('com.recoverydesk.console');
    expect(config.productName).toBe('Recovery Desk');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
  });

  it('packs into an asar, rebuilds nothing, publishes nothing, and flips the fuses after packing', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(fromRoot('build/after-pack.cjs'))).toBe(true);
    // The hook flips them: electron-builder's own electronFuses would fail on package:check's placeholder.
    expect(config.electronFuses).toBeUndefined();
  });

  it('ships only the build and package.json, with sources, tests, maps, secrets and data excluded', () => {
    const files = config.files as string[];
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['package.json', 'out/**/*', '**/{LICENSE,LICENCE,License,license,licence,COPYING,NOTICE}*.{md,markdown}']);
    for (const pattern of ['!**/*.map', '!**/*.{ts,tsx,mts,cts}', '!**/*.{md,markdown}', '!**/.env{,.*}', '!**/*.jsonl']) expect(files).toContain(pattern);
    const dataFolders = files.find((pattern) => pattern.startsWith('!**/{.recovery-desk'));
    expect(dataFolders).toMatch(/\.cognito/);
    // Exclusions come after the inclusions, so they win (electron-builder applies patterns in order).
    expect(files.indexOf('!**/.env{,.*}')).toBeGreaterThan(files.indexOf('out/**/*'));
    for (const source of ['electron', 'renderer', 'shared', 'test', 'scripts', 'src']) {
      expect(included.some((pattern) => pattern.startsWith(`${source}/`)), source).toBe(false);
    }
    for (const platform of [config.win, config.mac, config.linux]) expect(platform?.files).toBeUndefined();
  });

  it('registers no file associations and no protocols, on any platform', () => {
    for (const scope of [config, config.win, config.mac, config.linux] as Record<string, unknown>[]) {
      expect(scope.fileAssociations).toBeUndefined();
      expect(scope.protocols).toBeUndefined();
    }
  });

  it('Windows: NSIS installer (per user, folder can change) and portable, x64 and arm64', () => {
    expect(targets(config.win)).toEqual({ nsis: ['x64', 'arm64'], portable: ['x64', 'arm64'] });
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    // Signing comes from the environment (CSC_LINK...), never from the file.
    expect(config.win).not.toHaveProperty('cscLink');
    expect(config.win).not.toHaveProperty('certificatePassword');
  });

  it('macOS: dmg and zip, universal, hardened runtime, minimal entitlements, notarization from the environment', () => {
    expect(targets(config.mac)).toEqual({ dmg: ['universal'], zip: ['universal'] });
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe('build/entitlements.mac.inherit.plist');
    // true = notarize when APPLE_* credentials are in the environment, skip (with a warning) otherwise.
    expect(config.mac?.notarize).toBe(true);
    expect(config.mac).not.toHaveProperty('identity');
    expect(config.mac).not.toHaveProperty('cscLink');
  });

  it('Linux: AppImage, deb and rpm, with a category, maintainer and synopsis', () => {
    expect(targets(config.linux)).toEqual({ AppImage: ['x64'], deb: ['x64'], rpm: ['x64'] });
    expect(config.linux?.category).toMatch(/^(Office|Utility)$/);
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.linux?.executableName).toBe('recovery-desk');
    expect(config.linux?.icon).toBe('build/icons');
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(packageJson.desktopName).toBe('recovery-desk.desktop');
  });
});

describe('macOS entitlements', () => {
  for (const file of ['build/entitlements.mac.plist', 'build/entitlements.mac.inherit.plist']) {
    it(`${file} is a plist granting only JIT, which V8 needs under the hardened runtime`, () => {
      const parsed = plist.parse(readFileSync(fromRoot(file), 'utf8'));
      expect(parsed).toEqual({ 'com.apple.security.cs.allow-jit': true });
    });
  }
});

describe('icons', () => {
  it('build/icon.png is 1024×1024 and build/icons/ holds every Linux size up to 512', () => {
    expect(pngSize(fromRoot('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(fromRoot(`build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('build/icon.icns is an ICNS file with a 1024 px (512@2x) image', () => {
    const data = readFileSync(fromRoot('build/icon.icns'));
    expect(data.toString('ascii', 0, 4)).toBe('icns');
    expect(data.readUInt32BE(4)).toBe(data.length);
    const types: string[] = [];
    for (let offset = 8; offset < data.length; offset += data.readUInt32BE(offset + 4)) types.push(data.toString('ascii', offset, offset + 4));
    expect(types).toContain('ic10');
  });

  it('build/icon.ico is an ICO file with a 256 px image, as Windows installers require', () => {
    const data = readFileSync(fromRoot('build/icon.ico'));
    expect(data.readUInt16LE(0)).toBe(0);
    expect(data.readUInt16LE(2)).toBe(1);
    const count = data.readUInt16LE(4);
    // A width byte of 0 means 256.
    const widths = Array.from({ length: count }, (_, index) => data[6 + index * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });
});

describe('Electron fuses (build/fuses.cjs)', () => {
  it('turns off every way to run the binary as something else, and on the integrity checks', () => {
    expect(fusesModule.fuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: true,
    });
  });

  it('maps onto @electron/fuses, resetting the ad-hoc signature only where Apple silicon needs it', () => {
    const { FuseV1Options, FuseVersion } = fusesApi;
    const linux = fusesModule.fuseConfigFor(fusesApi, { platform: 'linux', arch: 'x64' });
    expect(linux).toMatchObject({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    expect(fusesModule.fuseConfigFor(fusesApi, { platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true);
    expect(fusesModule.fuseConfigFor(fusesApi, { platform: 'darwin', arch: 'universal' }).resetAdHocDarwinSignature).toBe(true);
    expect(fusesModule.fuseConfigFor(fusesApi, { platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false);
    expect(fusesModule.fuseConfigFor(fusesApi, { platform: 'win32', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('build/after-pack.cjs', () => {
  type AfterPack = (context: unknown) => Promise<void>;
  const afterPack = (require('../../build/after-pack.cjs') as { default: AfterPack }).default;
  const { Arch } = require('electron-builder') as typeof import('electron-builder');
  const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };
  let dir: string | undefined;

  afterEach(() => {
    vi.restoreAllMocks();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function linuxContext(appOutDir: string) {
    return { appOutDir, electronPlatformName: 'linux', arch: Arch.x64, packager: { executableName: 'recovery-desk', appInfo: { productFilename: 'Recovery Desk' } } };
  }

  it('skips the placeholder Electron with a log line instead of failing', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rd-after-pack-'));
    writeFileSync(path.join(dir, fusesModule.PLACEHOLDER_MARKER), '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack(linuxContext(dir));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('fuses: skipped, placeholder Electron'));
  });

  it('fails when the binary is missing', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rd-after-pack-'));
    await expect(afterPack(linuxContext(dir))).rejects.toThrow(/no Electron binary/);
  });

  it('flips the fuse wire of the packaged executable', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rd-after-pack-'));
    // A stand-in binary: Electron's fuse wire is the sentinel, a version, a length and one byte per fuse.
    const wireLength = Object.keys(fusesModule.fuses).length;
    const inherit = 0x90;
    const binary = Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, wireLength]), Buffer.alloc(wireLength, inherit), Buffer.from('…')]);
    writeFileSync(path.join(dir, 'recovery-desk'), binary);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack(linuxContext(dir));
    const wire = await fusesApi.getCurrentFuseWire(path.join(dir, 'recovery-desk'));
    const on = 0x31;
    const off = 0x30;
    const { FuseV1Options } = fusesApi;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });
});

describe('.github/workflows/release.yml', () => {
  const text = readFileSync(fromRoot('.github/workflows/release.yml'), 'utf8');
  const workflow = yaml.load(text) as {
    on: { push: { tags: string[] }; workflow_dispatch: unknown };
    jobs: Record<string, { 'runs-on': string; needs?: string; strategy?: { matrix: { include: { os: string; dist: string }[] } }; steps: { uses?: string; run?: string }[] }>;
  };

  it('runs on version tags and by hand', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it("tests on Linux, then builds each OS's installers on that OS with its dist script", () => {
    expect(workflow.jobs.test?.steps.some((step) => step.run?.includes('npm test'))).toBe(true);
    const packaging = workflow.jobs.package;
    expect(packaging?.needs).toBe('test');
    expect(packaging?.strategy?.matrix.include).toEqual([
      { os: 'windows-latest', dist: 'dist:win' },
      { os: 'macos-latest', dist: 'dist:mac' },
      { os: 'ubuntu-latest', dist: 'dist:linux' },
    ]);
    for (const { dist } of packaging?.strategy?.matrix.include ?? []) expect(packageJson.scripts[dist]).toBeDefined();
  });

  it("uses only GitHub's own actions and names no other host", () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses).filter(Boolean));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
    expect(text).not.toMatch(/https?:\/\//);
  });
});
