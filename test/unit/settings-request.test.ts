import { describe, expect, it } from 'vitest';
import { keepableChecks, settingsFormSchema, settingsFormValues, toSettingsRequest, type SettingsFormValues } from '../../renderer/features/settings/settings-request';
import type { Language } from '../../renderer/i18n/messages';
import { translate } from '../support/translate';

function values(enabled: boolean, checks: string[], operatorDisplayName = ''): SettingsFormValues {
  return { operatorDisplayName, callerVerification: { enabled, checks: checks.map((text) => ({ text })) } };
}

/** Each refused field's path and message, in the form's terms, as an operator in that language reads them. */
function refusals(input: SettingsFormValues, language: Language = 'en'): string[][] {
  return settingsFormSchema(translate(language)).safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];
}

describe('the settings form', () => {
  it('starts from the saved settings', () => {
    expect(settingsFormValues({ osUser: 'dana', callerVerification: { enabled: true, checks: ['A', 'B'] } })).toEqual(values(true, ['A', 'B']));
    expect(settingsFormValues({ osUser: 'dana', operatorDisplayName: 'Dana', callerVerification: { enabled: false, checks: [] } })).toEqual(values(false, [], 'Dana'));
  });

  it('sends every check while verification is on; while off, only those worth keeping', () => {
    expect(toSettingsRequest(values(true, ['A', ' ']))).toEqual({ operatorDisplayName: '', callerVerification: { enabled: true, checks: ['A', ' '] } });
    expect(toSettingsRequest(values(false, [' Ticket ', '', 'ticket', 'x'.repeat(201), 'Bell\u0007', 'Name']))).toEqual({
      operatorDisplayName: '',
      callerVerification: { enabled: false, checks: ['Ticket', 'Name'] },
    });
    expect(keepableChecks(Array.from({ length: 25 }, (_, i) => `Check ${i}`))).toHaveLength(20);
  });

  it("shows the contract's messages on the fields that hold the values", () => {
    expect(refusals(values(true, ['Ticket', '  ', 'Bell\u0007'], 'x'.repeat(101)))).toEqual([
      ['operatorDisplayName', 'A display name has at most 100 characters; this one has 101.'],
      ['callerVerification.checks.1.text', 'Write the check, or remove it.'],
      ['callerVerification.checks.2.text', 'A caller check cannot contain control characters or invisible text-direction marks.'],
    ]);
    expect(refusals(values(true, ['x'.repeat(201)]))).toEqual([['callerVerification.checks.0.text', 'A caller check has at most 200 characters; this one has 201.']]);
  });

  it('adds its own rules for the list while verification is on: at least one check, none twice', () => {
    const en = translate('en');
    expect(refusals(values(true, []))).toEqual([['callerVerification.checks', en('settings.checks.none')]]);
    expect(refusals(values(true, ['Ticket', ' TICKET ']))).toEqual([['callerVerification.checks.1.text', en('settings.checks.repeated')]]);
    expect(refusals(values(false, []))).toEqual([]);
  });

  it("words its own rules in the page's language", () => {
    const de = translate('de');
    expect(refusals(values(true, []), 'de')).toEqual([['callerVerification.checks', de('settings.checks.none')]]);
    expect(refusals(values(true, ['Ticket', ' TICKET ']), 'de')).toEqual([['callerVerification.checks.1.text', 'Dieser Prüfpunkt steht bereits in der Liste.']]);
  });

  it('outputs the request to send, trimmed by the contract', () => {
    expect(settingsFormSchema(translate('en')).parse(values(true, [' Ticket '], ' Dana '))).toEqual({
      operatorDisplayName: 'Dana',
      callerVerification: { enabled: true, checks: ['Ticket'] },
    });
  });
});
