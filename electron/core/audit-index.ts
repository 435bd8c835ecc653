import type { FileHandle } from 'node:fs/promises';
import { AuditAction, AuditOutcome, type AuditRecord } from '../../shared/audit-record';
import type { ParsedRequestOf } from '../../shared/contract';
import { readAuditLines, type AuditLine, type LineLocation } from './audit-log';

export type AuditFilters = Omit<ParsedRequestOf<'audit:list'>, 'limit' | 'offset'>;

/** Whose codes to count: one user of one pool through one connection. */
export interface CodeRecipient {
  connectionId: string;
  userPoolId: string;
  username: string;
}

// Records are appended in time order, but two consoles on one log (or a clock corrected by a few
// seconds) can write slightly out of order: counting back stops only this far past the boundary.
const OUT_OF_ORDER_SLACK_MS = 5 * 60 * 1000;
const INITIAL_CAPACITY = 1024;

const OUTCOMES = AuditOutcome.options;
const ACTIONS = AuditAction.options;
const FORGOT_PASSWORD = ACTIONS.indexOf('ForgotPassword');
const SUCCESS = OUTCOMES.indexOf('success');
const UNKNOWN = OUTCOMES.indexOf('unknown');

/** Each distinct string once, by number, so filters test a string once however many records share it. */
class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly lowerCase: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  /** Per id, 1 when its string contains `text`, ignoring case. */
  containing(text: string): Uint8Array {
    const needle = text.toLocaleLowerCase();
    const hits = new Uint8Array(this.values.length);
    this.values.forEach((value, id) => {
      const lower = (this.lowerCase[id] ??= value.toLocaleLowerCase());
      if (lower.includes(needle)) hits[id] = 1;
    });
    return hits;
  }
}

/**
 * What the audit trail knows of each record without reading it again: where its line lies, its
 * time, outcome and action, and its connection, pool, user and operator as string-table ids, in
 * typed arrays (about 40 bytes a record). Filters run here; only a page's lines are read back.
 * Positions are in file order, oldest first.
 */
export class AuditIndex {
  /** Records indexed. */
  count = 0;
  /** Byte offset just past the last whole line indexed. */
  end = 0;
  /** Whether bytes after `end` are not yet a whole line (reported as damaged until they are). */
  private unfinished = false;
  private lines = 0;
  private readonly damaged: number[] = [];
  private readonly strings = new StringTable();
  private offsets = new Float64Array(INITIAL_CAPACITY);
  private lengths = new Uint32Array(INITIAL_CAPACITY);
  private times = new Float64Array(INITIAL_CAPACITY);
  private outcomes = new Uint8Array(INITIAL_CAPACITY);
  private actions = new Uint8Array(INITIAL_CAPACITY);
  private connections = new Uint32Array(INITIAL_CAPACITY);
  private pools = new Uint32Array(INITIAL_CAPACITY);
  private usernames = new Uint32Array(INITIAL_CAPACITY);
  private osUsers = new Uint32Array(INITIAL_CAPACITY);
  private displayNames = new Uint32Array(INITIAL_CAPACITY);

  /** @param fileId the inode indexed, so a replaced file is noticed. */
  constructor(readonly fileId: number) {}

  /** Indexes the whole lines the file has gained past `end`, up to `size` (nothing to read when it has not grown). */
  async extend(file: FileHandle, size: number): Promise<void> {
    const read = await readAuditLines(file, this.end, size, (line) => this.add(line));
    this.end = read.end;
    this.unfinished = read.unfinished;
  }

  /** 1-based numbers of the lines that are not a valid record, an unfinished last line included. */
  damagedLines(): number[] {
    return this.unfinished ? [...this.damaged, this.lines + 1] : [...this.damaged];
  }

  /** Of the first `count` records (those indexed when the caller looked), the positions of those that pass the filters, newest first. */
  matching(filters: AuditFilters, count = this.count): Uint32Array {
    const from = filters.from ? Date.parse(filters.from) : Number.NEGATIVE_INFINITY;
    const to = filters.to ? Date.parse(filters.to) : Number.POSITIVE_INFINITY;
    const outcome = filters.outcome ? OUTCOMES.indexOf(filters.outcome) : -1;
    const users = filters.username ? this.strings.containing(filters.username) : undefined;
    const operators = filters.operator ? this.strings.containing(filters.operator) : undefined;
    const found = new Uint32Array(count);
    let total = 0;
    for (let i = count - 1; i >= 0; i--) {
      const time = this.times[i] ?? Number.NaN;
      if (time < from || time > to) continue;
      if (outcome >= 0 && this.outcomes[i] !== outcome) continue;
      if (users && !users[this.usernames[i] ?? -1]) continue;
      if (operators && !operators[this.osUsers[i] ?? -1] && !operators[this.displayNames[i] ?? -1]) continue;
      found[total++] = i;
    }
    return found.subarray(0, total);
  }

  location(position: number): LineLocation {
    return { offset: this.offsets[position] ?? 0, length: this.lengths[position] ?? 0 };
  }

  /** Whether a record read back at this position is still the one indexed there (the file was not rewritten in place). */
  describes(position: number, record: AuditRecord): boolean {
    return (
      Object.is(this.times[position], Date.parse(record.time)) &&
      this.outcomes[position] === OUTCOMES.indexOf(record.outcome) &&
      this.actions[position] === ACTIONS.indexOf(record.action) &&
      this.usernames[position] === this.strings.find(record.username)
    );
  }

  /**
   * ForgotPassword requests for one user at or after `since`, counted from the newest back until
   * the records are older than `since`: the cost depends on the day's records, not the log's size.
   */
  codesSince({ connectionId, userPoolId, username }: CodeRecipient, since: number, count = this.count): { sent: number; unknown: number } {
    const codes = { sent: 0, unknown: 0 };
    const [connection, pool, user] = [connectionId, userPoolId, username].map((value) => this.strings.find(value));
    if (connection === undefined || pool === undefined || user === undefined) return codes;
    const stopBefore = since - OUT_OF_ORDER_SLACK_MS;
    for (let i = count - 1; i >= 0; i--) {
      const time = this.times[i] ?? Number.NaN;
      if (time < stopBefore) break;
      if (!(time >= since) || this.actions[i] !== FORGOT_PASSWORD) continue;
      if (this.usernames[i] !== user || this.pools[i] !== pool || this.connections[i] !== connection) continue;
      if (this.outcomes[i] === SUCCESS) codes.sent++;
      else if (this.outcomes[i] === UNKNOWN) codes.unknown++;
    }
    return codes;
  }

  private add(line: AuditLine): void {
    this.lines++;
    if (line.kind === 'damaged') this.damaged.push(this.lines);
    if (line.kind !== 'record') return;
    if (this.count === this.offsets.length) this.grow();
    const { record } = line;
    const i = this.count++;
    this.offsets[i] = line.offset;
    this.lengths[i] = line.length;
    this.times[i] = Date.parse(record.time);
    this.outcomes[i] = OUTCOMES.indexOf(record.outcome);
    this.actions[i] = ACTIONS.indexOf(record.action);
    this.connections[i] = this.strings.id(record.connection.id);
    this.pools[i] = this.strings.id(record.userPoolId);
    this.usernames[i] = this.strings.id(record.username);
    this.osUsers[i] = this.strings.id(record.operator.osUser);
    this.displayNames[i] = this.strings.id(record.operator.displayName ?? '');
  }

  private grow(): void {
    const capacity = this.offsets.length * 2;
    this.offsets = grown(this.offsets, new Float64Array(capacity));
    this.lengths = grown(this.lengths, new Uint32Array(capacity));
    this.times = grown(this.times, new Float64Array(capacity));
    this.outcomes = grown(this.outcomes, new Uint8Array(capacity));
    this.actions = grown(this.actions, new Uint8Array(capacity));
    this.connections = grown(this.connections, new Uint32Array(capacity));
    this.pools = grown(this.pools, new Uint32Array(capacity));
    this.usernames = grown(this.usernames, new Uint32Array(capacity));
    this.osUsers = grown(this.osUsers, new Uint32Array(capacity));
    this.displayNames = grown(this.displayNames, new Uint32Array(capacity));
  }
}

function grown<T extends Float64Array | Uint32Array | Uint8Array>(column: T, larger: T): T {
  larger.set(column);
  return larger;
}
