import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../test/e2e/fixtures';

// The pictures in README "Working a call", in both colour schemes: docs/images/<name>-<scheme>.png.

const OUT = path.resolve(__dirname, '..', 'docs', 'images');

async function openAlice(page: Page) {
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }).click();
  await page.keyboard.type('alice');
  await page.keyboard.press('Enter');
  await page.getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)').click();
  await expect(page.getByRole('region', { name: 'Recovery verdict' }).getByRole('status')).toContainText('Ready');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a live call, ${scheme}`, async ({ page, appUrl }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(appUrl);
    await openAlice(page);
    await page.screenshot({ path: path.join(OUT, `call-verdict-${scheme}.png`) });

    await page.getByRole('button', { name: 'Send recovery code' }).click();
    await expect(page.getByRole('textbox', { name: 'Confirmation code' })).toBeFocused();
    await page.getByRole('button', { name: 'Generate password' }).click();
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(page.getByRole('list', { name: 'Password read-out' })).toBeVisible();
    await page.screenshot({ path: path.join(OUT, `call-code-step-${scheme}.png`) });
  });
}
