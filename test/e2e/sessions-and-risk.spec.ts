import type { Page } from '@playwright/test';
import { codeFromInbox } from './caller';
import { expect, test } from './fixtures';
import { openUser } from './screens';
import { wordsOf } from './words';

// Sessions, signing out everywhere and sign-in risk, as an operator does them in the offline demo:
// one journey per task. Controls are found by the catalogs' words.

const say = wordsOf('en');

async function openStaffUser(page: Page, appUrl: string, username: string, pool = 'Acme Staff') {
  await page.goto(appUrl);
  await openUser(page, say, pool, username);
}

const security = (page: Page) => page.getByRole('region', { name: say('security.heading') });
const sessions = (page: Page) => security(page).getByRole('group', { name: say('security.sessions.heading') });
const risk = (page: Page) => security(page).getByRole('group', { name: say('security.risk.heading') });

test('an operator signs out one session: the session in Lagos goes, the laptop stays', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'alice.verified');
  const table = sessions(page).getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'Lagos' })).toBeVisible();
  await expect(sessions(page)).toContainText(say('security.sessions.caveat'));

  const lagos = say('security.sessions.place', { city: 'Lagos', country: 'Nigeria' });
  await table.getByRole('button', { name: say('security.sessions.revokeLabel', { device: 'Safari 18 / iOS 18.1', place: lagos }) }).click();
  const dialog = page.getByRole('dialog', { name: say('security.revoke.title', { username: 'alice.verified' }) });
  await expect(dialog).toContainText('Safari 18 / iOS 18.1');
  await dialog.getByRole('button', { name: say('security.revoke.confirm') }).click();

  await expect(dialog).toHaveCount(0);
  await expect(sessions(page).getByRole('status')).toContainText('Safari 18 / iOS 18.1');
  await expect(table.getByRole('row').filter({ hasText: 'Lagos' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Seattle' })).toBeVisible();
});

test('an operator signs a user out everywhere on its own, behind a confirmation that says what it cannot reach', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'frank.both');
  await expect(sessions(page).getByRole('row').filter({ hasText: 'Frankfurt' })).toBeVisible();
  await sessions(page).getByRole('button', { name: say('security.everywhere.button') }).click();
  const dialog = page.getByRole('dialog', { name: say('security.everywhere.title', { username: 'frank.both' }) });
  await expect(dialog).toContainText(say('security.sessions.caveat'));
  await dialog.getByRole('button', { name: say('security.everywhere.confirm') }).click();

  await expect(dialog).toHaveCount(0);
  await expect(sessions(page).getByRole('status')).toContainText('frank.both');
  await expect(sessions(page)).toContainText(say('security.sessions.none', { username: 'frank.both' }));
});

test('a possible compromise: the reset also signs the user out everywhere, and the done view says what happened to each', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'mia.alias');
  const panel = page.getByRole('region', { name: say('recovery.panel.heading') });
  await panel.getByRole('radiogroup', { name: say('recovery.client.label') }).getByText('staff-portal (no secret)').click();
  // The box itself is visually hidden behind its label, as the caller checks' are.
  await panel.getByText(say('security.compromise.label')).click();
  await expect(panel.getByRole('checkbox', { name: say('security.compromise.label') })).toBeChecked();
  // The sessions advise it as soon as the call is marked.
  await expect(sessions(page)).toContainText(say('security.everywhere.advised'));

  await panel.getByRole('button', { name: say('recovery.panel.send') }).click();
  await expect(panel.getByRole('status').filter({ hasText: say('recovery.delivery.heading', { uncertain: 'no' }) })).toBeVisible();
  const signOutAfter = panel.getByRole('checkbox', { name: say('security.afterReset.label') });
  await expect(signOutAfter).toBeChecked();

  await panel.getByRole('textbox', { name: say('recovery.confirm.code') }).fill(await codeFromInbox(page, 'mia.alias'));
  await panel.getByLabel(say('recovery.password.new'), { exact: true }).fill('Harbour-Lights-42');
  await panel.getByRole('button', { name: say('recovery.confirm.submit') }).click();

  const done = page.getByRole('region', { name: say('recovery.done.heading') });
  await expect(done).toBeVisible();
  await expect(done).toContainText('mia.alias');
  // "mia.alias was also signed out everywhere at …": the words up to the time.
  await expect(done).toContainText(say('security.afterReset.done', { username: 'mia.alias', at: 0 }).split(' at ')[0] ?? 'missing');
  await expect(done.getByRole('alert')).toHaveCount(0);
  // Both actions are in the audit log, each on its own.
  await page.getByRole('radiogroup', { name: say('app.view.label') }).getByRole('radio', { name: say('app.view.audit') }).click();
  const rows = page.getByRole('table', { name: say('audit.table.label') }).getByRole('row');
  await expect(rows.filter({ hasText: say('audit.action.globalSignOut') }).filter({ hasText: 'mia.alias' })).toHaveCount(1);
  await expect(rows.filter({ hasText: say('audit.action.confirmForgotPassword') }).filter({ hasText: 'mia.alias' })).toHaveCount(1);
});

test('an operator marks a high-risk sign-in as not the user', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'alice.verified');
  const risky = risk(page).getByRole('row').filter({ hasText: say('security.risk.level', { level: 'High' }) });
  await expect(risky).toContainText(say('security.risk.decision', { decision: 'Block' }));
  await expect(risky).toContainText('198.51.100.7');
  await risky.getByRole('button', { name: new RegExp(`^${say('security.risk.mark', { value: 'Invalid' })}`) }).click();
  await expect(risky).toContainText(say('security.risk.feedback', { value: 'Invalid' }));
  await expect(risky.getByRole('button', { name: new RegExp(`^${say('security.risk.mark', { value: 'Invalid' })}`) })).toBeDisabled();
});

test('in a pool without threat protection, a plain sentence says there is no risk history', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'customer003', 'Acme Customers');
  await expect(risk(page)).toContainText(say('security.risk.off'));
  await expect(risk(page).getByRole('alert')).toHaveCount(0);
});

test('a sign-out whose answer is lost says so honestly, inside its dialog, and that doing it again is harmless', async ({ page, appUrl }) => {
  await openStaffUser(page, appUrl, 'frank.both');
  // A trainer's setup: the next AdminUserGlobalSignOut fails with a server error (HTTP 500).
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('recovery-desk.token') ?? '';
    await fetch('/api/demo:injectFault', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ connectionId: 'demo', operation: 'AdminUserGlobalSignOut', error: 'InternalError', count: 1 }),
    });
  });
  await sessions(page).getByRole('button', { name: say('security.everywhere.button') }).click();
  const dialog = page.getByRole('dialog', { name: say('security.everywhere.title', { username: 'frank.both' }) });
  await dialog.getByRole('button', { name: say('security.everywhere.confirm') }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(say('security.everywhere.unknown', { username: 'frank.both' }));
  await expect(alert).toContainText(say('errors.OutcomeUnknown.GlobalSignOut.guidance'));
  // Doing it again works and ends every session.
  await dialog.getByRole('button', { name: say('security.everywhere.confirm') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sessions(page)).toContainText(say('security.sessions.none', { username: 'frank.both' }));
});
