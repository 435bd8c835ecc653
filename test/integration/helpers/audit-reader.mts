import { openAuditTrail } from '../../../electron/core/audit-trail';

// Child process for the memory test: answers what the audit view and the verdict ask of a log,
// under whatever heap limit the parent started it with, and prints the answers as JSON.
const [path, username] = process.argv.slice(2);
if (!path || !username) throw new Error('usage: audit-reader <log path> <username>');
const trail = openAuditTrail(path);
const firstPage = await trail.list({ limit: 200, offset: 0 });
const userPage = await trail.list({ limit: 200, offset: 0, username });
const codesToday = await trail.codesSentToday('demo', 'us-east-1_AcmeStaff1', username);
const userExport = await trail.export({ format: 'json', username });
await trail.close();
process.stdout.write(
  JSON.stringify({
    total: firstPage.total,
    newest: firstPage.records[0]?.id,
    pageSize: firstPage.records.length,
    userTotal: userPage.total,
    codesToday,
    exported: userExport.count,
    damagedLines: firstPage.damagedLines,
  }),
);
