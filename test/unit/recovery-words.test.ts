import { describe, expect, it } from 'vitest';
import { VerdictReasonId, type RecoveryVerdict } from '../../shared/contract';
import { checkPassword } from '../../shared/password-policy';
import { ruleWords } from '../../renderer/features/recovery/password-words';
import { afterActionWords, reasonWords, verdictHeadline } from '../../renderer/features/recovery/verdict-words';
import { translate } from '../support/translate';

// The verdict and the password rules cross as codes; the page words them. Behaviour first (which
// reason, which numbers), and the wording where the wording is the behaviour (plurals, German).

const en = translate('en');
const de = translate('de');

const verdict = (overrides: Partial<RecoveryVerdict>): Pick<RecoveryVerdict, 'status' | 'channel' | 'reasons'> => ({
  status: 'ready',
  channel: { deliveryMedium: 'EMAIL', attributeName: 'email', maskedDestination: 'a***@a***' },
  reasons: [],
  ...overrides,
});

describe('the verdict in words', () => {
  it('says where the code goes when recovery is ready', () => {
    expect(verdictHeadline(en, verdict({}))).toBe('Cognito will send the code by email to a***@a***.');
    const sms = verdict({ channel: { deliveryMedium: 'SMS', attributeName: 'phone_number', maskedDestination: '+*******0142' } });
    expect(verdictHeadline(en, sms)).toBe('Cognito will send the code by text message to +*******0142.');
    expect(verdictHeadline(de, sms)).toBe('Cognito sendet den Code per SMS an +*******0142.');
  });

  it('says that an uncertain answer will not prove it', () => {
    expect(verdictHeadline(en, verdict({ status: 'uncertain' }))).toBe(
      "Cognito should send the code by email to a***@a***, but this app client's answer will not prove it.",
    );
    expect(verdictHeadline(de, verdict({ status: 'uncertain', channel: undefined }))).toBe(
      'Cognito sollte den Code an den Benutzer senden, aber die Antwort dieses App-Clients beweist es nicht.',
    );
  });

  it('leads a blocked verdict with its first blocker, not a note before it', () => {
    const blocked = verdict({
      status: 'blocked',
      channel: undefined,
      reasons: [
        { id: 'secret-hash-automatic', severity: 'info' },
        { id: 'disabled', severity: 'blocker' },
        { id: 'no-verified-channel', severity: 'blocker' },
      ],
    });
    expect(verdictHeadline(en, blocked)).toBe(reasonWords(en, { id: 'disabled' }));
    expect(verdictHeadline(en, blocked)).toMatch(/^The account is disabled/);
    expect(verdictHeadline(de, blocked)).toMatch(/^Das Konto ist deaktiviert/);
  });

  it('words every reason in both languages, with the facts it carries', () => {
    for (const id of VerdictReasonId.options) {
      const params = id === 'unusual-status' ? { status: 'COMPROMISED' } : undefined;
      const english = reasonWords(en, { id, params });
      const german = reasonWords(de, { id, params });
      expect(english, id).not.toBe('');
      expect(german, id).not.toBe(english);
    }
    expect(reasonWords(en, { id: 'unusual-status', params: { status: 'ARCHIVED' } })).toContain('status is ARCHIVED');
    expect(reasonWords(de, { id: 'unusual-status', params: { status: 'ARCHIVED' } })).toContain('Status des Kontos ist ARCHIVED');
  });

  it('says what an alternative did, with the days it lasts', () => {
    const at = '2026-01-01T10:00:00.000Z';
    expect(afterActionWords(en, { kind: 'invitation', at }, 'erin', 7)).toMatch(/^Invitation re-sent at .+: erin signs in .+ It works for 7 days\.$/);
    expect(afterActionWords(en, { kind: 'temporary-password', at }, 'carol', 1)).toMatch(/It works for 1 day\.$/);
    expect(afterActionWords(de, { kind: 'temporary-password', at }, 'carol', 1)).toMatch(/Es ist 1 Tag gültig\.$/);
    expect(afterActionWords(de, { kind: 'invitation', at }, 'erin', 7)).toMatch(/Es ist 7 Tage gültig\.$/);
    expect(afterActionWords(en, { kind: 'admin-reset', at }, 'customer003', 7)).toContain('Cognito has sent customer003 a code');
  });
});

describe('the password rules in words', () => {
  const rules = { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };

  it('words each rule from its id and values', () => {
    expect(checkPassword('', rules).map((check) => ruleWords(en, check))).toEqual([
      'At least 12 characters',
      'An upper-case letter (A–Z)',
      'A lower-case letter (a–z)',
      'A number (0–9)',
      'A symbol such as ! @ # $ % ^ & *',
      'No spaces',
    ]);
    expect(checkPassword('', rules).map((check) => ruleWords(de, check))).toEqual([
      'Mindestens 12 Zeichen',
      'Ein Großbuchstabe (A–Z)',
      'Ein Kleinbuchstabe (a–z)',
      'Eine Ziffer (0–9)',
      'Ein Sonderzeichen wie ! @ # $ % ^ & *',
      'Keine Leerzeichen',
    ]);
  });
});
