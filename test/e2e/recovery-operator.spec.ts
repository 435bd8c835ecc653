import type { Locator, Page, TestInfo } from '@playwright/test';
import { checkPassword, SAYABLE_ALPHABET, type PasswordRules } from '../../shared/password-policy';
import { readBack } from '../../shared/phonetic-alphabet';
import { expect, test } from './fixtures';

// The operator-grade recovery screen, through the real browser shell and the offline demo:
// the verdict before anything is sent, the alternatives behind confirmations, guidance for every
// error, and the code step. Assertions are on what the operator sees: text, roles, names.

/** Opens a user from the pool list and the search, as an operator would (the page is already open). */
async function openUser(page: Page, poolName: string, username: string) {
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
  await page.getByLabel('Search text').fill(username);
  await page.getByLabel('Search text').press('Enter');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: new RegExp(username.replace(/\./g, '\\.')) }).click();
  await expect(page.getByRole('heading', { level: 3, name: username })).toBeVisible();
}

function recoveryPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Reset password' });
}

function verdictPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Recovery verdict' });
}

async function chooseClient(page: Page, label: string) {
  await recoveryPanel(page).getByRole('radiogroup', { name: 'App client' }).getByText(label).click();
}

/** The newest code the demo inbox shows for a user, read as the caller would read it out. */
async function newestCodeFor(page: Page, username: string): Promise<string> {
  const toggle = page.getByRole('button', { name: 'Demo inbox', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const message = page.getByRole('complementary', { name: 'Demo inbox' }).getByRole('listitem').filter({ hasText: username }).first();
  await expect(message).toBeVisible();
  const code = /Code\s*(\S+)/.exec(await message.innerText())?.[1];
  expect(code, 'the inbox message shows a code').toBeTruthy();
  return code as string;
}

/** Calls a contract channel from the page, with the page's own session token, as a trainer's setup step. */
async function callFromPage(page: Page, channel: string, request: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, request }) => {
      const token = sessionStorage.getItem('recovery-desk.token') ?? '';
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
      return response.json() as Promise<unknown>;
    },
    { channel, request },
  );
}

async function shot(locator: Locator, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await locator.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the verdict: ready, uncertain and blocked, in colour and in words, before anything is sent', async ({ page, appUrl }, testInfo) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  const verdict = verdictPanel(page);
  // The verdict depends on the app client: none is guessed when there are two.
  await expect(verdict).toContainText('Choose the app client');
  await chooseClient(page, 'staff-portal (no secret)');
  const status = verdict.getByRole('status');
  await expect(status).toContainText('Ready');
  await expect(status).toContainText('by email to a***@a***');
  await expect(verdict).toContainText('Email to a***@a*** (email)');
  await expect(verdict.getByTitle(/Verified email, then Verified phone number/)).toHaveText('by the pool’s setting');
  await expect(verdict).toContainText('Codes sent today: none yet');
  await expect(verdict.getByRole('button')).toHaveCount(0);
  await shot(verdict, testInfo, 'verdict-ready');

  // Sending a code refreshes the verdict: one code today.
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();
  await expect(verdict).toContainText('Codes sent today: 1 code');
  // A second code is sent only after a question that says what it costs; keeping the code sends nothing.
  await panel.getByRole('button', { name: 'Send a new code' }).click();
  const ask = page.getByRole('dialog', { name: 'Send alice.verified a new code?' });
  await expect(ask).toContainText('The code the caller has now stops working');
  await expect(ask).toContainText('Sent to alice.verified today: 1');
  await ask.getByRole('button', { name: 'Keep the current code' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Send a new code' })).toBeFocused();
  await expect(verdict).toContainText('Codes sent today: 1 code');

  await openUser(page, 'Acme Customers', 'customer001');
  // The only app client is chosen for the operator; it hides user-existence errors.
  await expect(verdict.getByRole('status')).toContainText('Uncertain');
  await expect(verdict).toContainText('a success proves nothing');
  await expect(recoveryPanel(page).getByRole('button', { name: 'Send recovery code' })).toBeEnabled();
  await shot(verdict, testInfo, 'verdict-uncertain');
});

test('a blocked user: the verdict says why, and no code is offered', async ({ page, appUrl }, testInfo) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'dave.disabled');
  await chooseClient(page, 'staff-portal (no secret)');
  const verdict = verdictPanel(page);
  await expect(verdict.getByRole('status')).toContainText('Blocked');
  await expect(verdict.getByRole('list', { name: 'Why' })).toContainText('The account is disabled');
  const panel = recoveryPanel(page);
  await expect(panel.getByRole('button', { name: /Send recovery code|Send a new code/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'The caller already has a code' })).toHaveCount(0);

  await openUser(page, 'Acme Staff', 'carol.unverified');
  await chooseClient(page, 'staff-portal (no secret)');
  await expect(verdict.getByRole('status')).toContainText('Blocked');
  await expect(verdict).toContainText('no verified email or phone number');
  await expect(recoveryPanel(page).getByRole('button', { name: 'Send recovery code' })).toHaveCount(0);
  // What can be done instead, as the verdict lists it.
  await expect(verdict.getByRole('group', { name: 'Other ways to get the caller back in' }).getByRole('button', { name: 'Set a temporary password' })).toBeVisible();
  await shot(verdict, testInfo, 'verdict-blocked');
});

test('erin.new-hire: the invitation is re-sent after an explicit confirmation, and arrives in the demo inbox', async ({ page, appUrl }, testInfo) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'erin.new-hire');
  await chooseClient(page, 'staff-portal (no secret)');
  const verdict = verdictPanel(page);
  await expect(verdict.getByRole('status')).toContainText('Blocked');
  await expect(verdict).toContainText('FORCE_CHANGE_PASSWORD');
  const resend = verdict.getByRole('button', { name: 'Resend invitation' });

  // Escape cancels: nothing is sent, and focus returns to the button.
  await resend.click();
  const dialog = page.getByRole('dialog', { name: 'Resend the invitation to erin.new-hire?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(resend).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation re-sent' })).toHaveCount(0);

  // By keyboard: the dialog traps focus; the confirm button names the action and the user.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Resend invitation to erin.new-hire' });
  for (let i = 0; i < 6 && !(await confirm.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  // Tabbing on stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await shot(page.locator('.action-modal'), testInfo, 'confirm-dialog');
  await confirm.click();

  await expect(dialog).toHaveCount(0);
  // The verdict now says what happened instead of "Blocked".
  const outcome = verdict.getByRole('status');
  await expect(outcome).toContainText('Invitation re-sent at');
  await expect(outcome).toContainText('erin.new-hire signs in with the new temporary password');
  await expect(outcome).not.toContainText('Blocked');

  await page.getByRole('button', { name: 'Demo inbox', exact: true }).click();
  const message = page.getByRole('complementary', { name: 'Demo inbox' }).getByRole('listitem').filter({ hasText: 'erin.new-hire' });
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('Invitation');
});

test('a last resort: a temporary password, generated, shown and copied behind a confirmation', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'carol.unverified');
  await chooseClient(page, 'staff-portal (no secret)');
  const verdict = verdictPanel(page);
  await expect(verdict.getByText('Last resort')).toBeVisible();
  await verdict.getByRole('button', { name: 'Set a temporary password' }).click();

  const dialog = page.getByRole('dialog', { name: 'Set a temporary password for carol.unverified?' });
  await expect(dialog).toContainText('Last resort.');
  await expect(dialog).toContainText('must choose a new password the next time they sign in');
  const field = dialog.getByLabel('Temporary password', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  const password = await field.inputValue();
  expect(password).toMatch(/^\S{16,}$/);
  await dialog.getByRole('button', { name: 'Show password' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await dialog.getByRole('button', { name: 'Copy password' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'copied to the clipboard' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  await dialog.getByRole('button', { name: 'Set temporary password for carol.unverified' }).click();
  const done = page.getByRole('dialog', { name: 'Temporary password set for carol.unverified' });
  await expect(done.getByRole('status').filter({ hasText: 'Done at' })).toContainText('Read the password to the caller now.');
  await expect(done.getByLabel('Temporary password', { exact: true })).toHaveValue(password);
  await done.getByRole('button', { name: /^Done/ }).click();
  await expect(done).toHaveCount(0);
  // The verdict says what happened, not "Blocked… re-send their invitation".
  await expect(verdict.getByRole('status')).toContainText('Temporary password set at');
  await expect(verdict.getByRole('status')).toContainText('carol.unverified signs in with it and must choose their own password then');
  await expect(verdict.getByRole('status')).not.toContainText('Blocked');
  // The password is gone from the page once the dialog is closed.
  await expect(page.locator(`input[value="${password.replace(/["\\]/g, '\\$&')}"]`)).toHaveCount(0);
});

test('an injected CodeDeliveryFailure: the alert says what happened, what to tell the caller, and the next step', async ({ page, appUrl }, testInfo) => {
  await page.goto(appUrl);
  await callFromPage(page, 'demo:injectFault', { operation: 'ForgotPassword', error: 'CodeDeliveryFailure', count: 1 });
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();

  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The recovery code was not sent');
  await expect(alert).toContainText(/What happened\s*Cognito could not deliver the verification code/);
  await expect(alert).toContainText(/Tell the caller\s*“We couldn't send your code just now/);
  await expect(alert).toContainText(/Next step\s*Check that the caller can receive messages/);
  await expect(alert).toContainText(/Try again\?\s*Yes/);
  await expect(alert).toContainText('Error CodeDeliveryFailureException');
  await shot(alert, testInfo, 'error-notice');

  // When the service knows the wait, the operator sees it.
  await callFromPage(page, 'demo:injectFault', { operation: 'ForgotPassword', error: 'LimitExceeded', count: 1 });
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(alert).toContainText('Error LimitExceededException');
  await expect(alert).toContainText(/Try again\?\s*Yes, later\. Try again in about an hour\./);
});

test('a code request whose answer was lost: the operator is told a code may be on its way, can enter it, and is warned before another', async ({ page, appUrl }, testInfo) => {
  await page.goto(appUrl);
  // InternalError is AWS's HTTP 500: Cognito may have acted. Here it has not, so the caller has no code yet.
  await callFromPage(page, 'demo:injectFault', { operation: 'ForgotPassword', error: 'InternalError', count: 1 });
  await openUser(page, 'Acme Staff', 'frank.both');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();

  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The recovery code may have been sent');
  await expect(alert).toContainText('Cognito may have sent a code; ask the caller before sending another.');
  await expect(alert).toContainText(/Tell the caller\s*“I'm not sure the code went out/);
  await expect(alert).toContainText(/Next step\s*Ask the caller whether a code arrived/);
  await expect(alert).toContainText(/Try again\?\s*Not before you have checked: it may already have happened\./);
  await expect(alert).toContainText('Error OutcomeUnknown');
  await expect(alert).not.toContainText('Try again;');
  await shot(alert, testInfo, 'outcome-unknown');

  // The verdict counts it apart, and another code comes only with the warning.
  await expect(verdictPanel(page)).toContainText('1 more request whose answer was lost');
  await panel.getByRole('button', { name: 'Send a new code' }).click();
  const ask = page.getByRole('dialog', { name: 'Send frank.both a new code?' });
  await expect(ask).toContainText('and 1 whose answer was lost');
  await ask.getByRole('button', { name: 'Keep the current code' }).click();
  // If the caller does have a code, it can be entered at once.
  await panel.getByRole('button', { name: 'The caller already has a code' }).click();
  await expect(panel.getByRole('textbox', { name: 'Confirmation code' })).toBeVisible();

  // The audit log says so too.
  await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Audit log' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'frank.both' }).first()).toContainText('Unknown');
});

test('a wrong code: guidance in the alert, and the form keeps the code and the password', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-backend (secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(panel.getByRole('timer')).toContainText(/Code valid for (59|60) min \d{2} s more/);
  const code = await newestCodeFor(page, 'alice.verified');
  const wrong = code.slice(0, -1) + (code.at(-1) === '1' ? '2' : '1');

  const codeField = panel.getByRole('textbox', { name: 'Confirmation code' });
  const passwordField = panel.getByLabel('New password', { exact: true });
  await codeField.fill(wrong);
  await panel.getByRole('button', { name: 'Generate password' }).click();
  const password = await passwordField.inputValue();
  await panel.getByRole('button', { name: 'Set new password' }).click();

  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The password was not changed');
  await expect(alert).toContainText(/What happened\s*The confirmation code does not match/);
  await expect(alert).toContainText(/Tell the caller\s*“That code doesn't match/);
  await expect(alert).toContainText(/Next step\s*Ask the caller to read the newest code again/);
  await expect(alert).toContainText(/Try again\?\s*No/);
  // A failed step leaves the form exactly as it was.
  await expect(codeField).toHaveValue(wrong);
  await expect(passwordField).toHaveValue(password);

  await codeField.fill(code);
  await panel.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
});

test('the generator makes a password that meets every rule; the meter rates it, and warns about a common one', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'The caller already has a code' }).click();
  // Without a send time there is no countdown, only the rule.
  await expect(panel.getByText('The code is valid for one hour from when it was sent.')).toBeVisible();

  const rules = panel.getByRole('list', { name: 'Password rules' });
  await expect(rules.getByRole('listitem')).toHaveCount(6);
  await panel.getByRole('button', { name: 'Generate password' }).click();
  const password = panel.getByLabel('New password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  await expect(panel.getByText('The password meets every rule.')).toBeVisible();
  for (const rule of await rules.getByRole('listitem').all()) await expect(rule).toContainText(': met');
  const meter = panel.getByRole('meter', { name: 'Password strength' });
  await expect(meter).toHaveAttribute('aria-valuetext', /Strong|Very strong/);
  await expect(panel.getByText('Common password')).toHaveCount(0);

  // A password every rule accepts can still be one attackers try first.
  await password.fill('Password123!');
  await expect(panel.getByText('The password meets every rule.')).toBeVisible();
  await expect(panel.getByText(/Common password:.*leaked passwords/)).toBeVisible();
  await expect(meter).toHaveAttribute('aria-valuetext', /weak/i);
});

test('a copy the clipboard refuses is said so, visibly', async ({ page, appUrl }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'The caller already has a code' }).click();
  await panel.getByRole('button', { name: 'Generate password' }).click();
  await panel.getByRole('button', { name: 'Copy password' }).click();
  await expect(panel.getByRole('alert')).toContainText('Could not copy the password: the clipboard refused.');
  // (and let the strength estimate's dictionaries finish loading before the shell stops)
  await expect(panel.getByRole('meter', { name: 'Password strength' })).toBeVisible();
});

test('a pasted code loses its spaces and line breaks; a double click on confirm sends one request', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  const code = await newestCodeFor(page, 'alice.verified');

  const codeField = panel.getByRole('textbox', { name: 'Confirmation code' });
  await page.evaluate(() => navigator.clipboard.writeText(' 123 456 '));
  await codeField.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(codeField).toHaveValue('123456');

  await codeField.fill('');
  await page.evaluate((text) => navigator.clipboard.writeText(text), `\n ${code.slice(0, 3)} ${code.slice(3)} \r\n`);
  await codeField.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(codeField).toHaveValue(code);
  await panel.getByRole('button', { name: 'Generate password' }).click();

  // Slow Cognito down so the second click lands while the first request is still running.
  await callFromPage(page, 'demo:injectFault', { operation: 'ConfirmForgotPassword', delayMs: 1500, count: 1 });
  const confirms: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/recovery:confirmForgotPassword')) confirms.push(request.url());
  });
  const confirm = panel.getByRole('button', { name: 'Set new password' });
  await confirm.dblclick();
  const busy = panel.locator('button[aria-busy="true"]');
  await expect(busy).toHaveText('Setting password…');
  await expect(busy).toBeDisabled();
  await busy.click({ force: true });
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(confirms).toHaveLength(1);
});

test('with caller verification on, nothing can be sent until every check is ticked; ticket and checks go with the request', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await callFromPage(page, 'settings:update', { callerVerification: { enabled: true, checks: ['Date of birth', 'Last four digits of the employee id'] } });
  // Read afresh, as a newly opened console would.
  await page.reload();
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  const send = panel.getByRole('button', { name: 'Send recovery code' });
  await expect(send).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'The caller already has a code' })).toBeDisabled();

  const checks = panel.getByRole('group', { name: 'Caller verification' });
  // The box itself is drawn by CSS; the operator clicks the label, as a keyboard user presses Space.
  await checks.getByText('Date of birth', { exact: true }).click();
  await expect(checks.getByRole('checkbox', { name: 'Date of birth' })).toBeChecked();
  await expect(send).toBeDisabled();
  await expect(checks).toContainText('1 of 2 checks done');
  await checks.getByRole('checkbox', { name: 'Last four digits of the employee id' }).focus();
  await page.keyboard.press('Space');
  await expect(checks).toContainText('The caller passed every check.');
  await expect(send).toBeEnabled();

  await panel.getByRole('textbox', { name: 'Ticket' }).fill('INC-20417');
  const request = page.waitForRequest((r) => r.url().endsWith('/api/recovery:forgotPassword'));
  await send.click();
  expect((await request).postDataJSON()).toMatchObject({
    username: 'alice.verified',
    ticket: 'INC-20417',
    callerVerification: ['Date of birth', 'Last four digits of the employee id'],
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();

  // Unticking a check disables the next action again.
  await checks.getByText('Date of birth', { exact: true }).click();
  await expect(checks.getByRole('checkbox', { name: 'Date of birth' })).not.toBeChecked();
  await expect(panel.getByRole('button', { name: 'Set new password' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Send a new code' })).toBeDisabled();
});

test('uncertain verdict: reset by an administrator behind a confirmation (a failure stays in the dialog), then the code step', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await callFromPage(page, 'demo:injectFault', { operation: 'AdminResetUserPassword', error: 'CodeDeliveryFailure', count: 1 });
  await openUser(page, 'Acme Customers', 'customer003');
  const verdict = verdictPanel(page);
  await expect(verdict.getByRole('status')).toContainText('Uncertain');
  const trigger = verdict.getByRole('button', { name: 'Reset by administrator' });
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: 'Reset customer003’s password as an administrator?' });
  const confirm = dialog.getByRole('button', { name: 'Reset password of customer003' });
  await confirm.click();

  // The injected failure: shown inside the dialog, with guidance; Cancel leaves everything as it was.
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The password was not reset');
  await expect(alert).toContainText('Tell the caller');
  await expect(alert).toContainText(/Next step\s*\S/);
  await expect(alert).toContainText(/Try again\?\s*Yes/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  const panel = recoveryPanel(page);
  await expect(panel.getByRole('textbox', { name: 'Confirmation code' })).toHaveCount(0);

  // Again: it starts clean, and this time Cognito resets the password and sends a code.
  await trigger.click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Password reset by an administrator' })).toContainText('Cognito has sent customer003 a code');
  await expect(panel.getByRole('timer')).toContainText(/Code valid for (59|60) min \d{2} s more/);

  const code = await newestCodeFor(page, 'customer003');
  await panel.getByRole('textbox', { name: 'Confirmation code' }).fill(code);
  await panel.getByRole('button', { name: 'Generate password' }).click();
  await panel.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
});

// Passwords read out over the phone: easy to say by default, with a read-out that spells them.

/** What an easy-to-say password never holds: look-alikes, quotes, a backtick, a backslash. */
const NOT_EASY_TO_SAY = /[0Oo1lI5S2Z8B'"`\\]/;
const EASY_TO_SAY = new Set(Object.values(SAYABLE_ALPHABET).join(''));
/** Acme Staff's policy in the demo. */
const STAFF_RULES: PasswordRules = { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };

/** The password the read-out spells: each group is a list of phrases, read back one by one. */
async function passwordReadOut(readout: Locator): Promise<string> {
  const groups = readout.getByRole('list', { name: /^Group \d+ of \d+$/ });
  await expect(groups.first()).toBeVisible();
  const phrases: string[] = [];
  for (const group of await groups.all()) {
    phrases.push(...(await group.getByRole('listitem').allTextContents()));
  }
  return readBack(phrases);
}

/**
 * Fully random passwords, drawn until one holds a character the easy-to-say form never has (a
 * 16-character one for Acme Staff lacks such a character about once in 5,000 draws: a few draws settle it).
 */
async function drawUntilNotEasyToSay(field: Locator, generate: Locator): Promise<string[]> {
  const draws = [await field.inputValue()];
  const easyToSay = () => [...draws.join('')].every((c) => EASY_TO_SAY.has(c));
  while (easyToSay() && draws.length < 10) {
    await generate.click();
    await expect(field).not.toHaveValue(draws.at(-1) ?? '');
    draws.push(await field.inputValue());
  }
  expect(easyToSay(), draws.join(' ')).toBe(false);
  return draws;
}

async function expectEveryRuleMet(panel: Locator) {
  await expect(panel.getByText('The password meets every rule.')).toBeVisible();
  for (const rule of await panel.getByRole('list', { name: 'Password rules' }).getByRole('listitem').all()) await expect(rule).toContainText(': met');
}

test('the new password is easy to say by default, with a read-out that spells it; the fully random form can be chosen', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'alice.verified');
  await chooseClient(page, 'staff-portal (no secret)');
  const panel = recoveryPanel(page);
  await panel.getByRole('button', { name: 'The caller already has a code' }).click();

  const kind = panel.getByRole('radiogroup', { name: 'Kind of password' });
  await expect(kind.getByRole('radio', { name: 'Easy to say' })).toBeChecked();
  await panel.getByRole('button', { name: 'Generate password' }).click();
  const field = panel.getByLabel('New password', { exact: true });
  await expect(panel.getByRole('status').filter({ hasText: 'A new easy-to-say password was generated' })).toBeVisible();
  const sayable = await field.inputValue();
  expect(sayable).toMatch(/^\S{16,}$/);
  expect(sayable).not.toMatch(NOT_EASY_TO_SAY);
  await expectEveryRuleMet(panel);

  // The read-out shows the password, so it is hidden with it.
  const readout = panel.getByRole('list', { name: 'Password read-out' });
  await expect(readout).toHaveCount(0);
  await panel.getByRole('button', { name: 'Show password' }).click();
  const groups = Math.ceil(sayable.length / 4);
  await expect(readout.getByRole('list', { name: /^Group \d+ of \d+$/ })).toHaveCount(groups);
  await expect(readout.getByRole('list', { name: `Group 1 of ${groups}` }).getByRole('listitem')).toHaveCount(4);
  expect(await passwordReadOut(readout)).toBe(sayable);
  // The groups are for the eye only: the field and the clipboard hold the password alone.
  await panel.getByRole('button', { name: 'Copy password' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'copied to the clipboard' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sayable);

  // Fully random: the generated password is replaced by one of that kind, still within every rule.
  await kind.getByText('Fully random').click();
  await expect(kind.getByRole('radio', { name: 'Fully random' })).toBeChecked();
  await expect(field).not.toHaveValue(sayable);
  await expect(panel.getByRole('status').filter({ hasText: 'A new fully random password was generated' })).toBeVisible();
  await expectEveryRuleMet(panel);
  expect(await passwordReadOut(readout)).toBe(await field.inputValue());
  // Over a few draws it uses characters the easy-to-say form never does, and still meets every rule.
  const random = (await drawUntilNotEasyToSay(field, panel.getByRole('button', { name: 'Generate password' }))).at(-1);
  await expectEveryRuleMet(panel);
  expect(await passwordReadOut(readout)).toBe(random);

  // A password the operator typed has no read-out, and choosing a kind leaves it alone.
  await field.fill('Harbour-Lights-42');
  await expect(readout).toHaveCount(0);
  await kind.getByText('Easy to say').click();
  await expect(kind.getByRole('radio', { name: 'Easy to say' })).toBeChecked();
  await expect(field).toHaveValue('Harbour-Lights-42');
  await expect(readout).toHaveCount(0);
  // (and let the strength estimate's dictionaries finish loading before the shell stops)
  await expect(panel.getByRole('meter', { name: 'Password strength' })).toBeVisible();
});

test('the temporary password is easy to say by default, with a read-out; the fully random form can be chosen', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', 'carol.unverified');
  await chooseClient(page, 'staff-portal (no secret)');
  await verdictPanel(page).getByRole('button', { name: 'Set a temporary password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a temporary password for carol.unverified?' });
  const field = dialog.getByLabel('Temporary password', { exact: true });
  const kind = dialog.getByRole('radiogroup', { name: 'Kind of password' });
  const readout = dialog.getByRole('list', { name: 'Password read-out' });

  await expect(kind.getByRole('radio', { name: 'Easy to say' })).toBeChecked();
  await expect(field).toHaveAccessibleDescription(/easy to say; it meets every rule of the pool/);
  const sayable = await field.inputValue();
  expect(sayable).not.toMatch(NOT_EASY_TO_SAY);
  expect(checkPassword(sayable, STAFF_RULES).filter((check) => !check.met)).toEqual([]);
  await expect(readout).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show password' }).click();
  expect(await passwordReadOut(readout)).toBe(sayable);

  await kind.getByText('Fully random').click();
  await expect(field).not.toHaveValue(sayable);
  await expect(field).toHaveAccessibleDescription(/every character Cognito accepts; it meets every rule of the pool/);
  const draws = await drawUntilNotEasyToSay(field, dialog.getByRole('button', { name: 'Generate another' }));
  for (const password of draws) expect(checkPassword(password, STAFF_RULES).filter((check) => !check.met), password).toEqual([]);
  const random = draws.at(-1) ?? '';
  expect(await passwordReadOut(readout)).toBe(random);

  // What is set is the password in the field; the read-out stays until the dialog is closed.
  await dialog.getByRole('button', { name: 'Set temporary password for carol.unverified' }).click();
  const done = page.getByRole('dialog', { name: 'Temporary password set for carol.unverified' });
  await expect(done.getByRole('status').filter({ hasText: 'Done at' })).toBeVisible();
  await expect(done.getByRole('radiogroup', { name: 'Kind of password' })).toHaveCount(0);
  expect(await passwordReadOut(done.getByRole('list', { name: 'Password read-out' }))).toBe(random);
  await done.getByRole('button', { name: /^Done/ }).click();
  await expect(page.getByRole('list', { name: 'Password read-out' })).toHaveCount(0);
});
