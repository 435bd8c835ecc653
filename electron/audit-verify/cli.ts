import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditChainReport } from '../../shared/audit-record';
import { AUDIT_LOG_PATH } from '../core/audit-log';
import { verifyAuditLog } from '../core/audit-verify';
import { defaultDataDir, resolveDataDir } from '../core/data-dir';
import { AUDIT_VERIFY_USAGE, AuditVerifyCliError, parseAuditVerifyArgs } from './cli-args';

// `npm run audit:verify`: checks the audit log's hash chain from a terminal, without the console.
// Built to out/main/audit-verify.js. Plain Node, no Electron.

const BROKEN: Record<NonNullable<AuditChainReport['problem']>['kind'], string> = {
  changed: 'the record there was changed',
  removed: 'a record before it was removed',
  reordered: 'records are out of order from there',
};

/** What the terminal shows, and whether the chain holds. */
function describeReport(report: AuditChainReport): { lines: string[]; intact: boolean } {
  const lines: string[] = [];
  if (report.problem) {
    lines.push(`Chain broken at line ${report.problem.line}: ${BROKEN[report.problem.kind]}.`);
    lines.push('Keep the file as it is and compare it with the central copy of the audit trail, if your organization keeps one.');
  } else {
    lines.push(`${report.records} ${report.records === 1 ? 'record' : 'records'}, chain intact`);
  }
  if (report.unchained > 0) {
    lines.push(`The first ${report.unchained} ${report.unchained === 1 ? 'record was' : 'records were'} written before the chain began and ${report.unchained === 1 ? 'is' : 'are'} not covered by it.`);
  }
  if (report.damagedLines.length > 0) {
    lines.push(`Damaged lines skipped (torn by a crash, outside the chain): ${report.damagedLines.join(', ')}`);
  }
  return { lines, intact: !report.problem };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseAuditVerifyArgs(argv);
  if (options.help) {
    process.stdout.write(`${AUDIT_VERIFY_USAGE}\n`);
    return 0;
  }
  const dataDir = resolveDataDir({
    flag: options.dataDir,
    env: process.env,
    fallback: defaultDataDir({ platform: process.platform, env: process.env, homeDir: os.homedir() }),
    cwd: process.cwd(),
  });
  const logPath = path.join(dataDir, AUDIT_LOG_PATH);
  if (!existsSync(dataDir)) throw new AuditVerifyCliError(`There is no folder ${dataDir}.`);
  if (!existsSync(logPath)) throw new AuditVerifyCliError(`There is no audit log in ${dataDir} (looked for ${logPath}).`);
  let report: AuditChainReport;
  try {
    report = await verifyAuditLog(logPath);
  } catch (error) {
    process.stderr.write(`Could not read ${logPath}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { lines, intact } = describeReport(report);
  process.stdout.write(`${lines.join('\n')}\n`);
  return intact ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AuditVerifyCliError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`The audit log could not be verified: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
