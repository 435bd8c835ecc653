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
  const en = translate('en');

  it('starts from the saved settings', () => {
    expect(settingsFormValues({ osUser: 'dana', callerVerification: { enabled: true, checks: ['A', 'B'] } }, en)).toEqual(values(true, ['A', 'B']));
    expect(settingsFormValues({ osUser: 'dana', operatorDisplayName: 'Dana', callerVerification: { enabled: false, checks: [] } }, en)).toEqual(values(false, [], 'Dana'));
  });

  it("shows a suggested check in the operator's language and keeps it by id, until its words are changed", () => {
    const saved = { osUser: 'dana', callerVerification: { enabled: true, checks: ['ticket-confirmed', 'Date of birth'] } };
    const german = settingsFormValues(saved, translate('de'));
    expect(german.callerVerification.checks).toEqual([{ text: 'Der Anrufer hat die Ticketnummer bestätigt', builtIn: 'ticket-confirmed' }, { text: 'Date of birth' }]);
    expect(toSettingsRequest(german, translate('de')).callerVerification?.checks).toEqual(['ticket-confirmed', 'Date of birth']);
    const edited = { ...german, callerVerification: { ...german.callerVerification, checks: [{ text: 'Ticketnummer genannt', builtIn: 'ticket-confirmed' as const }] } };
    expect(toSettingsRequest(edited, translate('de')).callerVerification?.checks).toEqual(['Ticketnummer genannt']);
  });

  it('sends every check while verification is on; while off, only those worth keeping', () => {
    expect(toSettingsRequest(values(true, ['A', ' ']), en)).toEqual({ operatorDisplayName: '', callerVerification: { enabled: true, checks: ['A', ' '] } });
    expect(toSettingsRequest(values(false, [' Ticket ', '', 'ticket', 'x'.repeat(201), 'Bell\u0007', 'Name']), en)).toEqual({
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
