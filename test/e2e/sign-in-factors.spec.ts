import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callFromPage, openUser } from './screens';
import { wordsOf } from './words';

// How the user signs in and a lost MFA device, as the operator meets them through the real browser
// shell and the offline demo: a caller without a password told apart from one who forgot theirs, and
// "Reset MFA" for a caller with a new phone.

const say = wordsOf('en');
const CUSTOMERS = 'Acme Customers';

const verdictPanel = (page: Page): Locator => page.getByRole('region', { name: say('recovery.verdict.heading') });
const factorsPanel = (page: Page): Locator => page.getByRole('region', { name: say('factors.title') });

test('a caller without a password is told apart: no code to send, and how they sign in instead', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, say, CUSTOMERS, 'amy.passwordless');

  const verdict = verdictPanel(page);
  await expect(verdict.getByRole('status')).toContainText(say('recovery.verdict.badge', { status: 'blocked' }));
  await expect(verdict.getByRole('status')).toContainText(say('recovery.reason.noPassword', { methods: say('factors.factor.emailCode') }));
  // Nothing invites the operator to send a password-reset code she does not need.
  await expect(page.getByRole('button', { name: say('recovery.panel.send') })).toHaveCount(0);

  const factors = factorsPanel(page);
  await expect(factors).toContainText(say('factors.password.no'));
  await expect(factors).toContainText(say('factors.factor.emailCode'));
  await expect(factors).toContainText(say('factors.mfa.none'));
  await expect(factors.getByRole('button', { name: say('factors.reset.open') })).toHaveCount(0);

  // The pool's settings say how its users may sign in.
  await page.getByRole('button', { name: say('pools.overview.settings') }).click();
  const allowed = [say('factors.factor.password'), say('factors.factor.emailCode'), say('factors.factor.passkey')];
  await expect(page.getByRole('region', { name: say('pools.signIn.heading'), exact: true })).toContainText(new Intl.ListFormat('en', { type: 'conjunction' }).format(allowed));

  // A caller with a passkey and a password is a password user: the usual verdict, and the passkey shown.
  await openUser(page, say, CUSTOMERS, 'cara.passkey');
  await expect(factorsPanel(page)).toContainText(say('factors.password.yes'));
  await expect(factorsPanel(page)).toContainText(say('factors.factor.passkey'));
  await expect(verdictPanel(page).getByRole('status')).not.toContainText(say('factors.factor.passkey'));
  await expect(page.getByRole('button', { name: say('recovery.panel.send') })).toBeVisible();
});

test('a caller with a new phone: Reset MFA behind a confirmation, and what happens at their next sign-in', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openUser(page, say, CUSTOMERS, 'ben.sms-mfa');

  const factors = factorsPanel(page);
  await expect(factors).toContainText(say('factors.mfa.preferred', { method: say('factors.mfa.sms') }));
  await factors.getByRole('button', { name: say('factors.reset.open') }).click();

  const dialog = page.getByRole('dialog', { name: say('factors.reset.heading', { username: 'ben.sms-mfa' }) });
  await expect(dialog).toContainText(say('factors.reset.optionalPool'));
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: say('factors.reset.cancel') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(factors).toContainText(say('factors.mfa.preferred', { method: say('factors.mfa.sms') }));

  // The answer is lost (a trainer's fault): neither done nor failed, said so in the dialog; nothing changed here.
  await callFromPage(page, 'demo:injectFault', { operation: 'AdminSetUserMFAPreference', error: 'InternalError', count: 1 });
  await factors.getByRole('button', { name: say('factors.reset.open') }).click();
  await dialog.getByRole('button', { name: say('factors.reset.confirm') }).click();
  await expect(dialog.getByRole('alert')).toContainText(say('factors.reset.unknown'));
  await expect(dialog.getByRole('alert')).toContainText(say('errors.OutcomeUnknown.ResetMfa.guidance'));
  // As its guidance says, resetting again does no harm.
  await dialog.getByRole('button', { name: say('factors.reset.confirm') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(factors.getByRole('status')).toContainText(say('factors.reset.done', { username: 'ben.sms-mfa', count: 1 }));
  await expect(factors.getByRole('status')).toContainText(say('factors.reset.doneOptional'));
  await expect(factors).toContainText(say('factors.mfa.none'));
  await expect(factors.getByRole('button', { name: say('factors.reset.open') })).toHaveCount(0);

  // The reset is in the audit log.
  await page.getByRole('radiogroup', { name: say('app.view.label') }).getByRole('radio', { name: say('app.view.audit') }).click();
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'ben.sms-mfa' }).first()).toContainText(say('audit.action.resetMfa'));
});

test.describe('a policy that does not allow resetting MFA', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    shellEnv: async ({}, use, testInfo) => {
      const file = testInfo.outputPath('policy.json');
      writeFileSync(file, JSON.stringify({ allowedActions: ['forgotPassword', 'confirmForgotPassword'] }));
      await use({ RECOVERY_DESK_POLICY_FILE: file });
    },
  });

  test('Reset MFA is not offered, and a line says why', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await openUser(page, say, CUSTOMERS, 'ben.sms-mfa');
    const factors = factorsPanel(page);
    await expect(factors).toContainText(say('factors.reset.notAllowed'));
    await expect(factors.getByRole('button', { name: say('factors.reset.open') })).toHaveCount(0);
  });
});
