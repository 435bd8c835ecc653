// electron-builder afterPack hook: flips the Electron fuses (build/fuses.cjs) in the packaged
// binary. afterPack runs before electron-builder signs anything, so the signature covers the
// flipped binary. For a universal macOS build it runs on each architecture's app and again on the
// merged one; flipping is idempotent.
'use strict';

const { existsSync } = require('node:fs');
const path = require('node:path');
const { fuseConfigFor, PLACEHOLDER_MARKER } = require('./fuses.cjs');

/** @param {import('electron-builder').AfterPackContext} context */
exports.default = async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform } = context;
  const arch = archName(context.arch);

  if (existsSync(path.join(appOutDir, PLACEHOLDER_MARKER))) {
    console.log(`  • fuses: skipped, placeholder Electron (no binary to flip) in ${appOutDir}`);
    return;
  }

  const binary = electronBinary(context);
  if (!existsSync(binary)) throw new Error(`fuses: no Electron binary at ${binary}`);
  const api = require('@electron/fuses');
  await api.flipFuses(binary, fuseConfigFor(api, { platform, arch }));
  console.log(`  • fuses: flipped in ${binary} (${platform} ${arch})`);
};

/** The path @electron/fuses expects: the .app on macOS, the executable elsewhere. */
function electronBinary({ appOutDir, electronPlatformName: platform, packager }) {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (platform === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** electron-builder's Arch enum value as its name (x64, arm64, universal...). */
function archName(arch) {
  const { Arch } = require('electron-builder');
  return Arch[arch];
}
