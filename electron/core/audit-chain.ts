import { createHash } from 'node:crypto';
import { ChainedAuditRecord, type AuditEntry } from '../../shared/audit-record';

// The audit log's hash chain, one per file. A chained line is the JSON text
//   {"v":2,"seq":N,"prev":"<hash of the chained record before>",…the entry…,"hash":"<H>"}
// where H is the SHA-256 (lowercase hex) of the line's exact UTF-8 bytes without its closing
// `,"hash":"<H>"` member, i.e. of the text `{"v":2,…the entry…}` as the writer serialized it. No
// canonical JSON is needed: the bytes on disk are what is hashed. The first chained record of a
// file has seq 1 and prev CHAIN_START; each next one has seq + 1 and the previous one's hash.

/** The `prev` of a file's first chained record. */
export const CHAIN_START = '0'.repeat(64);

/** The chained record a new one continues from. */
export interface ChainLink {
  seq: number;
  hash: string;
}

const HASH_MEMBER_PREFIX = Buffer.from(',"hash":"');
// `,"hash":"` + 64 hex digits + `"}`
const HASH_MEMBER_BYTES = HASH_MEMBER_PREFIX.length + 64 + 2;
const CLOSING_BRACE = Buffer.from('}');

function sha256(...parts: Buffer[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The line (without its newline) that records `entry` after `previous` (none: the file's chain starts here). */
export function chainedLine(entry: AuditEntry, previous: ChainLink | undefined): { line: string; link: ChainLink } {
  const seq = (previous?.seq ?? 0) + 1;
  const body = JSON.stringify({ v: 2, seq, prev: previous?.hash ?? CHAIN_START, ...entry });
  const hash = sha256(Buffer.from(body, 'utf8'));
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}`, link: { seq, hash } };
}

/**
 * The hash a chained line's bytes call for: the SHA-256 of the line without its closing hash
 * member. Undefined when the line does not end with one (it cannot be a chained line as written).
 */
export function expectedLineHash(line: Buffer): string | undefined {
  const memberAt = line.length - HASH_MEMBER_BYTES;
  if (memberAt < 1 || !line.subarray(memberAt, memberAt + HASH_MEMBER_PREFIX.length).equals(HASH_MEMBER_PREFIX)) return undefined;
  if (line[line.length - 2] !== 0x22 || line[line.length - 1] !== 0x7d) return undefined; // `"}`
  return sha256(line.subarray(0, memberAt), CLOSING_BRACE);
}

const CHAINED_LINE_START = Buffer.from('{"v":2,');

/** The link a line offers to the next record: only a chained record's line does. */
export function chainLinkOf(line: Buffer): ChainLink | undefined {
  // Cheap test first: while a file is being searched for its last chained record, most lines are not.
  if (!line.subarray(0, CHAINED_LINE_START.length).equals(CHAINED_LINE_START)) return undefined;
  try {
    const record = ChainedAuditRecord.safeParse(JSON.parse(line.toString('utf8')));
    return record.success ? { seq: record.data.seq, hash: record.data.hash } : undefined;
  } catch {
    return undefined;
  }
}
