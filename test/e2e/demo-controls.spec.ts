import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A trainer's view of the offline demo: injected faults, throttling, and the demo inbox. Assertions
// are on what the trainer and the operator see: text, roles and accessible names.

function controlsPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Demo controls' });
}

async function openAlice(page: Page) {
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }).click();
  await page.getByLabel('Search text').fill('alice');
  await page.getByLabel('Search text').press('Enter');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /alice\.verified/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();
}

test('an injected CodeDeliveryFailure reaches the operator with guidance; once cleared, the code arrives in the inbox', async ({ page, appUrl }) => {
  await page.goto(appUrl);

  await page.getByRole('button', { name: 'Demo controls', exact: true }).click();
  const controls = controlsPanel(page);
  await expect(controls.getByRole('switch', { name: /Throttling/ })).toBeChecked();
  await expect(controls.getByText('None: every call behaves normally.')).toBeVisible();

  // ForgotPassword and CodeDeliveryFailure are the defaults; choose them anyway, as a trainer would.
  await controls.getByRole('button', { name: /Operation$/ }).click();
  await page.getByRole('option', { name: /^ForgotPassword/ }).click();
  await controls.getByRole('button', { name: /Exception$/ }).click();
  await page.getByRole('option', { name: 'CodeDeliveryFailureException' }).click();
  await controls.getByRole('textbox', { name: 'Calls to affect' }).fill('2');
  await controls.getByRole('textbox', { name: 'Calls to affect' }).press('Tab');
  await controls.getByRole('button', { name: 'Inject' }).click();

  const active = controls.getByRole('list', { name: 'Active faults' });
  await expect(active.getByRole('listitem')).toHaveCount(1);
  await expect(active.getByRole('listitem')).toContainText('ForgotPassword');
  await expect(active.getByRole('listitem')).toContainText('CodeDeliveryFailureException');
  await expect(active.getByRole('listitem')).toContainText('2 calls left');

  await openAlice(page);
  const panel = page.getByRole('region', { name: 'Reset password' });
  await panel.getByRole('radiogroup', { name: 'App client' }).getByText('staff-backend (secret)').click();
  await panel.getByRole('button', { name: 'Send recovery code' }).click();

  const failure = panel.getByRole('alert');
  await expect(failure).toContainText('The recovery code was not sent');
  await expect(failure).toContainText('could not deliver the verification code');
  await expect(failure).toContainText('Error CodeDeliveryFailureException');
  await expect(failure.locator('.notice-guidance')).toContainText('send a new code');
  // The panel follows the emulator: one use of the fault is gone.
  await expect(active.getByRole('listitem')).toContainText('1 call left');

  await controls.getByRole('button', { name: 'Clear faults' }).click();
  await expect(controls.getByText('None: every call behaves normally.')).toBeVisible();
  await expect(controls.getByRole('button', { name: 'Clear faults' })).toBeDisabled();

  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Demo inbox', exact: true }).click();
  const inbox = page.getByRole('complementary', { name: 'Demo inbox' });
  const message = inbox.getByRole('listitem').filter({ hasText: 'alice.verified' });
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('Email');
  // The full address and the masked form Cognito's response shows.
  await expect(message).toContainText('alice@acme.example');
  await expect(message).toContainText(/As Cognito shows it\s*a\*+@a\*+/);
  await expect(message).toContainText('Password recovery (ForgotPassword)');
  await expect(message).toContainText(/Code\s*\d{6}/);
  // A live countdown: one hour, less the seconds since it was sent.
  await expect(message).toContainText(/Validity\s*(59|60) min \d{2} s left/);
  const before = await message.innerText();
  await expect.poll(async () => message.innerText(), { timeout: 5_000 }).not.toBe(before);

  await inbox.getByRole('button', { name: 'Clear inbox' }).click();
  await expect(inbox.getByText('No messages yet.')).toBeVisible();
  await expect(inbox.getByRole('listitem')).toHaveCount(0);
  await expect(inbox.getByRole('button', { name: 'Clear inbox' })).toBeDisabled();
});

test('the demo controls work by keyboard alone', async ({ page, appUrl }) => {
  await page.goto(appUrl);

  async function tabTo(target: Locator) {
    for (let i = 0; i < 40; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }

  // Every fault the page sends, to prove a refused one never leaves it.
  const injected: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/demo:injectFault') injected.push(request.postData() ?? '');
  });

  await tabTo(page.getByRole('button', { name: 'Demo controls', exact: true }));
  await page.keyboard.press('Enter');
  const controls = controlsPanel(page);

  // Throttling off and on again with Space.
  const throttling = controls.getByRole('switch', { name: /Throttling/ });
  await tabTo(throttling);
  await page.keyboard.press('Space');
  await expect(throttling).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(throttling).toBeChecked();

  // ListUsers, delay only, 3 calls.
  await tabTo(controls.getByRole('button', { name: /Operation$/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /^ForgotPassword/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /^ListUsers/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(controls.getByRole('button', { name: /Operation$/ })).toContainText('ListUsers');

  await tabTo(controls.getByRole('button', { name: /Exception$/ }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await expect(page.getByRole('option', { name: 'None: delay only' })).toBeFocused();
  await page.keyboard.press('Enter');

  await tabTo(controls.getByRole('textbox', { name: 'Calls to affect' }));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(controls.getByRole('textbox', { name: 'Calls to affect' })).toHaveValue('3');

  // No exception and no delay: the contract's rule, said on the Exception field, which gets focus; nothing is sent.
  await tabTo(controls.getByRole('button', { name: 'Inject' }));
  await page.keyboard.press('Enter');
  const exception = controls.getByRole('button', { name: /Exception$/ });
  await expect(exception).toHaveAccessibleDescription('Choose an exception, a delay, or both.');
  await expect(exception).toBeFocused();
  await expect(controls.getByText('None: every call behaves normally.')).toBeVisible();
  expect(injected).toEqual([]);

  // A delay answers it: the message goes once the number is entered (on leaving its field).
  await tabTo(controls.getByRole('textbox', { name: 'Delay (ms)' }));
  await page.keyboard.type('250');
  await tabTo(controls.getByRole('button', { name: 'Inject' }));
  await expect(exception).not.toHaveAccessibleDescription(/Choose an exception/);
  await page.keyboard.press('Enter');
  const fault = controls.getByRole('list', { name: 'Active faults' }).getByRole('listitem');
  await expect(fault).toContainText('ListUsers');
  await expect(fault).toContainText('no error');
  await expect(fault).toContainText('after 250 ms');
  await expect(fault).toContainText('3 calls left');
  expect(injected).toHaveLength(1);

  await tabTo(controls.getByRole('button', { name: 'Clear faults' }));
  await page.keyboard.press('Enter');
  await expect(controls.getByText('None: every call behaves normally.')).toBeVisible();

  await tabTo(controls.getByRole('button', { name: 'Close demo controls' }));
  await page.keyboard.press('Enter');
  await expect(controls).toHaveCount(0);
});
