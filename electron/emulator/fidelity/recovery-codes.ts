import { randomInt } from 'node:crypto';
import type { EmulatorClock } from '../clock';
import { sameText } from './same-text';

// The password-reset codes the layer issues, and the per-user attempt counters. In memory only:
// restarting the emulator invalidates every outstanding code, as if it had expired (the inbox keeps
// the message; ConfirmForgotPassword then answers ExpiredCode).

/** Cognito's documented validity for a ForgotPassword code. */
export const CODE_VALIDITY_MS = 60 * 60 * 1000;

/** Attempt limits count within a rolling hour per user (AWS: "in a given hour"). */
export const ATTEMPT_WINDOW_MS = 60 * 60 * 1000;

/**
 * AWS allows "between 5 and 20" code requests per user per hour, depending on the risk it sees, and
 * does not publish the exact number. The emulator uses the strictest end so a console that copes
 * here copes everywhere: the 6th ForgotPassword within the hour gets LimitExceededException.
 */
export const MAX_CODE_REQUESTS_PER_WINDOW = 5;

/**
 * The same range covers code entries. Public reports (Amplify's Authenticator maintainers among them)
 * show five CodeMismatchException answers, then LimitExceededException; so the 6th
 * ConfirmForgotPassword after 5 wrong codes within the hour is refused, whatever the code.
 */
export const MAX_WRONG_CODES_PER_WINDOW = 5;

export type CodeCheck = 'valid' | 'mismatch' | 'expired';

interface IssuedCode {
  code: string;
  expiresAt: number;
}

/** One user in one pool: codes and limits are per user, whichever app client asked. */
export function userKey(poolId: string, username: string): string {
  return `${poolId}\u0000${username}`;
}

export class RecoveryCodes {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly requests = new Map<string, number[]>();
  private readonly wrongCodes = new Map<string, number[]>();

  constructor(private readonly clock: EmulatorClock) {}

  /** A new 6-digit code; it replaces the user's previous one, which stops working at once. */
  issue(key: string): { code: string; expiresAt: Date } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = this.clock.now() + CODE_VALIDITY_MS;
    this.codes.set(key, { code, expiresAt });
    return { code, expiresAt: new Date(expiresAt) };
  }

  /**
   * 'expired' when no code is live (never requested, already used, or past its hour): real Cognito
   * says ExpiredCode for all three. A superseded code is 'mismatch': the user has a live code and
   * this is not it (CodeMismatch is also what Cognito answers for a stale code in public reports).
   */
  check(key: string, code: string): CodeCheck {
    const issued = this.codes.get(key);
    if (!issued || issued.expiresAt <= this.clock.now()) return 'expired';
    return sameText(issued.code, code) ? 'valid' : 'mismatch';
  }

  consume(key: string): void {
    this.codes.delete(key);
  }

  /** How many code requests (sent or simulated) the user made in the window. */
  recentRequests(key: string): number {
    return this.recent(this.requests, key).length;
  }

  recordRequest(key: string): void {
    this.requests.set(key, [...this.recent(this.requests, key), this.clock.now()]);
  }

  recentWrongCodes(key: string): number {
    return this.recent(this.wrongCodes, key).length;
  }

  recordWrongCode(key: string): void {
    this.wrongCodes.set(key, [...this.recent(this.wrongCodes, key), this.clock.now()]);
  }

  /** A successful reset proves the user has the code; earlier typos no longer count against them. */
  clearWrongCodes(key: string): void {
    this.wrongCodes.delete(key);
  }

  private recent(log: Map<string, number[]>, key: string): number[] {
    const since = this.clock.now() - ATTEMPT_WINDOW_MS;
    const kept = (log.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) log.delete(key);
    else log.set(key, kept);
    return kept;
  }
}
