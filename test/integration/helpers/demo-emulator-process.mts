import { startDemoEmulator } from '../../../electron/emulator/index';

// Child process for the emulator crash test: the demo emulator on the given data folder, throttling
// off, printing its endpoint once it listens. The test ends it with SIGKILL or SIGTERM.
const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: demo-emulator-process <data dir>');
const emulator = await startDemoEmulator({ dataDir, throttling: false });
process.stdout.write(`${emulator.endpoint}\n`);
