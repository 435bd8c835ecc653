// `npm run emulator -- [--port N] [--data-dir DIR] [--no-throttling] [--users N]`: the demo emulator alone, on
// 127.0.0.1:9229 by default, for the AWS CLI or any SDK (--endpoint-url).
import { emulatorEntry, ensureBuilt, runForwarding } from './run-node.mjs';

ensureBuilt([emulatorEntry]);
runForwarding(process.execPath, [emulatorEntry, ...process.argv.slice(2)]);
