import { startDemoEmulator } from '../../../electron/emulator/index';

// Child process for the emulator crash test: the demo emulator on the given data folder, throttling
// off, printing its endpoint once it listens. The test ends it with SIGKILL or SIGTERM, mid-write.
//
// SIGTERM ends it at once (exit code 143), writes in flight abandoned, as the signal's default action
// would. The listener is installed for good: write-file-atomic's signal-exit adds a SIGTERM listener
// only while a write runs, and Node drops a signal caught while that listener was there but handled
// after it went (the write finished in between), so the process would live on. The app's own entry
// points (the CLI, the browser shell, Electron) all keep a SIGTERM handler of their own.
process.on('SIGTERM', () => process.exit(128 + 15));

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: demo-emulator-process <data dir>');
const emulator = await startDemoEmulator({ dataDir, throttling: false });
process.stdout.write(`${emulator.endpoint}\n`);
