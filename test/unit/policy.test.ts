import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePolicyProblem, loadPolicy, machinePolicyPath } from '../../electron/core/policy';
import { AssumeRole } from '../../shared/connection-fields';
import { CloudWatchLogsAudit, Policy, PolicyConnection, ticketMatches } from '../../shared/policy';

// The organization's policy file: found where each platform keeps machine-wide settings, every key
// checked, and a bad file refused key by key (the console then refuses recovery actions).

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The example policy in the README's section for IT administrators: its first JSON block. */
function readmeExample(): Policy {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For IT administrators'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block?.[1]) throw new Error('The README has no example policy.');
  return Policy.parse(JSON.parse(block[1]));
}

/** Every key path in `value`, array items under their array's path ("connections.name"). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

/** Loads `content` as the file RECOVERY_DESK_POLICY_FILE names, with no machine-wide file. */
function load(content: unknown) {
  const file = join(dir, 'policy.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return loadPolicy({ platform: 'linux', env: { RECOVERY_DESK_POLICY_FILE: file }, machinePath: join(dir, 'none', 'policy.json') });
}

describe('where the policy is', () => {
  it('is the platform\'s machine-wide place', () => {
    expect(machinePolicyPath('linux')).toBe('/etc/recovery-desk/policy.json');
    expect(machinePolicyPath('darwin')).toBe('/Library/Application Support/Recovery Desk/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(join('D:\\ProgramData', 'Recovery Desk', 'policy.json'));
  });

  it('is none when there is no file and no variable', () => {
    expect(loadPolicy({ platform: 'linux', env: {}, machinePath: join(dir, 'policy.json') })).toEqual({ status: 'none' });
  });

  it('is the machine-wide file when there is one, whatever the variable names (an operator cannot swap it)', () => {
    const machine = join(dir, 'machine.json');
    writeFileSync(machine, JSON.stringify({ demo: false }));
    const mine = join(dir, 'mine.json');
    writeFileSync(mine, JSON.stringify({}));
    expect(loadPolicy({ platform: 'win32', env: { RECOVERY_DESK_POLICY_FILE: mine }, machinePath: machine })).toEqual({ status: 'active', path: machine, policy: { demo: false } });
  });

  it('refuses a machine-wide file others could change (POSIX): it must be root\'s and writable by no one else', () => {
    const machine = join(dir, 'machine.json');
    writeFileSync(machine, JSON.stringify({ demo: false }));
    chmodSync(machine, 0o666);
    expect(loadPolicy({ platform: 'linux', env: {}, machinePath: machine })).toEqual({ status: 'invalid', path: machine, problems: [{ key: '', problem: 'writable-by-others' }] });
  });

  // Only root can make a root-owned file to start from: skipped when the tests run as another user.
  it.skipIf(process.getuid?.() !== 0)('refuses a machine-wide file in a folder others can write to (POSIX, run as root): they could replace or delete it', () => {
    const folder = join(dir, 'open-folder');
    mkdirSync(folder);
    const machine = join(folder, 'policy.json');
    writeFileSync(machine, JSON.stringify({ demo: false }));
    chmodSync(machine, 0o644);
    expect(loadPolicy({ platform: 'linux', env: {}, machinePath: machine })).toEqual({ status: 'active', path: machine, policy: { demo: false } });
    chmodSync(folder, 0o777);
    expect(loadPolicy({ platform: 'linux', env: {}, machinePath: machine })).toEqual({ status: 'invalid', path: machine, problems: [{ key: '', problem: 'writable-by-others' }] });
  });

  it('a file the variable names that is missing is a problem, not "no policy"', () => {
    const missing = join(dir, 'missing.json');
    expect(loadPolicy({ platform: 'linux', env: { RECOVERY_DESK_POLICY_FILE: missing }, machinePath: join(dir, 'none.json') })).toEqual({
      status: 'invalid',
      path: missing,
      problems: [{ key: '', problem: 'unreadable', errno: 'ENOENT' }],
    });
  });
});

describe('a policy file', () => {
  it('takes the README\'s example, which sets every key there is', () => {
    const example = readmeExample();
    expect(load(example)).toMatchObject({ status: 'active', policy: example });
    // Every key, nested ones included, appears in it: an administrator copies it to start from.
    const keys = new Set(keyPaths(example));
    const schemaKeys = [
      ...Object.keys(Policy.shape),
      ...Object.keys(Policy.shape.callerVerification.unwrap().shape).map((key) => `callerVerification.${key}`),
      ...Object.keys(PolicyConnection.shape).map((key) => `connections.${key}`),
      ...Object.keys(AssumeRole.shape).map((key) => `connections.assumeRole.${key}`),
      ...Object.keys(CloudWatchLogsAudit.shape).map((key) => `audit.cloudWatchLogs.${key}`),
    ];
    expect(schemaKeys.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('matches tickets as the README says its example pattern does', () => {
    const pattern = readmeExample().ticketPattern ?? '';
    expect(ticketMatches(pattern, 'INC-004711')).toBe(true);
    expect(ticketMatches(pattern, 'XINC-004711')).toBe(false);
    expect(ticketMatches(pattern, 'INC-4711 and more')).toBe(false);
  });

  it.each([
    ['an unknown key', { requireTickets: true }, [{ key: 'requireTickets', problem: 'unknown-key' }]],
    ['an unknown nested key', { audit: { cloudWatchLogs: { region: 'eu-west-1', logGroupName: 'g', stream: 'x' } } }, [{ key: 'audit.cloudWatchLogs.stream', problem: 'unknown-key' }]],
    ['a wrong type', { requireTicket: 'yes' }, [{ key: 'requireTicket', problem: 'wrong-type' }]],
    ['an invalid regular expression', { ticketPattern: '^INC-(\\d+$' }, [{ key: 'ticketPattern', problem: 'invalid-pattern' }]],
    ['an action that does not exist', { allowedActions: ['forgotPassword', 'deleteUser'] }, [{ key: 'allowedActions.1', problem: 'invalid-value' }]],
    ['required verification without checks', { callerVerification: { required: true } }, [{ key: 'callerVerification.checks', problem: 'invalid-value' }]],
    ['a preset connection in a region that is none', { connections: [{ name: 'Prod', region: 'Europe' }] }, [{ key: 'connections.0.region', problem: 'invalid-value' }]],
    ['two preset connections of the same name', { connections: [{ name: 'Prod', region: 'eu-west-1' }, { name: 'Prod', region: 'us-east-1' }] }, [{ key: 'connections', problem: 'invalid-value' }]],
  ])('with %s is refused, naming the key', (_what, content, problems) => {
    expect(load(content)).toEqual({ status: 'invalid', path: join(dir, 'policy.json'), problems });
  });

  it('that is not JSON, or empty, is refused as a whole', () => {
    expect(load('{ "demo": fals')).toMatchObject({ status: 'invalid', problems: [{ key: '', problem: 'not-json' }] });
    expect(load('')).toMatchObject({ status: 'invalid', problems: [{ key: '', problem: 'not-json' }] });
  });

  it('says each problem in English for the log and the terminal', () => {
    expect(describePolicyProblem({ key: 'ticketPattern', problem: 'invalid-pattern' })).toBe('The policy\'s "ticketPattern" is not a valid regular expression.');
    expect(describePolicyProblem({ key: '', problem: 'unreadable', errno: 'EACCES' })).toBe('The policy file could not be read (EACCES).');
  });
});

describe('the ticket pattern', () => {
  it('must match the whole ticket', () => {
    expect(ticketMatches('INC-\\d+', 'INC-42')).toBe(true);
    expect(ticketMatches('INC-\\d+', 'XINC-42')).toBe(false);
    expect(ticketMatches('INC-\\d+', 'INC-42 and more')).toBe(false);
    expect(ticketMatches('^INC-\\d+$', 'INC-42')).toBe(true);
  });
});
