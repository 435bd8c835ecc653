import { describe, expect, it } from 'vitest';
import { formatters } from '../../renderer/components/format';
import { translate } from '../support/translate';
import { callerCheckState } from '../../renderer/features/recovery/action-record';
import { cleanCodeInput, codeExpiresAt, normaliseCode } from '../../renderer/features/recovery/code-input';
import { describeStrength, estimateStrength } from '../../renderer/features/recovery/password-strength';
import { strengthAdvice, strengthLabel } from '../../renderer/features/recovery/password-words';
import { generatePassword, passwordMeetsPolicy } from '../../shared/password-policy';

describe('code input', () => {
  it('drops spaces and line breaks anywhere in a pasted code', () => {
    expect(cleanCodeInput(' 123 456 ')).toBe('123456');
    expect(cleanCodeInput('\n123\t456\r\n')).toBe('123456');
    expect(cleanCodeInput('\u00a0123\u2009456')).toBe('123456');
  });

  it('sends the code without dashes a caller reads out between groups', () => {
    expect(normaliseCode('123-456')).toBe('123456');
    expect(normaliseCode(' 12 34-56 ')).toBe('123456');
  });

  it('knows when a code stops working: one hour after it was sent', () => {
    expect(codeExpiresAt('2026-01-01T10:00:00.000Z')?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(codeExpiresAt(undefined)).toBeUndefined();
    expect(codeExpiresAt('not a date')).toBeUndefined();
  });
});

describe('waits and retries in words', () => {
  const t = translate('en');
  const format = formatters(t);
  it.each([
    [3, 'a few seconds'],
    [30, 'about 30 seconds'],
    [75, 'about a minute'],
    [300, 'about 5 minutes'],
    [3600, 'about an hour'],
    [3300, 'about an hour'],
    [4 * 3600, 'about 4 hours'],
    [3 * 86_400, 'about 3 days'],
  ])('%i seconds is %s', (seconds, words) => {
    expect(format.wait(seconds)).toBe(words);
  });

  it('says whether retrying helps, and when', () => {
    expect(format.retry(true, 3600)).toBe('Yes, later. Try again in about an hour.');
    expect(format.retry(true, undefined)).toMatch(/^Yes/);
    expect(format.retry(false, undefined)).toMatch(/^No/);
    // A wait never makes a hopeless request worth repeating.
    expect(format.retry(false, 60)).toMatch(/^No/);
  });
});

describe('caller checks and ticket', () => {
  const settings = { callerVerification: { enabled: true, checks: ['Date of birth', 'Employee id', 'Manager name'] } };

  it('lists the checks still missing and sends only the ticked ones, in the settings’ order', () => {
    const state = callerCheckState(settings, '  INC-42  ', ['Manager name', 'Date of birth', 'Not a check']);
    expect(state.missing).toEqual(['Employee id']);
    expect(state.record).toEqual({ ticket: 'INC-42', callerVerification: ['Date of birth', 'Manager name'] });
  });

  it('needs nothing when caller verification is off, and leaves out an empty ticket', () => {
    const state = callerCheckState({ callerVerification: { enabled: false, checks: ['Date of birth'] } }, '   ', ['Date of birth']);
    expect(state.required).toEqual([]);
    expect(state.missing).toEqual([]);
    expect(state.record).toEqual({});
  });

  it('is complete once every check is ticked; a ticket is cut at 100 characters', () => {
    const state = callerCheckState(settings, 'x'.repeat(150), settings.callerVerification.checks);
    expect(state.missing).toEqual([]);
    expect(state.record.ticket).toHaveLength(100);
  });

  it('names a ticket it cannot record as typed by a code the page words', () => {
    expect(callerCheckState(settings, 'INC-\u202E42', []).ticketProblem).toBe('control-or-direction');
    expect(callerCheckState(settings, 'INC-42', [])).not.toHaveProperty('ticketProblem');
  });

  it('without settings (not loaded), requires nothing', () => {
    expect(callerCheckState(undefined, '', []).missing).toEqual([]);
  });
});

describe('password strength', () => {
  it('flags passwords from the common (leaked) lists, decorated or not', async () => {
    for (const password of ['password', 'Password123!', 'P@ssw0rd1234!', 'qwerty123456']) {
      const estimate = await estimateStrength(password);
      expect(estimate.common, password).toBe(true);
      expect(estimate.score, password).toBeLessThanOrEqual(2);
    }
  });

  it('rates a generated password strong and not common', async () => {
    const rules = { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
    const password = generatePassword(rules);
    expect(passwordMeetsPolicy(password, rules)).toBe(true);
    const estimate = await estimateStrength(password);
    expect(estimate.common).toBe(false);
    expect(estimate.score).toBeGreaterThanOrEqual(3);
    expect(strengthLabel(translate('en'), estimate.score)).toMatch(/strong/i);
  });

  it('counts the username as a guessable word', async () => {
    const estimate = await estimateStrength('erin.new-hire1A!', ['erin.new-hire']);
    expect(estimate.score).toBeLessThanOrEqual(2);
    expect(estimate.warning).toBeTruthy();
  });

  it('describes a result without loading anything', () => {
    const estimate = describeStrength({
      password: 'letmein',
      score: 0,
      feedback: { warning: 'topTen', suggestions: ['anotherWord', 'not-a-key'] },
      sequence: [{ pattern: 'dictionary', i: 0, j: 6, token: 'letmein', matchedWord: 'letmein', rank: 8, dictionaryName: 'passwords-common', reversed: false, l33t: false }],
    });
    expect(estimate).toEqual({ score: 0, common: true, commonMatch: 'letmein', warning: 'topTen', suggestions: ['anotherWord'] });
  });

  it('words the score, the warning and the suggestions in the page language', () => {
    const estimate = { score: 0, warning: 'topTen', suggestions: ['anotherWord'] } as const;
    expect(strengthLabel(translate('en'), 0)).toBe('Very weak');
    expect(strengthLabel(translate('de'), 4)).toBe('Sehr stark');
    expect(strengthAdvice(translate('en'), { ...estimate, suggestions: [...estimate.suggestions] })).toEqual({
      warning: 'This is a heavily used password.',
      suggestions: ['Add more words that are less common.'],
    });
    expect(strengthAdvice(translate('de'), { ...estimate, suggestions: [...estimate.suggestions] }).warning).toBe('Dies ist eines der meistverwendeten Passwörter.');
  });

  it('gets keys from zxcvbn, never its English sentences', async () => {
    const estimate = await estimateStrength('erin.new-hire1A!', ['erin.new-hire']);
    expect(estimate.warning).toMatch(/^[a-zA-Z0-9]+$/);
    expect(estimate.suggestions.every((key) => /^[a-zA-Z0-9]+$/.test(key))).toBe(true);
  });
});

describe('countdowns and waits in the page language', () => {
  it.each([
    ['en', 3_545_000, '59 min 05 s'],
    ['en', 45_000, '45 s'],
    ['en', 5 * 3_600_000 + 12 * 60_000, '5 h 12 min'],
    ['en', 6 * 86_400_000 + 23 * 3_600_000, '6 days 23 h'],
    ['de', 3_545_000, '59 Min. 05 Sek.'],
    ['de', 6 * 86_400_000 + 23 * 3_600_000, '6 Tage 23 Std.'],
  ] as const)('%s: %i ms left reads "%s"', (language, ms, words) => {
    expect(formatters(translate(language)).remaining(ms)).toBe(words);
  });

  it('says a wait in German with German plurals', () => {
    const format = formatters(translate('de'));
    expect(format.wait(3600)).toBe('etwa eine Stunde');
    expect(format.wait(4 * 3600)).toBe('etwa 4 Stunden');
    expect(format.retry(true, 75)).toBe('Ja, später. Warten Sie etwa eine Minute und versuchen Sie es dann erneut.');
  });
});
