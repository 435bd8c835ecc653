import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The console's language: the operating system's (here, the browser's) unless the operator chooses
// one in Settings. A choice is saved at once and the whole page follows it, without a reload.

/** The Settings button in the header. Its words are the header's own, in the page's language. */
function settingsButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^(Settings|Einstellungen)$/ });
}

async function chooseLanguage(page: Page, dialog: Locator, option: string) {
  await dialog.getByRole('button', { name: /Language of the console|Sprache der Konsole/ }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('choosing Deutsch in Settings turns the page German at once, and English brings it back', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await settingsButton(page).click();
  let dialog = page.getByRole('dialog', { name: 'Settings' });
  // Each language is named in its own language; the system's choice says which it is.
  await dialog.getByRole('button', { name: /Language of the console/ }).click();
  await expect(page.getByRole('option')).toHaveText(['As the operating system (English)', 'English', 'Deutsch']);
  await page.getByRole('option', { name: 'Deutsch', exact: true }).click();

  dialog = page.getByRole('dialog', { name: 'Einstellungen' });
  await expect(dialog.getByRole('status')).toHaveText('Sprache gespeichert.');
  await expect(dialog.getByRole('button', { name: 'Einstellungen speichern' })).toBeVisible();
  await expect(dialog.getByRole('switch', { name: /Identitätsprüfung des Anrufers/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The page behind the dialog follows at once (the modal hides it from the accessibility tree).
  await expect(page.getByRole('heading', { level: 2, name: 'Protokoll', includeHidden: true })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Als CSV exportieren', includeHidden: true })).toBeAttached();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Protokoll' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Protokoll filtern' }).getByRole('button', { name: 'Filter anwenden' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Wiederherstellungsaktionen' })).toHaveText(
    'Es wurden noch keine Wiederherstellungsaktionen protokolliert.',
  );

  await settingsButton(page).click();
  dialog = page.getByRole('dialog', { name: 'Einstellungen' });
  await chooseLanguage(page, dialog, 'English');
  dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('status')).toHaveText('Language saved.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Filter the audit log' })).toBeVisible();
});

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('the page speaks German by itself; a choice of English is kept over a reload, and the system choice returns to German', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await settingsButton(page).click();
    let dialog = page.getByRole('dialog', { name: 'Einstellungen' });
    await dialog.getByRole('button', { name: /Sprache der Konsole/ }).click();
    await expect(page.getByRole('option')).toHaveText(['Wie das Betriebssystem (Deutsch)', 'English', 'Deutsch']);
    await page.getByRole('option', { name: 'English', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('status')).toHaveText('Language saved.');

    // Saved: a fresh page opens in English although the browser prefers German.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await settingsButton(page).click();
    dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('button', { name: /Language of the console/ })).toContainText('English');

    await chooseLanguage(page, dialog, 'As the operating system (Deutsch)');
    dialog = page.getByRole('dialog', { name: 'Einstellungen' });
    await expect(dialog.getByRole('status')).toHaveText('Sprache gespeichert.');
    await expect(dialog.getByRole('button', { name: /Sprache der Konsole/ })).toContainText('Wie das Betriebssystem (Deutsch)');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });
});
