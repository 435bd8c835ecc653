import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startSecondEmulator } from './second-emulator';

// The one search box: the operator types what the caller says and finds them, each user saying
// which attribute matched; and a connection's default country, saved in the form, decides how a
// number without + is read.

async function openPool(page: Page, poolName: string) {
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
}

async function search(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: 'Search text' });
  await box.fill(text);
  await box.press('Enter');
}

const users = (page: Page): Locator => page.getByRole('listbox', { name: 'Users' }).getByRole('option');
const searchStatus = (page: Page): Locator => page.getByRole('region', { name: 'Users' }).getByRole('status');

test('one box finds the caller by number, name or email as they say it, and says what matched', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openPool(page, 'Acme Staff');
  const box = page.getByRole('searchbox', { name: 'Search text' });
  await expect(box).toHaveAccessibleDescription(/Username, email, phone number or full name, as the caller says it\. A number without \+ is read in the connection’s default country/);
  await expect(box).toHaveAttribute('placeholder', /alice@example\.com or 555-555-0100/);

  // A number with + and punctuation: only the phone lookup, exactly, in E.164.
  await search(page, '+1 (555) 555-0142');
  await expect(searchStatus(page)).toHaveText('1 user with phone number “+15555550142”.');
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText('bob.phone-only');
  await expect(users(page).first()).toContainText('matched by phone number');

  // Without + or country code: the demo connection reads it as a US number.
  await search(page, '555-555-0142');
  await expect(searchStatus(page)).toHaveText('1 user with phone number “+15555550142”, or username starting with “555-555-0142”.');
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText('bob.phone-only');
  await expect(users(page).first()).toContainText('matched by phone number');

  // Spaces around: trimmed. Alice's username and her email both start with it; she is listed once.
  await search(page, ' alice ');
  await expect(searchStatus(page)).toHaveText('1 user with username starting with “alice”, or email starting with “alice”.');
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText('alice.verified');
  await expect(users(page).first()).toContainText('matched by username and email');

  // "zoë" typed as e + combining diaeresis (as some keyboards and pasted text produce it).
  await search(page, 'zoe\u0308');
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText('zoë.ångström');
  await expect(users(page).first()).toContainText('matched by username');

  await search(page, 'zoe@acme.example');
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText('matched by email');
  await users(page).first().click();
  await expect(page.getByRole('heading', { level: 3, name: 'zoë.ångström' })).toBeVisible();

  // A number too short to be whole is not searched as one, and the page says why.
  await search(page, '555 0142');
  await expect(searchStatus(page)).toContainText('Nothing was looked up.');
  await expect(searchStatus(page)).toContainText('it is not a whole number for United States');
  await expect(users(page)).toHaveCount(0);
});

test('the one box says when there is more than it shows; one attribute (advanced) still pages', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openPool(page, 'Acme Customers');
  await search(page, 'customer');
  await expect(searchStatus(page)).toContainText('Only the first matches are shown');
  await expect(searchStatus(page)).toContainText('Type more of what the caller says to narrow the search');

  await search(page, 'customer25');
  await expect(searchStatus(page)).toHaveText('10 users with username starting with “customer25”, or email starting with “customer25”.');

  // Advanced: one attribute, exactly; the number is still read in E.164.
  // By keyboard: the switch's input is visually hidden behind its label.
  const advanced = page.getByRole('switch', { name: 'Search by one attribute (advanced)' });
  await advanced.focus();
  await page.keyboard.press('Space');
  await expect(advanced).toBeChecked();
  await page.getByRole('button', { name: /Search by/ }).click();
  await page.getByRole('option', { name: 'Phone number' }).click();
  await page.getByRole('radiogroup', { name: 'Match' }).getByText('Exactly').click();
  await expect(page.getByRole('radio', { name: 'Exactly' })).toBeChecked();
  await search(page, '(555) 010-0042');
  await expect(searchStatus(page)).toHaveText('1 user loaded.');
  await expect(users(page).first()).toContainText('customer042');
  await expect(users(page).first()).not.toContainText('matched by');
  await search(page, '(555) 010-9999');
  await expect(searchStatus(page)).toHaveText('No users with phone number “+15550109999”.');
});

test('the connection form saves a default country, and numbers without + are read in it', async ({ page, appUrl }) => {
  const emulator = await startSecondEmulator();
  try {
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Manage connections' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connections' });
    await dialog.getByRole('button', { name: 'Add a connection' }).click();
    const form = dialog.getByRole('form', { name: 'Add a connection' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Second site');
    await form.getByRole('radiogroup', { name: 'Where the credentials come from' }).getByText('Access keys', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Access key id' }).fill('AKIAIOSFODNN7EXAMPLE');
    await form.getByRole('textbox', { name: 'Secret access key' }).fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await form.getByRole('combobox', { name: 'Region' }).fill('us-east-1');
    await form.getByRole('combobox', { name: 'Region' }).press('Tab');
    await form.getByRole('textbox', { name: 'Custom endpoint (optional)' }).fill(emulator.endpoint);
    const country = form.getByRole('textbox', { name: 'Default country for phone numbers (optional)' });
    await expect(country).toHaveAccessibleDescription(/Leave empty to search only numbers that start with \+/);

    // Not a country code: refused on its field, nothing saved.
    await country.fill('Britain');
    await form.getByRole('button', { name: 'Save connection' }).click();
    await expect(country).toHaveAttribute('aria-invalid', 'true');
    await expect(country).toHaveAccessibleDescription(/two-letter code \(ISO 3166\)/);
    await expect(country).toBeFocused();
    await country.fill('uk');
    await expect(country).toHaveAccessibleDescription(/The United Kingdom’s code is GB/);

    // First without one.
    await country.fill('');
    await form.getByRole('button', { name: 'Save connection' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Second site added' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close connections' }).click();
    await page.getByRole('button', { name: /Connection/ }).click();
    await page.getByRole('option', { name: 'Second site', exact: true }).click();
    await openPool(page, 'Acme Staff');
    await search(page, '555-555-0142');
    await expect(searchStatus(page)).toContainText('No users with username starting with “555-555-0142”.');
    await expect(searchStatus(page)).toContainText('this connection has no default country');

    // Then with US: saved, shown again in the form, and used.
    await page.getByRole('button', { name: 'Manage connections' }).click();
    await dialog.getByRole('listitem', { name: 'Second site', exact: true }).getByRole('button', { name: 'Edit Second site' }).click();
    const editForm = dialog.getByRole('form', { name: 'Edit Second site' });
    const editCountry = editForm.getByRole('textbox', { name: 'Default country for phone numbers (optional)' });
    await expect(editCountry).toHaveValue('');
    await editCountry.fill('us');
    await expect(editCountry).toHaveAccessibleDescription(/US is United States\./);
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Second site saved' })).toBeVisible();
    await dialog.getByRole('listitem', { name: 'Second site', exact: true }).getByRole('button', { name: 'Edit Second site' }).click();
    await expect(editCountry).toHaveValue('US');
    await editForm.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Close connections' }).click();

    await openPool(page, 'Acme Staff');
    await search(page, '555-555-0142');
    await expect(users(page)).toHaveCount(1);
    await expect(users(page).first()).toContainText('bob.phone-only');
    await expect(users(page).first()).toContainText('matched by phone number');
  } finally {
    await emulator.stop();
  }
});
