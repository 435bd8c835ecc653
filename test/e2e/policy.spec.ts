import { writeFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import type { Policy } from '../../shared/policy';
import { expect, test } from './fixtures';
import { openUser } from './screens';
import { startSecondEmulator, type SecondEmulator } from './second-emulator';
import { axeViolations } from './axe';
import { clippedText, untranslatedText } from './translation-checks';
import { ending, pseudoLocaleScript, wordsOf } from './words';

// The organization's policy as the operator meets it, through the real browser shell started with
// RECOVERY_DESK_POLICY_FILE: the ticket it requires, checked as it is typed; the actions it leaves out,
// hidden, with a line saying so; caller verification shown as set by the organization; the demo gone
// and the console on the first preset connection; a policy file that cannot be used, named in the
// header. The privileged side's refusals are test/integration/policy-*.test.ts.

const say = wordsOf('en');
const STAFF = 'Acme Staff';
const PUBLIC_CLIENT = 'staff-portal (no secret)';
const CHECK = 'Caller gave their employee number';

/** Where each test's policy file is written: in its own output folder, which Playwright clears. */
const policyFile = (testInfo: TestInfo) => testInfo.outputPath('policy.json');

/** The shell's environment for a policy: the file written for the test, named by RECOVERY_DESK_POLICY_FILE. */
function withPolicy(policy: () => Policy, env: (testInfo: TestInfo) => NodeJS.ProcessEnv = () => ({})) {
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  return async ({}, use: (env: NodeJS.ProcessEnv) => Promise<void>, testInfo: TestInfo) => {
    writeFileSync(policyFile(testInfo), JSON.stringify(policy()));
    await use({ RECOVERY_DESK_POLICY_FILE: policyFile(testInfo), ...env(testInfo) });
  };
}

type Say = typeof say;
const recoveryPanel = (page: Page, words: Say = say): Locator => page.getByRole('region', { name: words('recovery.panel.heading') });
const verdictPanel = (page: Page, words: Say = say): Locator => page.getByRole('region', { name: words('recovery.verdict.heading') });

async function chooseClient(page: Page, words: Say = say) {
  await recoveryPanel(page, words).getByRole('radiogroup', { name: words('recovery.client.label') }).getByText(PUBLIC_CLIENT).click();
}

/**
 * What the policy adds to a screen, in the pseudo-locale: every word from a catalog, none cut off,
 * nothing axe finds. `data` is text that is a value, not a word of the page (a connection's name and
 * profile are not yet marked translate="no" where the page runs them into its own words).
 */
async function expectWorded(page: Page, screen: string, data: readonly string[] = []) {
  const untranslated = (await untranslatedText(page)).filter((text) => !data.some((value) => text.includes(value)));
  expect.soft(untranslated, `every word on ${screen} comes from a catalog`).toEqual([]);
  expect.soft(await clippedText(page), `no text is cut off on ${screen}`).toEqual([]);
  expect.soft(await axeViolations(page), `axe finds nothing on ${screen}`).toEqual([]);
}

test.describe('a policy that requires a ticket of a form, sets caller verification and allows some actions', () => {
  const pattern = '^INC-\\d+$';
  test.use({
    shellEnv: withPolicy(() => ({
      requireTicket: true,
      ticketPattern: pattern,
      callerVerification: { required: true, checks: [CHECK] },
      allowedActions: ['forgotPassword', 'confirmForgotPassword', 'resendInvitation'],
    })),
  });

  test('the ticket is required and checked against the form as it is typed, before anything is sent', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await openUser(page, say, STAFF, 'alice.verified');
    await chooseClient(page);
    const panel = recoveryPanel(page);
    const ticket = panel.getByRole('textbox', { name: say('recovery.callerChecks.ticket') });
    const send = panel.getByRole('button', { name: say('recovery.panel.send') });
    await expect(ticket).toHaveAttribute('aria-required', 'true');
    await expect(panel.getByText(say('recovery.callerChecks.ticketRequiredForm', { pattern }))).toBeVisible();
    await expect(send).toBeDisabled();
    await expect(panel.getByText(say('recovery.panel.ticketFirst'))).toBeVisible();

    // Half typed is not told off; leaving the field says what is wrong.
    await ticket.fill('INC-');
    await expect(panel.getByText(say('recovery.callerChecks.ticketPattern', { pattern }))).toBeHidden();
    await ticket.press('Tab');
    await expect(panel.getByText(say('recovery.callerChecks.ticketPattern', { pattern }))).toBeVisible();
    await expect(ticket).toHaveAttribute('aria-invalid', 'true');
    await expect(send).toBeDisabled();

    await ticket.fill('INC-4711');
    await expect(panel.getByText(say('recovery.callerChecks.ticketPattern', { pattern }))).toBeHidden();
    // The organization's check, and only it, must be ticked.
    await expect(send).toBeDisabled();
    // The input is visually hidden under its label: the label is what the operator clicks.
    await panel.locator('label.caller-check').filter({ hasText: CHECK }).click();
    await expect(panel.getByRole('checkbox', { name: CHECK })).toBeChecked();
    await expect(send).toBeEnabled();
    await send.click();
    await expect(panel.getByRole('textbox', { name: say('recovery.confirm.code') })).toBeFocused();
  });

  test('an action the policy leaves out is hidden, and a line says so', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await openUser(page, say, STAFF, 'erin.new-hire');
    await chooseClient(page);
    const verdict = verdictPanel(page);
    await expect(verdict.getByRole('button', { name: say('recovery.invitation.label') })).toBeVisible();
    await expect(verdict.getByRole('button', { name: say('recovery.temporary.label') })).toHaveCount(0);
    const actions = say('recovery.policy.action', { action: 'setTemporaryPassword' });
    await expect(verdict.getByText(say('recovery.policy.notAllowed', { actions }))).toBeVisible();
  });

  test('Settings show caller verification and the rest as set by the organization, with nothing to change', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await page.getByRole('button', { name: say('app.settings'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: say('settings.title') });
    const verification = dialog.getByRole('region', { name: new RegExp(say('settings.verification.heading')) });
    await expect(verification.getByText(say('settings.policy.setByOrganization'))).toBeVisible();
    await expect(verification.getByText(CHECK)).toBeVisible();
    await expect(verification.getByRole('switch')).toHaveCount(0);
    await expect(verification.getByRole('textbox')).toHaveCount(0);

    const organization = dialog.getByRole('region', { name: say('settings.policy.heading') });
    await expect(organization.getByText(say('settings.policy.ticketValue', { required: 'yes', form: 'set', pattern }))).toBeVisible();
    // Saving the rest still works: the organization's part is not sent.
    await dialog.getByLabel(say('settings.displayName.label')).fill('Dana');
    await dialog.getByRole('button', { name: say('settings.save') }).click();
    await expect(dialog.getByText(say('settings.saved'))).toBeVisible();
  });

  test.describe('in the pseudo-locale', () => {
    const pseudo = wordsOf('en-XA');
    test.beforeEach(async ({ context }) => {
      await context.addInitScript((entry) => entry && localStorage.setItem(entry.key, entry.value), pseudoLocaleScript('en-XA'));
    });

    test('the ticket\'s rule and problem, the line for a hidden action and Settings\' part of the organization are all worded, whole and accessible', async ({ page, appUrl }) => {
      test.setTimeout(120_000);
      await page.goto(appUrl);
      await openUser(page, pseudo, STAFF, 'alice.verified');
      await chooseClient(page, pseudo);
      const ticket = recoveryPanel(page, pseudo).getByRole('textbox', { name: pseudo('recovery.callerChecks.ticket') });
      await ticket.fill('INC-');
      await ticket.press('Tab');
      await expect(recoveryPanel(page, pseudo).getByText(pseudo('recovery.callerChecks.ticketPattern', { pattern }))).toBeVisible();
      await expectWorded(page, 'the ticket of the wrong form');

      await openUser(page, pseudo, STAFF, 'erin.new-hire');
      await chooseClient(page, pseudo);
      await expect(verdictPanel(page, pseudo).getByText(pseudo('recovery.policy.notAllowed', { actions: pseudo('recovery.policy.action', { action: 'setTemporaryPassword' }) }))).toBeVisible();
      await expectWorded(page, 'the verdict with an action left out');

      await page.getByRole('button', { name: pseudo('app.settings'), exact: true }).click();
      await expect(page.getByRole('dialog', { name: pseudo('settings.title') }).getByRole('region', { name: pseudo('settings.policy.heading'), exact: true })).toBeVisible();
      await expectWorded(page, 'Settings');
    });
  });
});

test.describe('a policy that leaves no action the verdict offers', () => {
  test.use({ shellEnv: withPolicy(() => ({ allowedActions: ['adminResetPassword'] })) });

  test('a ready caller is offered an administrator reset in place of the code, and the code step is said to be the app\'s', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await openUser(page, say, STAFF, 'alice.verified');
    await chooseClient(page);
    const verdict = verdictPanel(page);
    await expect(recoveryPanel(page).getByRole('button', { name: say('recovery.panel.send') })).toHaveCount(0);
    await expect(verdict.getByRole('button', { name: say('recovery.adminReset.label') })).toBeVisible();
    await expect(verdict.getByText(say('recovery.policy.confirmInApp'))).toBeVisible();
  });

  test('a new hire, whose ways in are all left out, is to be passed on', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await openUser(page, say, STAFF, 'erin.new-hire');
    await chooseClient(page);
    const verdict = verdictPanel(page);
    await expect(verdict.getByText(say('recovery.policy.passOn'))).toBeVisible();
    await expect(verdict.getByRole('button')).toHaveCount(0);
  });
});

test.describe('a policy file that cannot be used', () => {
  // One key misspelt: the whole file is refused, naming it.
  test.use({ shellEnv: withPolicy(() => ({ requireTickets: true }) as unknown as Policy) });

  test('the header names the file and its problem; no recovery action is offered, looking still works', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    const notice = page.getByRole('banner').getByRole('status').filter({ hasText: say('errors.policy.problem', { problem: 'unknownKey', key: 'requireTickets', errno: '' }) });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(policyFile(test.info()));
    await openUser(page, say, STAFF, 'alice.verified');
    await chooseClient(page);
    const verdict = verdictPanel(page);
    await expect(verdict.getByText(say('recovery.policy.unusable'))).toBeVisible();
    await expect(recoveryPanel(page).getByRole('button', { name: say('recovery.panel.send') })).toHaveCount(0);
  });

  test('in the pseudo-locale, the notice and the verdict\'s line are worded, whole and accessible', async ({ page, context, appUrl }) => {
    const pseudo = wordsOf('en-XA');
    await context.addInitScript((entry) => entry && localStorage.setItem(entry.key, entry.value), pseudoLocaleScript('en-XA'));
    await page.goto(appUrl);
    await openUser(page, pseudo, STAFF, 'alice.verified');
    await chooseClient(page, pseudo);
    await expect(verdictPanel(page, pseudo).getByText(pseudo('recovery.policy.unusable'))).toBeVisible();
    await expect(page.getByRole('banner').getByRole('status').filter({ hasText: policyFile(test.info()) })).toBeVisible();
    await expectWorded(page, 'a policy file that cannot be used');
  });
});

test.describe('demo: false, with preset connections', () => {
  /** The preset's name and profile, as the administrator wrote them. */
  const PRESET_DATA = ['Staff directory', 'helpdesk'];
  let elsewhere: SecondEmulator;
  test.beforeAll(async () => {
    elsewhere = await startSecondEmulator();
  });
  test.afterAll(async () => {
    await elsewhere?.stop();
  });
  // The emulator's address is known only once it runs: the policy is written then. Its profile's keys
  // come from a credentials file of the test's own, as an organization's machines would have them.
  test.use({
    shellEnv: withPolicy(
      () => ({ demo: false, connections: [{ name: 'Staff directory', region: 'us-east-1', profile: 'helpdesk', endpoint: elsewhere.endpoint }] }),
      (testInfo) => {
        const credentials = testInfo.outputPath('credentials');
        writeFileSync(credentials, '[helpdesk]\naws_access_key_id = AKIAPRESETPROFILE003\naws_secret_access_key = presetProfileSecret0000000000000000003\n');
        writeFileSync(testInfo.outputPath('config'), '');
        return { AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: testInfo.outputPath('config') };
      },
    ),
  });

  test('the console starts on the preset connection, without the demo or its tools', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('button', { name: ending(say('connections.picker.label')) })).toContainText('Staff directory');
    await expect(page.getByText(say('connections.describe.setByOrganization'))).toBeVisible();
    await expect(page.getByRole('button', { name: say('app.demo.inbox') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: say('app.demo.controls') })).toHaveCount(0);
    // Its pools come through the organization's connection.
    await openUser(page, say, STAFF, 'alice.verified');
  });

  test('the preset can be tested, not edited, renamed or deleted', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await page.getByRole('button', { name: say('app.connections.manageLabel') }).click();
    const card = page.getByRole('listitem', { name: 'Staff directory' });
    await expect(card.getByText(say('connections.card.setByOrganization'))).toBeVisible();
    await expect(card.getByText(say('connections.card.setByOrganizationHint'))).toBeVisible();
    const name = 'Staff directory';
    await expect(card.getByRole('button', { name: say('connections.connection.edit', { name }) })).toHaveCount(0);
    await expect(card.getByRole('button', { name: say('connections.connection.rename', { name }) })).toHaveCount(0);
    await expect(card.getByRole('button', { name: say('connections.card.deleteLabel', { name }) })).toHaveCount(0);
    await card.getByRole('button', { name: say('connections.test.label', { name }) }).click();
    await expect(card.getByText(say('connections.test.customEndpoint'))).toBeVisible();
  });

  test('in the pseudo-locale, the preset\'s marks in the picker and the manager are worded, whole and accessible', async ({ page, context, appUrl }) => {
    const pseudo = wordsOf('en-XA');
    await context.addInitScript((entry) => entry && localStorage.setItem(entry.key, entry.value), pseudoLocaleScript('en-XA'));
    await page.goto(appUrl);
    await expect(page.getByText(pseudo('connections.describe.setByOrganization'))).toBeVisible();
    await expectWorded(page, 'the console on a preset connection', PRESET_DATA);
    await page.getByRole('button', { name: pseudo('app.connections.manageLabel') }).click();
    await expect(page.getByRole('listitem', { name: 'Staff directory' }).getByText(pseudo('connections.card.setByOrganizationHint'))).toBeVisible();
    await expectWorded(page, 'the connection manager with a preset', PRESET_DATA);
  });
});
