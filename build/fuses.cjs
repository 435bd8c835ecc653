// Electron fuses: switches compiled into the Electron binary, flipped at packaging by
// build/after-pack.cjs. Unlike command-line flags or environment variables, nobody can turn them
// back on without changing the binary, which breaks its signature. Kept as data so a unit test can
// check every value without an Electron binary. Names are @electron/fuses' FuseV1Options.
'use strict';

/** @type {Readonly<Record<string, boolean>>} */
const fuses = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js interpreter.
  RunAsNode: false,
  // Cookies and other Chromium storage encrypted at rest with an OS-protected key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could inject code (--require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger into the process that holds AWS credentials.
  EnableNodeCliInspectArguments: false,
  // macOS and Windows refuse to start if app.asar differs from the hash embedded at packaging
  // (electron-builder embeds it; Linux does not support the check and ignores the fuse).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no loose resources/app folder can take its place.
  OnlyLoadAppFromAsar: true,
  // Not used by the app: Electron's default (off).
  LoadBrowserProcessSpecificV8Snapshot: false,
  // Stays on (Electron's default): the window loads the built index.html over file://, and its
  // module scripts need file:// to keep the privileges Electron grants it.
  GrantFileProtocolExtraPrivileges: true,
});

/** Left in place by scripts/package-check.mjs's stand-in Electron: no binary to flip. */
const PLACEHOLDER_MARKER = 'RECOVERY-DESK-PLACEHOLDER-ELECTRON';

/**
 * The @electron/fuses configuration for one packaged app.
 * @param {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, number | string> }} api the @electron/fuses module
 * @param {{ platform: string, arch: string }} target electron platform name and arch name
 */
function fuseConfigFor(api, target) {
  const config = {
    version: api.FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature Apple silicon requires of every binary:
    // sign again (ad hoc), so an unsigned build still starts. A real identity signs afterwards.
    resetAdHocDarwinSignature: target.platform === 'darwin' && (target.arch === 'arm64' || target.arch === 'universal'),
  };
  for (const [name, value] of Object.entries(fuses)) {
    const index = api.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}`);
    config[index] = value;
  }
  return config;
}

module.exports = { fuses, fuseConfigFor, PLACEHOLDER_MARKER };
