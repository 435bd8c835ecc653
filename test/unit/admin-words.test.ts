import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { formatAuditTime } from '../../renderer/features/audit/audit-time';
import { translate } from '../support/translate';

// The audit log's, settings' and demo panels' words where the behaviour is the wording: counts with
// plurals, times in the page's language, sentences that change with what a fault does.

const en = translate('en');
const de = translate('de');

/** A message with tags, as plain text (each tag keeps only its content). */
function plain(message: ReactNode): string {
  return [message].flat(Infinity as 1).join('');
}
const keep = (chunks: ReactNode[]) => chunks.join('');

describe('the audit log', () => {
  it("shows a record's time to the second, in the page's language; text that is no time stays as it is", () => {
    const iso = new Date(2025, 0, 15, 10, 5, 9).toISOString();
    expect(formatAuditTime(en, iso)).toMatch(/^Jan 15, 2025, 10:05:09\sAM$/);
    expect(formatAuditTime(de, iso)).toBe('15.01.2025, 10:05:09');
    expect(formatAuditTime(de, 'gestern')).toBe('gestern');
  });

  it('counts records with plurals, in the log or matching the filters, and says when only the newest are shown', () => {
    expect(en('audit.count.all', { total: 1 })).toBe('1 record in the log.');
    expect(en('audit.count.allPartly', { total: 450, loaded: 200 })).toBe('450 records in the log; showing the newest 200.');
    expect(en('audit.count.matching', { total: 1 })).toBe('1 record matches the filters.');
    expect(en('audit.count.matching', { total: 10 })).toBe('10 records match the filters.');
    expect(de('audit.count.matching', { total: 1 })).toBe('1 Eintrag passt zu den Filtern.');
    expect(de('audit.count.matchingPartly', { total: 1500, loaded: 1000 })).toBe('1.500 Einträge passen zu den Filtern; die neuesten 1.000 werden angezeigt.');
    expect(en('audit.export.done', { count: 1, filename: 'audit.csv' })).toBe('Exported 1 record as audit.csv.');
    expect(de('audit.export.done', { count: 3, filename: 'audit.csv' })).toBe('3 Einträge als audit.csv exportiert.');
  });

  it('names damaged lines by number, and how many more there are beyond the listed ones', () => {
    expect(en('audit.damaged.title', { count: 1, lines: '3', more: 0 })).toBe('1 damaged line was skipped (line number 3): a crash interrupted a write.');
    expect(en('audit.damaged.title', { count: 2, lines: '3, 200', more: 0 })).toBe('2 damaged lines were skipped (line numbers 3, 200): a crash interrupted a write.');
    expect(en('audit.damaged.title', { count: 25, lines: '1, 2', more: 5 })).toBe('25 damaged lines were skipped (line numbers 1, 2 and 5 more): a crash interrupted a write.');
    expect(de('audit.damaged.title', { count: 25, lines: '1, 2', more: 5 })).toBe(
      '25 beschädigte Zeilen wurden übersprungen (Zeilennummern 1, 2 und 5 weitere): Ein Absturz hat einen Schreibvorgang unterbrochen.',
    );
  });
});

describe('the demo panels', () => {
  it('say what an injected fault does, for one call or several', () => {
    const fault = { operation: 'ForgotPassword', exception: 'CodeDeliveryFailureException', delay: 200 };
    expect(en('demo.fault.injectedBoth', { ...fault, count: 2 })).toBe(
      'Injected: the next 2 ForgotPassword calls: wait 200 ms, then fail with CodeDeliveryFailureException.',
    );
    expect(en('demo.fault.injectedError', { ...fault, count: 1 })).toBe('Injected: the next ForgotPassword call: fail with CodeDeliveryFailureException.');
    expect(de('demo.fault.injectedDelay', { ...fault, count: 1 })).toBe('Eingeschleust: Der nächste ForgotPassword-Aufruf wartet 200 ms.');
    expect(de('demo.fault.injectedBoth', { ...fault, count: 3 })).toBe(
      'Eingeschleust: Die nächsten 3 ForgotPassword-Aufrufe warten je 200 ms und schlagen dann mit CodeDeliveryFailureException fehl.',
    );
    expect(en('demo.faults.left', { count: 1 })).toBe('1 call left');
    expect(de('demo.faults.left', { count: 2 })).toBe('noch 2 Aufrufe');
  });

  it("word the inbox's mediums and purposes, and show a purpose they do not know as it is", () => {
    expect(en('demo.inbox.medium', { medium: 'EMAIL' })).toBe('Email');
    expect(de('demo.inbox.medium', { medium: 'EMAIL' })).toBe('E-Mail');
    expect(en('demo.inbox.purposeWords', { purpose: 'ForgotPassword' })).toBe('Password recovery (ForgotPassword)');
    expect(de('demo.inbox.purposeWords', { purpose: 'SomethingNew' })).toBe('SomethingNew');
    expect(en('demo.inbox.cleared', { count: 1 })).toBe('Cleared 1 message.');
    expect(de('demo.inbox.cleared', { count: 4 })).toBe('4 Nachrichten gelöscht.');
  });

  it("say a code's validity with the time it ends, or the date too when that is days away", () => {
    const until = new Date(2026, 10, 26, 11, 24, 5);
    expect(plain(en('demo.inbox.leftUntilTime', { remaining: '59 min 05 s', until, muted: keep, time: keep }))).toMatch(/^59 min 05 s left \(until 11:24:05\sAM\)$/);
    expect(plain(de('demo.inbox.leftUntilTime', { remaining: '59 Min. 05 Sek.', until, muted: keep, time: keep }))).toBe('noch 59 Min. 05 Sek. (bis 11:24:05)');
    expect(plain(de('demo.inbox.leftUntilDate', { remaining: '6 Tage 23 Std.', until, muted: keep, time: keep }))).toBe('noch 6 Tage 23 Std. (bis 26. Nov. 2026, 11:24)');
    expect(plain(de('demo.inbox.expired', { at: until, time: keep }))).toBe('Abgelaufen um 11:24:05');
  });
});

describe('settings', () => {
  it('name each language in its own language, whatever the page speaks', () => {
    for (const t of [en, de]) {
      expect(t('settings.language.name.en')).toBe('English');
      expect(t('settings.language.name.de')).toBe('Deutsch');
    }
    expect(de('settings.language.system', { language: 'English' })).toBe('Wie das Betriebssystem (English)');
  });
});
