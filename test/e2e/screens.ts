import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// One walk through the console's main screens, as an operator reaches them in the offline demo.
// The accessibility and reflow specs both take it and check each screen in their own way.

export interface Screen {
  name: string;
  page: Page;
  /** What the operator needs on this screen (controls, and the words that say what to do): each must fit the window. */
  keyControls: Locator[];
}

export type ScreenCheck = (screen: Screen) => Promise<void>;

function poolsNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'User pools' });
}

function recoveryPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Reset password' });
}

function verdictPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Recovery verdict' });
}

async function openPool(page: Page, poolName: string) {
  await poolsNav(page).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
}

async function openUser(page: Page, poolName: string, username: string) {
  await openPool(page, poolName);
  await page.getByLabel('Search text').fill(username);
  await page.getByLabel('Search text').press('Enter');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: new RegExp(username.replace(/\./g, '\\.')) }).click();
  await expect(page.getByRole('heading', { level: 3, name: username })).toBeVisible();
}

/** The visible card of an app client (its radio input is visually hidden). */
function clientCard(page: Page, label: string): Locator {
  return recoveryPanel(page).getByRole('radiogroup', { name: 'App client' }).getByText(label);
}

/** Calls a contract channel with the page's own session token, as a trainer's setup step. */
async function callFromPage(page: Page, channel: string, request: unknown) {
  await page.evaluate(
    async ({ channel, request }) => {
      const token = sessionStorage.getItem('recovery-desk.token') ?? '';
      await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
    },
    { channel, request },
  );
}

async function alternativeDialog(page: Page, check: ScreenCheck, trigger: string, title: string, confirm: string) {
  await verdictPanel(page).getByRole('button', { name: trigger }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  await check({ name: `the “${trigger}” dialog`, page, keyControls: [dialog.getByRole('button', { name: confirm }), cancel] });
  await cancel.click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Visits every main screen in turn and runs the check on each once it shows: the start, a pool's
 * users, a user's verdicts (ready, blocked, uncertain) and recovery step, the code step with an
 * error and beside the demo inbox and controls, the unknown-outcome warning, each alternative's
 * dialog, settings, the connections manager, the audit log (success, failure and unknown
 * outcomes), and the page opened without its session token.
 */
export async function tourScreens(page: Page, appUrl: string, origin: string, check: ScreenCheck) {
  await page.goto(appUrl);
  const staffPool = poolsNav(page).getByRole('button', { name: /Acme Staff/ });
  await expect(staffPool).toBeVisible();
  await check({ name: 'the start screen', page, keyControls: [page.getByRole('button', { name: /Connection/ }), staffPool] });

  await openPool(page, 'Acme Staff');
  const users = page.getByRole('listbox', { name: 'Users' });
  await expect(users.getByRole('option').first()).toBeVisible();
  await check({ name: 'a pool and its users', page, keyControls: [page.getByRole('searchbox', { name: 'Search text' }), page.getByRole('button', { name: 'Search', exact: true }), users.getByRole('option').first()] });

  await openUser(page, 'Acme Staff', 'alice.verified');
  const panel = recoveryPanel(page);
  const ticket = panel.getByRole('textbox', { name: 'Ticket' });
  await check({ name: 'a user before an app client is chosen', page, keyControls: [ticket, clientCard(page, 'staff-portal (no secret)')] });
  await clientCard(page, 'staff-portal (no secret)').click();
  await expect(verdictPanel(page).getByRole('status')).toContainText('Ready');
  const send = panel.getByRole('button', { name: 'Send recovery code' });
  await check({ name: 'a ready verdict and the recovery step', page, keyControls: [ticket, clientCard(page, 'staff-backend (secret)'), send] });

  await send.click();
  await expect(panel.getByRole('status').filter({ hasText: 'Recovery code sent' })).toBeVisible();
  await page.getByRole('button', { name: 'Demo inbox', exact: true }).click();
  await page.getByRole('button', { name: 'Demo controls', exact: true }).click();
  const inbox = page.getByRole('complementary', { name: 'Demo inbox' });
  const controls = page.getByRole('complementary', { name: 'Demo controls' });
  await expect(inbox.getByRole('listitem').filter({ hasText: 'alice.verified' })).toBeVisible();
  const code = panel.getByRole('textbox', { name: 'Confirmation code' });
  const password = panel.getByLabel('New password', { exact: true });
  const setPassword = panel.getByRole('button', { name: 'Set new password' });
  await check({
    name: 'the code step beside the demo inbox and controls',
    page,
    keyControls: [code, password, setPassword, controls.getByRole('button', { name: 'Inject' }), inbox.getByRole('button', { name: 'Clear inbox' })],
  });

  await code.fill('000000');
  await panel.getByRole('button', { name: 'Generate password' }).click();
  await setPassword.click();
  const failure = panel.getByRole('alert');
  await expect(failure).toContainText('Error CodeMismatchException');
  await check({ name: 'the confirm step with an error', page, keyControls: [code, password, setPassword] });

  // A lost answer: neither success nor failure. The fault shows in the demo controls meanwhile.
  await callFromPage(page, 'demo:injectFault', { operation: 'ForgotPassword', error: 'InternalError', count: 1 });
  await openUser(page, 'Acme Staff', 'frank.both');
  await clientCard(page, 'staff-portal (no secret)').click();
  await expect(controls.getByRole('list', { name: 'Active faults' }).getByRole('listitem')).toBeVisible();
  await panel.getByRole('button', { name: 'Send recovery code' }).click();
  await expect(failure).toContainText('Error OutcomeUnknown');
  await check({
    name: 'the unknown-outcome warning',
    page,
    keyControls: [panel.getByRole('button', { name: 'Send a new code' }), panel.getByRole('button', { name: 'The caller already has a code' })],
  });
  await controls.getByRole('button', { name: 'Close demo controls' }).click();
  await inbox.getByRole('button', { name: 'Close demo inbox' }).click();

  await openUser(page, 'Acme Staff', 'dave.disabled');
  await clientCard(page, 'staff-portal (no secret)').click();
  await expect(verdictPanel(page).getByRole('status')).toContainText('Blocked');
  await check({ name: 'a blocked verdict', page, keyControls: [verdictPanel(page).getByRole('status')] });

  await openUser(page, 'Acme Staff', 'carol.unverified');
  await clientCard(page, 'staff-portal (no secret)').click();
  await alternativeDialog(page, check, 'Set a temporary password', 'Set a temporary password for carol.unverified?', 'Set temporary password for carol.unverified');

  await openUser(page, 'Acme Staff', 'erin.new-hire');
  await clientCard(page, 'staff-portal (no secret)').click();
  await alternativeDialog(page, check, 'Resend invitation', 'Resend the invitation to erin.new-hire?', 'Resend invitation to erin.new-hire');

  // The only app client is chosen for the operator here; it hides user-existence errors.
  await openUser(page, 'Acme Customers', 'customer003');
  await expect(verdictPanel(page).getByRole('status')).toContainText('Uncertain');
  await check({ name: 'an uncertain verdict', page, keyControls: [verdictPanel(page).getByRole('button', { name: 'Reset by administrator' }), panel.getByRole('button', { name: 'Send recovery code' })] });
  await alternativeDialog(page, check, 'Reset by administrator', 'Reset customer003’s password as an administrator?', 'Reset password of customer003');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const displayName = settings.getByRole('textbox', { name: 'Display name' });
  await expect(displayName).toBeVisible();
  await check({ name: 'settings', page, keyControls: [displayName, settings.getByRole('button', { name: 'Save settings' })] });
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await page.getByRole('button', { name: 'Manage connections' }).click();
  const manager = page.getByRole('dialog', { name: 'Connections' });
  const add = manager.getByRole('button', { name: 'Add a connection' });
  await expect(manager.getByRole('list', { name: 'Connections' })).toBeVisible();
  await check({ name: 'the connections manager', page, keyControls: [add, manager.getByRole('button', { name: 'Close connections' })] });
  await add.click();
  const form = manager.getByRole('form', { name: 'Add a connection' });
  await expect(form).toBeVisible();
  await check({ name: 'the add-connection form', page, keyControls: [form.getByRole('textbox', { name: 'Name' }), form.getByRole('combobox', { name: 'Region' })] });
  await manager.getByRole('button', { name: 'Close connections' }).click();
  await expect(manager).toHaveCount(0);

  // Every action above is in the audit log: successes, failures and an unknown outcome.
  await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Audit log' }).click();
  const rows = page.getByRole('table', { name: 'Audit records' }).getByRole('row');
  for (const outcome of ['Success', 'Failure', 'Unknown']) await expect(rows.filter({ hasText: outcome }).first()).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await check({ name: 'the audit log', page, keyControls: [filters.getByRole('textbox', { name: 'Username' }), filters.getByRole('button', { name: 'Apply filters' }), page.getByRole('button', { name: 'Export CSV' })] });

  // A new tab has no session token (it is kept per tab): every call is refused, and the page says why.
  const noToken = await page.context().newPage();
  const size = page.viewportSize();
  if (size) await noToken.setViewportSize(size);
  await noToken.goto(`${origin}/`);
  const refused = noToken.getByRole('alert').filter({ hasText: 'not signed in to this Recovery Desk session' }).first();
  await expect(refused).toBeVisible();
  await check({ name: 'the page without its session token', page: noToken, keyControls: [refused.getByText(/^Open the address Recovery Desk printed/)] });
  await noToken.close();
}
