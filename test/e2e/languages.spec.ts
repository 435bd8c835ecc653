import type { Page } from '@playwright/test';
import { codeFromInbox } from './caller';
import { expect, test } from './fixtures';
import { expectReflows } from './reflow-checks';
import { tourScreens, type Screen } from './screens';
import { clippedText, untranslatedText } from './translation-checks';
import { pseudoLocaleScript, wordsOf, type PageLocale } from './words';

// The console in other words than English. The tour of every main screen finds each control by the
// words of the page's language, so it walks in German as an operator in Germany reads it; in the
// pseudo-locale (every word accented and 40% longer) it finds any word not taken from a catalog and
// any text a longer language would cut off, on every screen, at a laptop's size and at 400% zoom.

/** The whole call, from the pool list to "Password changed", by the words of the page's language. */
async function passwordReset(page: Page, locale: PageLocale, appUrl: string, check?: (page: Page) => Promise<void>) {
  const say = wordsOf(locale);
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: say('app.pools.heading') }).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel(say('users.search.text')).fill('alice');
  await page.getByLabel(say('users.search.text')).press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();
  const panel = page.getByRole('region', { name: say('recovery.panel.heading') });
  await panel.getByRole('radiogroup', { name: say('recovery.client.label') }).getByText('staff-portal (no secret)').click();
  await expect(page.getByRole('region', { name: say('recovery.verdict.heading') }).getByRole('status')).toContainText(say('recovery.verdict.badge', { status: 'ready' }));
  await check?.(page);
  await panel.getByRole('button', { name: say('recovery.panel.send') }).click();
  await expect(panel.getByRole('status').filter({ hasText: say('recovery.delivery.heading', { uncertain: 'no' }) })).toBeVisible();
  await panel.getByRole('textbox', { name: say('recovery.confirm.code') }).fill(await codeFromInbox(page, 'alice.verified'));
  await panel.getByRole('button', { name: say('recovery.password.generate') }).click();
  await check?.(page);
  await panel.getByRole('button', { name: say('recovery.confirm.submit') }).click();
  await expect(page.getByRole('heading', { name: say('recovery.done.heading') })).toBeVisible();
  await check?.(page);
}

const SIZES = [
  { name: 'a 1024×700 laptop', width: 1024, height: 700 },
  { name: '400% zoom (320×200)', width: 320, height: 200 },
];

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('a password reset from the pool list to "Passwort geändert", by its German words', async ({ page, appUrl }) => {
    await passwordReset(page, 'de', appUrl);
    await expect(page.getByText('alice.verified kann sich jetzt mit dem neuen Passwort anmelden.')).toBeVisible();
  });

  for (const size of SIZES) {
    test(`every main screen, reached by its German words, reflows at ${size.name}`, async ({ page, appUrl, webShell }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(size);
      await tourScreens(page, appUrl, webShell.origin, expectReflows, 'de');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    });
  }
});

test.describe('in the pseudo-locale', () => {
  test.beforeEach(async ({ context }) => {
    const setting = pseudoLocaleScript('en-XA');
    // Every page of the context, the tab without a session token too, before its first script runs.
    await context.addInitScript((entry) => entry && localStorage.setItem(entry.key, entry.value), setting);
  });

  test('a password reset from the pool list to its end: every word on the way from a catalog, none cut off', async ({ page, appUrl }) => {
    await passwordReset(page, 'en-XA', appUrl, async (current) => {
      expect.soft(await untranslatedText(current)).toEqual([]);
      expect.soft(await clippedText(current)).toEqual([]);
    });
  });

  async function expectAllTranslated(screen: Screen) {
    await expectReflows(screen);
    expect.soft(await untranslatedText(screen.page), `every word on ${screen.name} comes from a catalog`).toEqual([]);
    expect.soft(await clippedText(screen.page), `no text is cut off on ${screen.name}`).toEqual([]);
  }

  for (const size of SIZES) {
    test(`every main screen: nothing untranslated, nothing cut off, at ${size.name}`, async ({ page, appUrl, webShell }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(size);
      await tourScreens(page, appUrl, webShell.origin, expectAllTranslated, 'en-XA');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    });
  }
});
