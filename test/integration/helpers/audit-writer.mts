import { openAuditLog } from '../../../electron/core/audit-log';
import type { AuditRecord } from '../../../shared/audit-record';

// Child process for the crash test: appends records as fast as it can and prints each id only
// after append() resolved, i.e. after the record was acknowledged as on disk.
const [path, prefix] = process.argv.slice(2);
if (!path || !prefix) throw new Error('usage: audit-writer <log path> <id prefix>');
const log = openAuditLog(path);

const record = (id: string): AuditRecord => ({
  v: 1,
  id,
  time: new Date().toISOString(),
  operator: { osUser: 'crash-test', displayName: 'Crash Test '.repeat(15) },
  connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
  userPoolId: 'us-east-1_AcmeStaff1',
  clientId: 'staffconsolepublic000001',
  username: 'alice.verified',
  action: 'ForgotPassword',
  outcome: 'success',
  outcomeCode: 'OK',
  ticket: 'HD-1',
});

for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  await log.append(record(id));
  process.stdout.write(`${id}\n`);
}
