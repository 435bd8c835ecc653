import { openAuditLog } from '../../../electron/core/audit-log';
import { auditEntry } from './audit-log-fixture';

// Child process for the crash test: appends records as fast as it can and prints each id only
// after append() resolved, i.e. after the record was acknowledged as on disk.
const [path, prefix] = process.argv.slice(2);
if (!path || !prefix) throw new Error('usage: audit-writer <log path> <id prefix>');
const log = openAuditLog(path);

const record = (id: string) =>
  auditEntry({ id, operator: { osUser: 'crash-test', displayName: 'Crash Test '.repeat(15) }, clientId: 'staffconsolepublic000001', ticket: 'HD-1' });

for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  await log.append(record(id));
  process.stdout.write(`${id}\n`);
}
