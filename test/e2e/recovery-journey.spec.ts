import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The operator's journey through the real browser shell and the offline demo emulator.
// Assertions are on what the operator sees: text, roles and accessible names.

const STAFF_PASSWORD = 'Harbour-Lights-42';

async function openPool(page: Page, appUrl: string, poolName: string) {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
}

async function searchUsers(page: Page, text: string) {
  await page.getByLabel('Search text').fill(text);
  await page.getByLabel('Search text').press('Enter');
}

/** The newest code the demo inbox shows for a user, read as the caller would read it out. */
async function newestCodeFor(page: Page, username: string): Promise<string> {
  const inbox = page.getByRole('complementary', { name: 'Demo inbox' });
  const message = inbox.getByRole('listitem').filter({ hasText: username }).first();
  await expect(message).toBeVisible();
  const code = /Code\s*(\S+)/.exec(await message.innerText())?.[1];
  expect(code, 'the inbox message shows a code').toBeTruthy();
  return code as string;
}

/** A code of the same shape that is certainly not the right one. */
function wrongCodeFor(code: string): string {
  const last = code.at(-1) === '1' ? '2' : '1';
  return code.slice(0, -1) + last;
}

function recoveryPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Reset password' });
}

test('an operator resets a password by pointer: verdict, code, wrong code, right code', async ({ page, appUrl }) => {
  await page.goto(appUrl);

  // The launch token is taken out of the address bar at once.
  await expect(page).not.toHaveURL(/token=/);

  await page.getByRole('button', { name: /Connection/ }).click();
  await page.getByRole('option', { name: /Offline demo/ }).click();
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Acme Staff' })).toBeVisible();

  await searchUsers(page, 'alice');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /alice\.verified/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();

  const panel = recoveryPanel(page);
  await panel.getByRole('radiogroup', { name: 'App client' }).getByText('staff-backend (secret)').click();
  await expect(panel.getByRole('radio', { name: /staff-backend/ })).toBeChecked();

  // The verdict for this user through this app client, before anything is sent.
  const verdict = page.getByRole('region', { name: 'Recovery verdict' });
  await expect(verdict.getByRole('status')).toContainText('Ready');
  await expect(verdict).toContainText('Cognito will send the code by email to a***@a***');
  await expect(verdict.getByTitle(/Verified email, then Verified phone number/)).toBeVisible();
  await expect(verdict).toContainText('Recovery Desk computes and sends SECRET_HASH for you');

  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  const delivery = panel.getByRole('status').filter({ hasText: 'Recovery code sent' });
  await expect(delivery).toContainText('Sent by');
  await expect(delivery).toContainText('Email');
  // Cognito masks the destination in its answer.
  await expect(delivery).toContainText('a***@a***');
  await expect(delivery).toContainText('valid until');

  await page.getByRole('button', { name: 'Demo inbox' }).click();
  const code = await newestCodeFor(page, 'alice.verified');

  const codeField = panel.getByRole('textbox', { name: 'Confirmation code' });
  const passwordField = panel.getByLabel('New password', { exact: true });
  await codeField.fill(wrongCodeFor(code));
  await passwordField.fill(STAFF_PASSWORD);
  await panel.getByRole('button', { name: 'Set new password' }).click();

  const failure = panel.getByRole('alert');
  await expect(failure).toContainText('The password was not changed');
  await expect(failure).toContainText('does not match');
  await expect(failure).toContainText('Error CodeMismatchException');
  await expect(failure.locator('.notice-guidance')).not.toBeEmpty();

  await codeField.fill(code);
  await panel.getByRole('button', { name: 'Set new password' }).click();

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await expect(page.getByText('alice.verified can now sign in with the new password.')).toBeVisible();
  // Nothing secret is left in a field once the reset is done.
  await expect(page.getByRole('textbox', { name: 'Confirmation code' })).toHaveCount(0);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
});

test('the whole journey works by keyboard alone', async ({ page, appUrl }) => {
  await page.goto(appUrl);

  /** Presses Tab until the target has focus, as a keyboard user would. */
  async function tabTo(target: Locator) {
    for (let i = 0; i < 60; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }

  // Choose the connection from the list.
  await tabTo(page.getByRole('button', { name: /Connection/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Offline demo/ })).toBeFocused();
  await page.keyboard.press('Enter');

  // Open the demo inbox now so the code can be read later.
  await tabTo(page.getByRole('button', { name: 'Demo inbox' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('complementary', { name: 'Demo inbox' })).toBeVisible();

  await tabTo(page.getByRole('button', { name: /Acme Staff/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Acme Staff' })).toBeVisible();

  await tabTo(page.getByRole('searchbox', { name: 'Search text' }));
  await page.keyboard.type('frank');
  await page.keyboard.press('Enter');

  const option = page.getByRole('option', { name: /frank\.both/ });
  await tabTo(option);
  await page.keyboard.press('Enter');
  await expect(option).toHaveAttribute('aria-selected', 'true');

  // The first app client takes focus; the arrow key moves to the one with a secret.
  const panel = recoveryPanel(page);
  await tabTo(panel.getByRole('radio', { name: /staff-portal/ }));
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: /staff-backend/ })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Recovery verdict' })).toContainText('by email');

  await tabTo(panel.getByRole('button', { name: 'Send recovery code' }));
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();
  const code = await newestCodeFor(page, 'frank.both');

  await tabTo(panel.getByRole('textbox', { name: 'Confirmation code' }));
  await page.keyboard.type(code);
  await tabTo(panel.getByLabel('New password', { exact: true }));
  await page.keyboard.type(STAFF_PASSWORD);
  await page.keyboard.press('Enter');

  const done = page.getByRole('heading', { name: 'Password changed' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
});

test('the password checklist follows the pool policy as the operator types', async ({ page, appUrl }) => {
  await openPool(page, appUrl, 'Acme Staff');
  await searchUsers(page, 'alice');
  await page.getByRole('option', { name: /alice\.verified/ }).click();

  const panel = recoveryPanel(page);
  await panel.getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)').click();
  await panel.getByRole('button', { name: 'The caller already has a code' }).click();

  const rules = panel.getByRole('list', { name: 'Password rules' });
  const rule = (label: string) => rules.getByRole('listitem').filter({ hasText: label });
  await expect(rules.getByRole('listitem')).toHaveCount(6);

  const password = panel.getByLabel('New password', { exact: true });
  await password.fill('short');
  await expect(rule('At least 12 characters')).toContainText('not met yet');
  await expect(rule('A lower-case letter')).toContainText(': met');
  await expect(rule('An upper-case letter')).toContainText('not met yet');

  await password.pressSequentially('-Enough-9', { delay: 10 });
  await expect(rule('At least 12 characters')).toContainText(': met');
  await expect(rule('An upper-case letter')).toContainText(': met');
  await expect(rule('A number')).toContainText(': met');
  await expect(rule('A symbol')).toContainText(': met');
  await expect(panel.getByText('The password meets every rule.')).toBeVisible();

  await password.press('Space');
  await expect(rule('No spaces')).toContainText('not met yet');

  // Show and hide: the field's type flips, the value stays.
  await panel.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await panel.getByRole('button', { name: 'Hide password' }).click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('a long user list is virtualized and loads more as it scrolls', async ({ page, appUrl }) => {
  await openPool(page, appUrl, 'Acme Customers');

  const list = page.getByRole('listbox', { name: 'Users' });
  const count = page.getByRole('status').filter({ hasText: 'loaded' });
  await expect(count).toHaveText('60 users loaded; more available.');
  // Only the rows in view (plus a few) are in the page, not all 60.
  expect(await list.getByRole('option').count()).toBeLessThan(40);

  // Scrolling towards the end fetches the next page on its own.
  await list.hover();
  await page.mouse.wheel(0, 60 * 60);
  await expect(count).toHaveText(/^(120|180|240) users loaded; more available\.$/);

  // The button loads pages too, until there are no more.
  const loadMore = page.getByRole('button', { name: 'Load more users' });
  while (await loadMore.isVisible()) {
    const before = await count.textContent();
    await loadMore.click();
    await expect(count).not.toHaveText(before ?? '');
  }
  await expect(count).toHaveText(/^26\d users loaded\.$/);
  const loaded = Number(/^(\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(await list.getByRole('option').count()).toBeLessThan(loaded / 4);

  // Over the list again: where the button was may now be outside it.
  await list.hover();
  await page.mouse.wheel(0, 100_000);
  await expect(list.getByRole('option', { name: /customer260/ })).toBeVisible();

  // The rows stay keyboard-reachable: Home and End move focus across rows that were not rendered.
  await list.getByRole('option', { name: /customer260/ }).click();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option').first()).toBeFocused();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('End');
  await expect(list.getByRole('option', { name: /customer260/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { name: /customer259/ })).toBeFocused();
});

test('a search for a"b finds no users and shows no error', async ({ page, appUrl }) => {
  await openPool(page, appUrl, 'Acme Staff');
  await searchUsers(page, 'a"b');
  await expect(page.getByRole('status').filter({ hasText: 'No users' })).toHaveText('No users with username starting with “a"b”, or email starting with “a"b”.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Users' })).toHaveCount(0);
});

test('with PreventUserExistenceErrors enabled, a sent answer is not presented as proof', async ({ page, appUrl }) => {
  await openPool(page, appUrl, 'Acme Customers');
  await searchUsers(page, 'customer001');
  await page.getByRole('option', { name: /customer001/ }).click();

  const panel = recoveryPanel(page);
  // The pool's only app client is chosen for the operator: named, nothing to pick.
  await expect(panel.getByText(/^App client$/).locator('..')).toContainText('customer-app');
  await expect(panel.getByRole('radiogroup', { name: 'App client' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  const answer = panel.getByRole('status').filter({ hasText: 'Cognito accepted the request' });
  await expect(answer).toContainText('This does not prove a code was sent.');
});

test('the verdict explains, before anything is sent, why recovery would fail', async ({ page, appUrl }) => {
  await openPool(page, appUrl, 'Acme Staff');
  const verdict = page.getByRole('region', { name: 'Recovery verdict' });
  const open = async (username: string) => {
    await page.getByRole('option', { name: new RegExp(username.replace('.', '\\.')) }).click();
    await recoveryPanel(page).getByRole('radiogroup', { name: 'App client' }).getByText('staff-portal (no secret)').click();
  };

  await open('bob.phone-only');
  await expect(verdict.getByRole('status')).toContainText('Ready');
  await expect(verdict).toContainText('Cognito will send the code by text message to +*******0142');

  await open('carol.unverified');
  await expect(verdict.getByRole('status')).toContainText('Blocked');
  await expect(verdict).toContainText('no verified email or phone number');

  await open('dave.disabled');
  await expect(verdict.getByRole('status')).toContainText('Blocked');
  await expect(verdict).toContainText('The account is disabled');

  await open('erin.new-hire');
  await expect(verdict).toContainText('FORCE_CHANGE_PASSWORD');
  await expect(verdict).toContainText('Re-send their invitation');
  await expect(verdict.getByRole('button', { name: 'Resend invitation' })).toBeVisible();
});
