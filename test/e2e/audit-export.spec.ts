import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The audit log and the operator's settings, through the real browser shell and the offline demo.
// The recovery screens are reworked often: this spec touches them only to send one code, by role
// and accessible name, and reads everything else from the audit log, the demo panels and settings.

const USER = 'alice.verified';
/** The first of the caller checks a fresh install offers. */
const FIRST_CHECK = "Caller gave the account's email address or phone number";

/** Opens a demo pool and the user, ready to send a code through the first app client. */
async function openUser(page: Page, poolName: string, username: string) {
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
  await page.getByLabel('Search text').fill(username.split('.')[0] ?? username);
  await page.getByLabel('Search text').press('Enter');
  await page.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: new RegExp(username.replace('.', '\\.')) }).click();
  await expect(page.getByRole('heading', { level: 3, name: username })).toBeVisible();
}

function sendCodeButton(page: Page): Locator {
  return page.getByRole('main').getByRole('button', { name: /^Send (a new |recovery )?code$/i });
}

async function chooseClient(page: Page, name: RegExp) {
  const main = page.getByRole('main');
  if (await main.getByRole('radio', { name }).isChecked()) return;
  // The radio input is visually hidden; its label is what a pointer user clicks.
  await main.getByRole('radiogroup', { name: /App client/ }).getByText(name).first().click();
  await expect(main.getByRole('radio', { name })).toBeChecked();
}

/** Sends a ForgotPassword code through the staff-portal app client. */
async function sendCode(page: Page) {
  await chooseClient(page, /staff-portal/);
  await sendCodeButton(page).click();
}

async function expectCodeSent(page: Page) {
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /code sent/i })).toBeVisible();
}

/** The newest code the demo inbox shows for a user. */
async function newestCodeFor(page: Page, username: string): Promise<string> {
  const inbox = page.getByRole('complementary', { name: 'Demo inbox' });
  if (!(await inbox.isVisible())) await page.getByRole('button', { name: 'Demo inbox', exact: true }).click();
  const message = inbox.getByRole('listitem').filter({ hasText: username }).first();
  await expect(message).toBeVisible();
  const code = /Code\s*(\S+)/.exec(await message.innerText())?.[1];
  expect(code, 'the inbox message shows a code').toBeTruthy();
  return code as string;
}

async function openAuditLog(page: Page) {
  await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
}

function auditCount(page: Page): Locator {
  return page.getByRole('main').getByRole('status').filter({ hasText: /^(\d+ records? (in the log|match)|No records|No recovery actions)/ });
}

/** The data rows of the audit table (the header row has column headers, not cells). */
function auditRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Audit records' }).getByRole('row').filter({ has: page.getByRole('cell') });
}

async function chooseOutcome(page: Page, outcome: 'Any outcome' | 'Succeeded' | 'Failed') {
  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByRole('button', { name: /Outcome/ }).click();
  await page.getByRole('option', { name: outcome, exact: true }).click();
}

async function applyFilters(page: Page) {
  await page.getByRole('search', { name: 'Filter the audit log' }).getByRole('button', { name: 'Apply filters' }).click();
}

async function exportAs(page: Page, format: 'CSV' | 'JSON'): Promise<{ download: Download; text: string }> {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export ${format}` }).click();
  const download = await downloaded;
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

function settingsDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Settings' });
}

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = settingsDialog(page);
  await expect(dialog.getByLabel('Display name')).toBeVisible();
  return dialog;
}

/** By keyboard, as the switch's input is visually hidden behind its label. */
async function toggleVerification(page: Page, dialog: Locator) {
  await dialog.getByRole('switch', { name: /caller verification/ }).focus();
  await page.keyboard.press('Space');
}

/** Ticks a caller check by keyboard (its input is visually hidden behind the label). */
async function tick(page: Page, label: string) {
  const box = page.getByRole('main').getByRole('checkbox', { name: label });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

/** A plain CSV line split on commas: enough for the unquoted values these tests look at. */
function csvCells(line: string): string[] {
  return line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
}

test('a recovery action is in the audit log, the filters narrow it, and both exports carry it without secrets', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, 'Acme Staff', USER);

  // The first attempt fails on purpose (injected by the trainer's controls), the second succeeds.
  await page.getByRole('button', { name: 'Demo controls', exact: true }).click();
  const controls = page.getByRole('complementary', { name: 'Demo controls' });
  await controls.getByRole('button', { name: 'Inject' }).click();
  await expect(controls.getByRole('list', { name: 'Active faults' })).toContainText('CodeDeliveryFailureException');
  await controls.getByRole('button', { name: 'Close demo controls' }).click();

  await sendCode(page);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/CodeDeliveryFailure/);
  await sendCode(page);
  await expectCodeSent(page);
  const code = await newestCodeFor(page, USER);

  // Keyboard: the view switch is a radio group; Space picks the focused view.
  await page.getByRole('radio', { name: 'Recovery', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Audit log' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  // The recovery screen is only hidden, not gone: the user stays open behind the audit log.
  await expect(page.getByRole('navigation', { name: 'User pools' })).toBeHidden();

  await expect(auditCount(page)).toHaveText('2 records in the log.');
  const rows = auditRows(page);
  await expect(rows).toHaveCount(2);
  // Newest first: the success, then the injected failure.
  await expect(rows.nth(0)).toContainText(USER);
  await expect(rows.nth(0)).toContainText('ForgotPassword');
  await expect(rows.nth(0)).toContainText('Success');
  await expect(rows.nth(0)).toContainText('Offline demo');
  await expect(rows.nth(0)).toContainText('us-east-1_AcmeStaff1');
  await expect(rows.nth(1)).toContainText('Failure');
  await expect(rows.nth(1)).toContainText('CodeDeliveryFailure');
  await expect(page.getByRole('note', { name: 'Damaged audit lines' })).toHaveCount(0);

  // Filters: outcome, then username.
  await chooseOutcome(page, 'Failed');
  await applyFilters(page);
  await expect(auditCount(page)).toHaveText('1 record matches the filters.');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('CodeDeliveryFailure');

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByRole('textbox', { name: 'Username' }).fill('bob');
  await chooseOutcome(page, 'Any outcome');
  await applyFilters(page);
  await expect(auditCount(page)).toHaveText('No records match these filters.');

  await filters.getByRole('textbox', { name: 'Username' }).fill('ALICE');
  await chooseOutcome(page, 'Succeeded');
  await applyFilters(page);
  await expect(auditCount(page)).toHaveText('1 record matches the filters.');
  await expect(rows.first()).toContainText('Success');

  // An impossible time range is refused with a message, not sent.
  await filters.getByLabel('From', { exact: true }).fill('2030-01-02T10:00');
  await filters.getByLabel('To', { exact: true }).fill('2030-01-01T10:00');
  await applyFilters(page);
  await expect(filters.getByText('The end is before the start.')).toBeVisible();
  await expect(filters.getByLabel('To', { exact: true })).toBeFocused();
  // A range around now includes the record (local times, converted with the local offset).
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const now = Date.now();
  await filters.getByLabel('From', { exact: true }).fill(local(new Date(now - 60 * 60_000)));
  await filters.getByLabel('To', { exact: true }).fill(local(new Date(now + 60 * 60_000)));
  await applyFilters(page);
  await expect(auditCount(page)).toHaveText('1 record matches the filters.');

  // Exports carry the current filters: the one successful ForgotPassword for alice.
  const csv = await exportAs(page, 'CSV');
  expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);
  // A UTF-8 byte order mark first, so Excel reads zoë.ångström as written.
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const lines = csv.text.slice(1).trim().split(/\r?\n/);
  expect(csvCells(lines[0] ?? '')).toEqual([
    'time',
    'operator_os_user',
    'operator_display_name',
    'connection_id',
    'connection_name',
    'region',
    'user_pool_id',
    'client_id',
    'username',
    'user_sub',
    'action',
    'outcome',
    'outcome_code',
    'request_id',
    'ticket',
    'caller_verification',
  ]);
  expect(lines).toHaveLength(2);
  const cells = csvCells(lines[1] ?? '');
  expect(cells[8]).toBe(USER);
  // The user's sub, for joining the record with CloudTrail.
  expect(cells[9]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(cells[10]).toBe('ForgotPassword');
  expect(cells[11]).toBe('success');
  expect(cells[12]).toBe('OK');
  expect(csv.text).not.toContain(code);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported 1 record as ${csv.download.suggestedFilename()}.`);

  const json = await exportAs(page, 'JSON');
  expect(json.download.suggestedFilename()).toMatch(/\.json$/);
  const records = JSON.parse(json.text) as Record<string, unknown>[];
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ username: USER, action: 'ForgotPassword', outcome: 'success', outcomeCode: 'OK' });
  expect(json.text).not.toContain(code);
  for (const key of Object.keys(records[0] ?? {})) {
    expect(key, 'no field for a secret').not.toMatch(/^(code|confirmationCode|password|temporaryPassword|secret.*)$/i);
  }

  // Clearing the filters shows both records again; back to recovery, the user is still open.
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(auditCount(page)).toHaveText('2 records in the log.');
  await page.getByRole('radio', { name: 'Recovery', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3, name: USER })).toBeVisible();
});

test('settings: the display name goes on the next audit record; caller checks are validated and kept', async ({ page, appUrl }) => {
  await page.goto(appUrl);

  let dialog = await openSettings(page);
  await expect(dialog.getByRole('textbox', { name: 'Computer account' })).not.toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'Computer account' })).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('switch', { name: /caller verification/ })).not.toBeChecked();

  // Too long a name is refused with a message, on the field.
  const name = dialog.getByRole('textbox', { name: 'Display name' });
  await name.fill('x'.repeat(101));
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByText('A display name has at most 100 characters; this one has 101.')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('Dana (Tier 1)');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Settings saved.');
  // Escape closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeFocused();

  await openUser(page, 'Acme Staff', USER);
  await sendCode(page);
  await expectCodeSent(page);

  await openAuditLog(page);
  const row = auditRows(page).first();
  await expect(row).toContainText('Dana (Tier 1)');
  await expect(row).toContainText(USER);
  await page.getByRole('search', { name: 'Filter the audit log' }).getByRole('textbox', { name: 'Operator' }).fill('dana');
  await applyFilters(page);
  await expect(auditCount(page)).toHaveText('1 record matches the filters.');

  // Caller verification: turning it on offers checks to start from.
  dialog = await openSettings(page);
  await toggleVerification(page, dialog);
  const checks = dialog.getByRole('list', { name: 'Checks' });
  await expect(checks.getByRole('textbox')).toHaveCount(3);
  await expect(dialog.getByRole('textbox', { name: 'Check 1' })).toHaveValue(FIRST_CHECK);

  // A blank check and a repeated one are refused; the first problem gets focus.
  await dialog.getByRole('textbox', { name: 'Check 2' }).fill('  ');
  await dialog.getByRole('textbox', { name: 'Check 3' }).fill(FIRST_CHECK.toLowerCase());
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByText('Write the check, or remove it.')).toBeVisible();
  await expect(dialog.getByText('This check is already in the list.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Check 2' })).toBeFocused();

  // Remove the blank one (focus moves to the check that took its place), fix the other, add one.
  await dialog.getByRole('button', { name: 'Remove check 2' }).click();
  await expect(checks.getByRole('textbox')).toHaveCount(2);
  await expect(dialog.getByRole('textbox', { name: 'Check 2' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Check 2' }).fill('Caller confirmed the ticket number');
  await dialog.getByRole('button', { name: 'Add a check' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Check 3' })).toBeFocused();
  await page.keyboard.type('Caller named their manager');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Settings saved.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Saved on the privileged side: a fresh page reads them back.
  await page.reload();
  dialog = await openSettings(page);
  await expect(dialog.getByRole('textbox', { name: 'Display name' })).toHaveValue('Dana (Tier 1)');
  await expect(dialog.getByRole('switch', { name: /caller verification/ })).toBeChecked();
  await expect(dialog.getByRole('list', { name: 'Checks' }).getByRole('textbox')).toHaveCount(3);
  await expect(dialog.getByRole('textbox', { name: 'Check 1' })).toHaveValue(FIRST_CHECK);
  await expect(dialog.getByRole('textbox', { name: 'Check 2' })).toHaveValue('Caller confirmed the ticket number');
  await expect(dialog.getByRole('textbox', { name: 'Check 3' })).toHaveValue('Caller named their manager');

  // On with no checks is refused; clearing the name records the computer account alone.
  for (let i = 3; i >= 1; i--) await dialog.getByRole('button', { name: `Remove check ${i}` }).click();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Add at least one check, or turn caller verification off.');
  await toggleVerification(page, dialog);
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Settings saved.');

  // Turned on again with no checks left, it offers the suggested ones.
  await toggleVerification(page, dialog);
  await expect(dialog.getByRole('list', { name: 'Checks' }).getByRole('textbox')).toHaveCount(3);
  await expect(dialog.getByRole('textbox', { name: 'Check 1' })).toHaveValue(FIRST_CHECK);
  await expect(dialog.getByRole('status')).toHaveText(/suggested checks/);
});

// Uses the recovery panel's caller checks (renderer/features/recovery/caller-checks.tsx): one checkbox
// per check, named by its label, and the actions disabled until every one is ticked. The
// privileged side refuses an unverified action too (CallerNotVerified); this is what the operator sees.
test('with caller verification on, a code is sent only once every check is ticked, and the ticks are recorded', async ({ page, appUrl }) => {
  const required = [FIRST_CHECK, 'Caller confirmed the ticket number'];
  await page.goto(appUrl);
  const dialog = await openSettings(page);
  await toggleVerification(page, dialog);
  await dialog.getByRole('button', { name: 'Remove check 3' }).click();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Settings saved.');
  await page.keyboard.press('Escape');

  await openUser(page, 'Acme Staff', USER);
  await chooseClient(page, /staff-portal/);
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Ticket' }).fill('INC-4711');
  await expect(sendCodeButton(page)).toBeDisabled();
  await tick(page, required[0] as string);
  await expect(sendCodeButton(page)).toBeDisabled();
  await tick(page, required[1] as string);
  await sendCodeButton(page).click();
  await expectCodeSent(page);

  await openAuditLog(page);
  const row = auditRows(page).first();
  await expect(row).toContainText('Success');
  await expect(row).toContainText('INC-4711');
  for (const label of required) await expect(row).toContainText(label);
});

test('a damaged settings file fails closed: the header says where it went, every action asks for the caller checks, saving ends it', async ({ page, appUrl, webShell }) => {
  // The shell reads the settings on the first call, so the file can be damaged before the page opens.
  writeFileSync(path.join(webShell.dataDir, 'settings.json'), '{"callerVerification": {"enabled": fals');
  await page.goto(appUrl);
  const notice = page.getByRole('banner').getByRole('status').filter({ hasText: 'Settings:' });
  await expect(notice).toContainText(/settings\.json could not be used \(it is not valid JSON\) and was moved to .*settings\.json\.damaged-/);
  await expect(notice).toContainText('caller verification is required');

  await openUser(page, 'Acme Staff', USER);
  await chooseClient(page, /staff-portal/);
  await expect(page.getByRole('main').getByRole('checkbox', { name: FIRST_CHECK })).toBeVisible();
  await expect(sendCodeButton(page)).toBeDisabled();

  await notice.getByRole('button', { name: 'Review settings' }).click();
  const dialog = settingsDialog(page);
  await expect(dialog.getByRole('switch', { name: /caller verification/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Settings saved.');
  await expect(notice).toHaveCount(0);
});

test('text that would read differently in the audit log is refused on its field before anything is sent', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const dialog = await openSettings(page);
  // U+202E turns "Eve\u202Enimda" into "Eveadmin" on screen.
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('Eve\u202Enimda');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByText('A display name cannot contain control characters or invisible text-direction marks.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Display name' })).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');

  await openUser(page, 'Acme Staff', USER);
  await chooseClient(page, /staff-portal/);
  const ticket = page.getByRole('main').getByRole('textbox', { name: 'Ticket' });
  await ticket.fill('HD-7\u2066x');
  await expect(page.getByRole('main').getByText('A ticket reference cannot contain control characters or invisible text-direction marks.')).toBeVisible();
  await expect(ticket).toHaveAttribute('aria-invalid', 'true');
  await expect(sendCodeButton(page)).toBeDisabled();
  await ticket.fill('HD-7');
  await expect(sendCodeButton(page)).toBeEnabled();
});

test('settings the contract refuses are said on their fields and never sent: a display name over the limit, a check with a control character', async ({ page, appUrl }) => {
  const updates: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/settings:update') updates.push(request.postData() ?? '');
  });
  await page.goto(appUrl);
  let dialog = await openSettings(page);
  const name = dialog.getByRole('textbox', { name: 'Display name' });
  await name.fill('x'.repeat(101));
  await toggleVerification(page, dialog);
  const check = dialog.getByRole('textbox', { name: 'Check 2' });
  await check.fill('Caller read the code back\u0007');
  await dialog.getByRole('button', { name: 'Save settings' }).click();

  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/A display name has at most 100 characters; this one has 101\./);
  await expect(check).toHaveAttribute('aria-invalid', 'true');
  await expect(check).toHaveAccessibleDescription('A caller check cannot contain control characters or invisible text-direction marks.');
  await expect(name).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText('');
  expect(updates).toEqual([]);

  // Nothing was saved: a fresh page reads the settings as they were.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.reload();
  dialog = await openSettings(page);
  await expect(dialog.getByRole('textbox', { name: 'Display name' })).toHaveValue('');
  await expect(dialog.getByRole('switch', { name: /caller verification/ })).not.toBeChecked();
  expect(updates).toEqual([]);
});
