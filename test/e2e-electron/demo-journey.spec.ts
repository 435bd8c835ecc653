import { electronAvailable, expect, SKIP_REASON, test } from './desktop';

// The operator's journey in the desktop app, over IPC, against the offline demo emulator.

test.skip(!electronAvailable, SKIP_REASON);

const NEW_PASSWORD = 'Harbour-Lights-42';

test('an operator resets alice.verified with the code from the demo inbox', async ({ desktop }) => {
  const page = desktop.window;

  await page.getByRole('button', { name: /Connection/ }).click();
  await page.getByRole('option', { name: /Offline demo/ }).click();
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Acme Staff' })).toBeVisible();

  await page.getByLabel('Search text').fill('alice');
  await page.getByLabel('Search text').press('Enter');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /alice\.verified/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();

  const verdict = page.getByRole('region', { name: 'Recovery verdict' });
  await expect(verdict.getByRole('status')).toContainText('Ready');

  const panel = page.getByRole('region', { name: 'Reset password' });
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toContainText('a***@a***');

  await page.getByRole('button', { name: 'Demo inbox' }).click();
  const message = page.getByRole('complementary', { name: 'Demo inbox' }).getByRole('listitem').filter({ hasText: 'alice.verified' }).first();
  await expect(message).toBeVisible();
  const code = /Code\s*(\S+)/.exec(await message.innerText())?.[1];
  expect(code, 'the inbox shows the code').toBeTruthy();

  await panel.getByRole('textbox', { name: 'Confirmation code' }).fill(code as string);
  await panel.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await panel.getByRole('button', { name: 'Set new password' }).click();

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await expect(page.getByText('alice.verified can now sign in with the new password.')).toBeVisible();
});
