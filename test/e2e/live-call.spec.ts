import type { Locator, Page } from '@playwright/test';
import { codeFromInbox } from './caller';
import { expect, test } from './fixtures';

// The live call, counted: from the pool list to "Password changed" in a few clicks or key presses,
// with the next action always in view on a 1366×768 screen, focus following the work, and a second
// code only after a question. Typing what the caller says is not counted; pressing keys to move
// around and act is.

const VIEWPORT = { width: 1366, height: 768 };
const PASSWORD = 'Counted-Call-Pass-42!';

/** Every click and key press of the test goes through here, so it can be counted. */
function counter(page: Page) {
  const counted = { clicks: 0, keys: 0 };
  return {
    counted,
    async click(locator: Locator) {
      // Nothing needs scrolling: what is clicked is already wholly in view.
      await expect(locator).toBeInViewport({ ratio: 1 });
      counted.clicks += 1;
      await locator.click();
    },
    async press(key: string) {
      counted.keys += 1;
      await page.keyboard.press(key);
    },
  };
}

const pools = (page: Page) => page.getByRole('navigation', { name: 'User pools' });
const panel = (page: Page) => page.getByRole('region', { name: 'Reset password' });

test.use({ viewport: VIEWPORT });

test('by pointer: alice.verified from the pool list to "Password changed" in at most 6 clicks, nothing to scroll', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const { counted, click } = counter(page);

  await click(pools(page).getByRole('button', { name: /Acme Staff/ }));
  // The search box has focus: the operator types what the caller says.
  await expect(page.getByLabel('Search text')).toBeFocused();
  await page.keyboard.type('alice');
  await page.keyboard.press('Enter');
  // One caller found: opened at once.
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();

  await click(panel(page).getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)'));
  const verdict = page.getByRole('region', { name: 'Recovery verdict' });
  await expect(verdict.getByRole('status')).toContainText('Ready');
  await expect(verdict.getByRole('status')).toBeInViewport({ ratio: 1 });
  await click(panel(page).getByRole('button', { name: 'Send recovery code' }));

  // Focus is in the code field; the form came up so the code, the password and its button are in view.
  await expect(panel(page).getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();
  const codeField = panel(page).getByRole('textbox', { name: 'Confirmation code' });
  await expect(codeField).toBeFocused();
  await expect(codeField).toBeInViewport({ ratio: 1 });
  await page.keyboard.type(await codeFromInbox(page, 'alice.verified'));

  await click(panel(page).getByRole('button', { name: 'Generate password' }));
  await click(panel(page).getByRole('button', { name: 'Set new password' }));
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(counted.clicks).toBeLessThanOrEqual(6);
});

test('by keyboard alone: bob.phone-only from the pool list to "Password changed" in at most 25 key presses', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const { counted, press } = counter(page);
  // Start where the operator starts: on the pool list.
  await pools(page).getByRole('button', { name: /Acme Staff/ }).focus();

  await press('Enter');
  await expect(page.getByLabel('Search text')).toBeFocused();
  await page.keyboard.type('bob');
  await press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'bob.phone-only' })).toBeVisible();

  // No app client chosen yet in this pool: focus is on the choice; Space takes the focused one.
  const clients = panel(page).getByRole('radiogroup', { name: 'App client' });
  await expect(clients.getByRole('radio').first()).toBeFocused();
  await press('Space');
  await expect(clients.getByRole('radio', { name: /staff-portal/ })).toBeChecked();
  await press('Tab');
  await expect(panel(page).getByRole('textbox', { name: 'Ticket' })).toBeFocused();
  await page.keyboard.type('HD-1001');
  const send = panel(page).getByRole('button', { name: 'Send recovery code' });
  await expect(send).toBeEnabled();
  await press('Tab');
  await expect(send).toBeFocused();
  await press('Enter');

  const codeField = panel(page).getByRole('textbox', { name: 'Confirmation code' });
  await expect(codeField).toBeFocused();
  await page.keyboard.type(await codeFromInbox(page, 'bob.phone-only'));
  await press('Tab');
  await expect(panel(page).getByLabel('New password', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await press('Enter');
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(counted.keys).toBeLessThanOrEqual(25);
});

test('the app client is chosen once per pool: the next user of the pool opens with it, and a reload remembers it', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await pools(page).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel('Search text').fill('frank');
  await page.getByLabel('Search text').press('Enter');
  await panel(page).getByRole('radiogroup', { name: 'App client' }).getByText('staff-backend (secret)').click();

  await page.getByLabel('Search text').fill('alice');
  await page.getByLabel('Search text').press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();
  await expect(panel(page).getByRole('radio', { name: /staff-backend/ })).toBeChecked();
  // With a client chosen, focus lands on the ticket; the verdict's action is one Tab on.
  await expect(panel(page).getByRole('textbox', { name: 'Ticket' })).toBeFocused();

  // The address names the connection, pool and user: a reload comes back to them.
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();
  await expect(panel(page).getByRole('radio', { name: /staff-backend/ })).toBeChecked();
});

test('a failed confirm puts focus on the error, in view; an odd code is questioned before it spends an attempt', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await pools(page).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel('Search text').fill('frank');
  await page.getByLabel('Search text').press('Enter');
  await panel(page).getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)').click();
  await panel(page).getByRole('button', { name: 'Send recovery code' }).click();
  const codeField = panel(page).getByRole('textbox', { name: 'Confirmation code' });
  await expect(codeField).toBeFocused();

  // Not 6 digits: asked first, nothing sent.
  await codeField.fill('12345');
  await panel(page).getByLabel('New password', { exact: true }).fill(PASSWORD);
  await panel(page).getByRole('button', { name: 'Set new password' }).click();
  const question = panel(page).getByRole('alert').filter({ hasText: 'Is the code right?' });
  await expect(question).toContainText('this one is 12345 (5 characters)');
  await question.getByRole('button', { name: 'Correct the code' }).click();
  await expect(codeField).toBeFocused();

  // A wrong 6-digit code is sent; its error takes focus and is in view.
  const code = await codeFromInbox(page, 'frank.both');
  await codeField.fill(code === '000000' ? '111111' : '000000');
  await panel(page).getByRole('button', { name: 'Set new password' }).click();
  const error = panel(page).getByRole('alert').filter({ hasText: 'The password was not changed' });
  await expect(error).toBeFocused();
  await expect(error).toBeInViewport();
});

test('with a reset under way (a ticket noted), leaving the page asks first', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await pools(page).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel('Search text').fill('alice');
  await page.getByLabel('Search text').press('Enter');
  await panel(page).getByRole('textbox', { name: 'Ticket' }).fill('HD-77');

  // A reset under way (a ticket noted): leaving asks first.
  const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
    resolve(dialog.type());
    void dialog.dismiss();
  }));
  // Playwright lets beforeunload ask only for navigations it does not start itself with runBeforeUnload.
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('the demo inbox takes focus, copies a code, and closes with Escape back to its button', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await pools(page).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel('Search text').fill('alice');
  await page.getByLabel('Search text').press('Enter');
  await panel(page).getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)').click();
  await panel(page).getByRole('button', { name: 'Send recovery code' }).click();
  await expect(panel(page).getByRole('textbox', { name: 'Confirmation code' })).toBeFocused();

  const toggle = page.getByRole('button', { name: 'Demo inbox', exact: true });
  await toggle.click();
  const inbox = page.getByRole('complementary', { name: 'Demo inbox' });
  await expect(inbox.getByRole('heading', { name: 'Demo inbox' })).toBeFocused();
  const message = inbox.getByRole('listitem').filter({ hasText: 'alice.verified' }).first();
  await message.getByRole('button', { name: 'Copy code' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^\d{6}$/);
  await expect(message).toContainText(copied);

  await page.keyboard.press('Escape');
  await expect(inbox).toHaveCount(0);
  await expect(toggle).toBeFocused();
});
