import { readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { PolicyProblem } from '../../shared/errors';
import { Policy } from '../../shared/policy';

// The organization's policy file: found where the platform keeps machine-wide settings, read once at
// start (a change applies at the next start), and never ignored. A file that cannot be read, is not
// JSON or breaks a rule stops recovery actions, naming the key and what is wrong (fail closed).

/** What is wrong with the policy file, by key: the words are the page's (and describePolicyProblem's for the log). */
export type { PolicyProblem };

export type PolicyState =
  | { status: 'none' }
  | { status: 'active'; path: string; policy: Policy }
  | { status: 'invalid'; path: string; problems: PolicyProblem[] };

/** Where the machine-wide policy lives on each platform. */
export function machinePolicyPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  switch (platform) {
    case 'win32':
      return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Recovery Desk', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/Recovery Desk/policy.json';
    default:
      return '/etc/recovery-desk/policy.json';
  }
}

export interface PolicyLocation {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Tests only: the machine-wide file's place (by default the platform's). */
  machinePath?: string;
}

/**
 * The policy in force. The machine-wide file wins when it exists, so an operator cannot set
 * RECOVERY_DESK_POLICY_FILE to escape it; the variable names the file where there is none (a
 * deployment that keeps it elsewhere, the tests).
 */
export function loadPolicy({ platform = process.platform, env = process.env, machinePath = machinePolicyPath(platform, env) }: PolicyLocation = {}): PolicyState {
  const machine = readPolicyFile(machinePath, { requireAdminOwned: platform !== 'win32' });
  if (machine.status !== 'none') return machine;
  const named = env.RECOVERY_DESK_POLICY_FILE?.trim();
  return named ? readPolicyFile(named, { requireAdminOwned: false, mustExist: true }) : { status: 'none' };
}

/** Belongs to root and no one else may write to it. */
const adminOnly = (stat: Stats) => stat.uid === 0 && (stat.mode & 0o022) === 0;

interface ReadOptions {
  /** POSIX: the file and its folder must belong to root and be writable by no one else, or an operator could change it. */
  requireAdminOwned: boolean;
  /** A file named on purpose that is missing is a problem, not "no policy". */
  mustExist?: boolean;
}

function readPolicyFile(path: string, { requireAdminOwned, mustExist = false }: ReadOptions): PolicyState {
  let text: string;
  try {
    // The folder too: whoever can write to it can replace the file, or delete it and run with no policy.
    if (requireAdminOwned && [path, dirname(path)].some((place) => !adminOnly(statSync(place)))) {
      return { status: 'invalid', path, problems: [{ key: '', problem: 'writable-by-others' }] };
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'error';
    if (errno === 'ENOENT' && !mustExist) return { status: 'none' };
    return { status: 'invalid', path, problems: [{ key: '', problem: 'unreadable', errno }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { status: 'invalid', path, problems: [{ key: '', problem: 'not-json' }] };
  }
  const parsed = Policy.safeParse(raw);
  if (parsed.success) return { status: 'active', path, policy: parsed.data };
  return { status: 'invalid', path, problems: parsed.error.issues.flatMap(problemsOf) };
}

function problemsOf(issue: z.core.$ZodIssue): PolicyProblem[] {
  const key = issue.path.map(String).join('.');
  const at = (name: string) => (key ? `${key}.${name}` : name);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((name) => ({ key: at(name), problem: 'unknown-key' as const }));
    case 'invalid_type':
      return [{ key, problem: 'wrong-type' }];
    case 'custom':
      return [{ key, problem: key.endsWith('ticketPattern') ? 'invalid-pattern' : 'invalid-value' }];
    default:
      return [{ key, problem: 'invalid-value' }];
  }
}

/** A policy problem in English, for the diagnostic log and a terminal (the page words it in the operator's language). */
export function describePolicyProblem({ key, problem, errno }: PolicyProblem): string {
  const what = key ? `"${key}"` : 'the file';
  switch (problem) {
    case 'unreadable':
      return `The policy file could not be read (${errno ?? 'error'}).`;
    case 'not-json':
      return 'The policy file is not valid JSON.';
    case 'unknown-key':
      return `The policy has a key it does not know: ${what}.`;
    case 'wrong-type':
      return `The policy's ${what} has the wrong type.`;
    case 'invalid-pattern':
      return `The policy's ${what} is not a valid regular expression.`;
    case 'writable-by-others':
      return 'The policy file or its folder can be changed by users other than the administrator (both must belong to root and be writable by no one else).';
    default:
      return `The policy's ${what} has a value it does not accept.`;
  }
}
