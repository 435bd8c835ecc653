// `npm run web -- [--port N] [--no-open] [--data-dir DIR]`: the browser shell (no Electron needed).
import { ensureBuilt, runForwarding, webEntry } from './run-node.mjs';

ensureBuilt();
runForwarding(process.execPath, [webEntry, ...process.argv.slice(2)]);
