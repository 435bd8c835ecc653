// `npm run audit:verify -- [--data-dir DIR]`: checks the audit log's hash chain; exits 0 when it is
// intact, 1 when it is broken, 2 on bad arguments.
import { auditVerifyEntry, ensureBuilt, runForwarding } from './run-node.mjs';

ensureBuilt([auditVerifyEntry]);
runForwarding(process.execPath, [auditVerifyEntry, ...process.argv.slice(2)]);
