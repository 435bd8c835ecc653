// `npm start` (after `npm run build`): the desktop app when Electron's binary is installed,
// otherwise the browser shell with the same arguments.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureBuilt, projectDir, runForwarding, webEntry } from './run-node.mjs';

/**
 * Mirrors node_modules/electron/index.js without its side effect: requiring that module
 * starts a download when the binary is missing, which hangs or fails offline.
 */
function findElectronBinary() {
  let electronDir;
  try {
    electronDir = path.dirname(createRequire(path.join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative || 'electron')
    : relative
      ? path.join(electronDir, 'dist', relative)
      : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

const args = process.argv.slice(2);
const electron = findElectronBinary();
if (electron) {
  runForwarding(electron, [projectDir, ...args]);
} else {
  // stderr, so stdout keeps exactly the browser shell's one "running at" line.
  process.stderr.write(
    'Electron binary not found (install without ELECTRON_SKIP_BINARY_DOWNLOAD to get it); starting the browser shell instead.\n',
  );
  ensureBuilt();
  runForwarding(process.execPath, [webEntry, ...args]);
}
