import { parseArgs } from 'node:util';

export interface AuditVerifyCliOptions {
  dataDir?: string;
  help: boolean;
}

export const AUDIT_VERIFY_USAGE = `Usage: npm run audit:verify -- [--data-dir DIR]

Checks the hash chain of DIR/audit/audit-log.jsonl and prints "N records, chain intact", or the
line of the first record that was changed, removed or reordered.

  --data-dir DIR    the console's data folder (also RECOVERY_DESK_DATA_DIR; default: this user's)

Exit status: 0 intact, 1 the chain is broken or the log cannot be read, 2 bad arguments or no log there.`;

export class AuditVerifyCliError extends Error {}

/** Parses the verifier's arguments; throws AuditVerifyCliError with a message fit for the terminal. */
export function parseAuditVerifyArgs(argv: readonly string[]): AuditVerifyCliOptions {
  let values: { 'data-dir'?: string | undefined; help?: boolean | undefined };
  try {
    values = parseArgs({
      args: [...argv],
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new AuditVerifyCliError(`${error instanceof Error ? error.message : String(error)}\n\n${AUDIT_VERIFY_USAGE}`);
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new AuditVerifyCliError('--data-dir needs a folder.');
  return { ...(dataDir === undefined ? {} : { dataDir }), help: values.help === true };
}
