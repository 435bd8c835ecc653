import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../shared/ui-language';

// The one rule both processes follow (the page, and the desktop's menus and dialogs).

describe('choosing the language', () => {
  it('takes the operator’s choice in Settings over the system’s', () => {
    expect(chooseLanguage('de', ['en-US'])).toBe('de');
    expect(chooseLanguage('en', ['de-DE', 'de'])).toBe('en');
  });

  it('follows the system when the setting is absent or says so: the first preferred language we have', () => {
    expect(chooseLanguage(undefined, ['de-DE', 'en-US'])).toBe('de');
    expect(chooseLanguage('system', ['fr-CA', 'de-AT', 'en-US'])).toBe('de');
    expect(chooseLanguage('system', ['fr-CA', 'en-US', 'de-DE'])).toBe('en');
  });

  it('reads the tags each system writes: Windows and macOS (de-DE, de), Linux locales (de_DE.UTF-8, de@euro)', () => {
    for (const tag of ['de', 'DE-de', 'de-DE', 'de-Latn-CH', 'de_DE.UTF-8', 'de_AT', 'de@euro']) expect(chooseLanguage(undefined, [tag]), tag).toBe('de');
    // Another language that starts with the same letters is not German.
    expect(chooseLanguage(undefined, ['dsb-DE', 'den'])).toBe('en');
  });

  it('falls back to English when the system names none we have, or nothing', () => {
    expect(chooseLanguage(undefined, ['fr-FR', 'zh-Hans-CN'])).toBe('en');
    expect(chooseLanguage(undefined, [])).toBe('en');
    expect(chooseLanguage('system', [''])).toBe('en');
  });
});
