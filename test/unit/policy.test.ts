import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describePolicyProblem, loadPolicy, machinePolicyPath } from '../../electron/core/policy';
import { ticketMatches } from '../../shared/policy';

// The organization's policy file: found where each platform keeps machine-wide settings, every key
// checked, and a bad file refused key by key (the console then refuses recovery actions).

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
  it('takes every key of the example in the README', () => {
    const policy = {
      requireTicket: true,
      ticketPattern: '^INC-\\d+$',
      callerVerification: { required: true, checks: ['Caller gave their employee number'] },
      allowedActions: ['forgotPassword', 'confirmForgotPassword', 'resendInvitation'],
      demo: false,
      connections: [
        { name: 'Production (eu-west-1)', region: 'eu-west-1', profile: 'helpdesk', assumeRole: { roleArn: 'arn:aws:iam::123456789012:role/Helpdesk' } },
        { id: 'staging', name: 'Staging', region: 'eu-west-1', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com' },
      ],
      audit: { cloudWatchLogs: { region: 'eu-west-1', logGroupName: '/helpdesk/recovery-desk', logStreamPrefix: 'desk-', profile: 'audit' } },
    };
    expect(load(policy)).toMatchObject({ status: 'active', policy });
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
