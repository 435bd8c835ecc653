import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { ending, wordsOf, type PageLocale } from './words';

export type Say = ReturnType<typeof wordsOf>;

// One walk through the console's main screens, as an operator reaches them in the offline demo.
// The accessibility and reflow specs both take it and check each screen in their own way.

export interface Screen {
  name: string;
  page: Page;
  /** What the operator needs on this screen (controls, and the words that say what to do): each must fit the window. */
  keyControls: Locator[];
}

export type ScreenCheck = (screen: Screen) => Promise<void>;

function poolsNav(page: Page, say: Say): Locator {
  return page.getByRole('navigation', { name: say('app.pools.heading') });
}

function recoveryPanel(page: Page, say: Say): Locator {
  return page.getByRole('region', { name: say('recovery.panel.heading') });
}

function verdictPanel(page: Page, say: Say): Locator {
  return page.getByRole('region', { name: say('recovery.verdict.heading') });
}

async function openPool(page: Page, say: Say, poolName: string) {
  await poolsNav(page, say).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
}

/** Opens a demo pool's user as an operator does: the pool, the search, the user in the list. */
export async function openUser(page: Page, say: Say, poolName: string, username: string) {
  await openPool(page, say, poolName);
  await page.getByLabel(say('users.search.text')).fill(username);
  await page.getByLabel(say('users.search.text')).press('Enter');
  await page.getByRole('listbox', { name: say('users.list.label') }).getByRole('option', { name: new RegExp(username.replace(/\./g, '\\.')) }).click();
  await expect(page.getByRole('heading', { level: 3, name: username })).toBeVisible();
}

/** The visible card of an app client (its radio input is visually hidden). */
function clientCard(page: Page, say: Say, label: string): Locator {
  return recoveryPanel(page, say).getByRole('radiogroup', { name: say('recovery.client.label') }).getByText(label);
}

/** The words on a verdict's badge ("✓ Ready:"). */
const badge = (say: Say, status: 'ready' | 'blocked' | 'uncertain') => say('recovery.verdict.badge', { status });

/** Calls a contract channel with the page's own session token, as a trainer's setup step. */
export async function callFromPage(page: Page, channel: string, request: unknown) {
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

async function alternativeDialog(page: Page, say: Say, check: ScreenCheck, trigger: string, title: string, confirm: string) {
  await verdictPanel(page, say).getByRole('button', { name: trigger }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const cancel = dialog.getByRole('button', { name: say('recovery.alternatives.cancel') });
  await check({ name: `the “${trigger}” dialog`, page, keyControls: [dialog.getByRole('button', { name: confirm }), cancel] });
  await cancel.click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Visits every main screen in turn and runs the check on each once it shows: the start, a pool's
 * users, a user's verdicts (ready, blocked, uncertain) and recovery step, the code step with an
 * error and beside the demo inbox and controls, the unknown-outcome warning, each alternative's
 * dialog, settings, the connections manager, the audit log (success, failure and unknown
 * outcomes, and its verified chain), and the page opened without its session token.
 */
export async function tourScreens(page: Page, appUrl: string, origin: string, check: ScreenCheck, locale: PageLocale = 'en') {
  const say = wordsOf(locale);
  await page.goto(appUrl);
  const staffPool = poolsNav(page, say).getByRole('button', { name: /Acme Staff/ });
  await expect(staffPool).toBeVisible();
  await check({ name: 'the start screen', page, keyControls: [page.getByRole('button', { name: ending(say('connections.picker.label')) }), staffPool] });

  await openPool(page, say, 'Acme Staff');
  const users = page.getByRole('listbox', { name: say('users.list.label') });
  await expect(users.getByRole('option').first()).toBeVisible();
  await check({
    name: 'a pool and its users',
    page,
    keyControls: [page.getByRole('searchbox', { name: say('users.search.text') }), page.getByRole('button', { name: say('users.search.submit'), exact: true }), users.getByRole('option').first()],
  });

  await openUser(page, say, 'Acme Staff', 'alice.verified');
  const panel = recoveryPanel(page, say);
  const ticket = panel.getByRole('textbox', { name: say('recovery.callerChecks.ticket') });
  await check({ name: 'a user before an app client is chosen', page, keyControls: [ticket, clientCard(page, say, 'staff-portal (no secret)')] });
  await clientCard(page, say, 'staff-portal (no secret)').click();
  await expect(verdictPanel(page, say).getByRole('status')).toContainText(badge(say, 'ready'));
  const send = panel.getByRole('button', { name: say('recovery.panel.send') });
  await check({ name: 'a ready verdict and the recovery step', page, keyControls: [ticket, clientCard(page, say, 'staff-backend (secret)'), send] });

  // The user's sessions and sign-in events (the Staff pool has threat protection), and the sign-out's confirmation.
  const security = page.getByRole('region', { name: say('security.heading') });
  const everywhere = security.getByRole('button', { name: say('security.everywhere.button') });
  const risky = security.getByRole('row').filter({ hasText: say('security.risk.level', { level: 'High' }) });
  await expect(risky).toBeVisible();
  await check({
    name: "a user's sessions and sign-in events",
    page,
    keyControls: [
      security.getByRole('button', {
        name: say('security.sessions.revokeLabel', { device: 'Chrome 131 / macOS 15.1', place: say('security.sessions.place', { city: 'Seattle', country: 'United States' }) }),
      }),
      everywhere,
      risky.getByRole('button').first(),
    ],
  });
  await everywhere.click();
  const signOutDialog = page.getByRole('dialog', { name: say('security.everywhere.title', { username: 'alice.verified' }) });
  const keepSignedIn = signOutDialog.getByRole('button', { name: say('security.cancel') });
  await check({ name: 'the “Sign out everywhere” dialog', page, keyControls: [signOutDialog.getByRole('button', { name: say('security.everywhere.confirm') }), keepSignedIn] });
  await keepSignedIn.click();
  await expect(signOutDialog).toHaveCount(0);

  await send.click();
  await expect(panel.getByRole('status').filter({ hasText: say('recovery.delivery.heading', { uncertain: 'no' }) })).toBeVisible();
  await page.getByRole('button', { name: say('app.demo.inbox'), exact: true }).click();
  await page.getByRole('button', { name: say('app.demo.controls'), exact: true }).click();
  const inbox = page.getByRole('complementary', { name: say('demo.inbox.title') });
  const controls = page.getByRole('complementary', { name: say('demo.controls.title') });
  await expect(inbox.getByRole('listitem').filter({ hasText: 'alice.verified' })).toBeVisible();
  const code = panel.getByRole('textbox', { name: say('recovery.confirm.code') });
  const password = panel.getByLabel(say('recovery.password.new'), { exact: true });
  const setPassword = panel.getByRole('button', { name: say('recovery.confirm.submit') });
  await check({
    name: 'the code step beside the demo inbox and controls',
    page,
    keyControls: [code, password, setPassword, controls.getByRole('button', { name: say('demo.fault.inject') }), inbox.getByRole('button', { name: say('demo.inbox.clear') })],
  });

  await code.fill('000000');
  await panel.getByRole('button', { name: say('recovery.password.generate') }).click();
  await setPassword.click();
  const failure = panel.getByRole('alert');
  await expect(failure).toContainText('CodeMismatchException');
  await check({ name: 'the confirm step with an error', page, keyControls: [code, password, setPassword] });

  // A lost answer: neither success nor failure. The fault shows in the demo controls meanwhile.
  await callFromPage(page, 'demo:injectFault', { operation: 'ForgotPassword', error: 'InternalError', count: 1 });
  await openUser(page, say, 'Acme Staff', 'frank.both');
  await clientCard(page, say, 'staff-portal (no secret)').click();
  await expect(controls.getByRole('list', { name: say('demo.faults.heading') }).getByRole('listitem')).toBeVisible();
  await panel.getByRole('button', { name: say('recovery.panel.send') }).click();
  await expect(failure).toContainText('OutcomeUnknown');
  await check({
    name: 'the unknown-outcome warning',
    page,
    keyControls: [panel.getByRole('button', { name: say('recovery.panel.sendNew') }), panel.getByRole('button', { name: say('recovery.panel.alreadyHasCode') })],
  });
  await controls.getByRole('button', { name: say('demo.controls.closeLabel') }).click();
  await inbox.getByRole('button', { name: say('demo.inbox.closeLabel') }).click();

  await openUser(page, say, 'Acme Staff', 'dave.disabled');
  await clientCard(page, say, 'staff-portal (no secret)').click();
  await expect(verdictPanel(page, say).getByRole('status')).toContainText(badge(say, 'blocked'));
  await check({ name: 'a blocked verdict', page, keyControls: [verdictPanel(page, say).getByRole('status')] });

  await openUser(page, say, 'Acme Staff', 'carol.unverified');
  await clientCard(page, say, 'staff-portal (no secret)').click();
  const carol = { username: 'carol.unverified' };
  await alternativeDialog(page, say, check, say('recovery.temporary.label'), say('recovery.temporary.title', carol), say('recovery.temporary.confirm', carol));

  await openUser(page, say, 'Acme Staff', 'erin.new-hire');
  await clientCard(page, say, 'staff-portal (no secret)').click();
  const erin = { username: 'erin.new-hire' };
  await alternativeDialog(page, say, check, say('recovery.invitation.label'), say('recovery.invitation.title', erin), say('recovery.invitation.confirm', erin));

  // The only app client is chosen for the operator here; it hides user-existence errors.
  await openUser(page, say, 'Acme Customers', 'customer003');
  await expect(verdictPanel(page, say).getByRole('status')).toContainText(badge(say, 'uncertain'));
  // No threat protection in this pool: a plain sentence, no table.
  await expect(page.getByRole('region', { name: say('security.heading') })).toContainText(say('security.risk.off'));
  await check({
    name: 'an uncertain verdict',
    page,
    keyControls: [verdictPanel(page, say).getByRole('button', { name: say('recovery.adminReset.label') }), panel.getByRole('button', { name: say('recovery.panel.send') })],
  });
  const customer = { username: 'customer003' };
  await alternativeDialog(page, say, check, say('recovery.adminReset.label'), say('recovery.adminReset.title', customer), say('recovery.adminReset.confirm', customer));

  // How the user signs in: a customer without a password, and Reset MFA's confirmation for a lost device.
  await openUser(page, say, 'Acme Customers', 'amy.passwordless');
  await expect(verdictPanel(page, say).getByRole('status')).toContainText(badge(say, 'blocked'));
  // The verdict's long reason is taller than a 400% zoom window; the section saying how the user signs in is the key.
  await check({ name: 'a user without a password', page, keyControls: [page.getByRole('heading', { name: say('factors.title') })] });
  await openUser(page, say, 'Acme Customers', 'ben.sms-mfa');
  await page.getByRole('region', { name: say('factors.title') }).getByRole('button', { name: say('factors.reset.open') }).click();
  const resetMfa = page.getByRole('dialog', { name: say('factors.reset.heading', { username: 'ben.sms-mfa' }) });
  const keepMfa = resetMfa.getByRole('button', { name: say('factors.reset.cancel') });
  await check({ name: 'the “Reset MFA” dialog', page, keyControls: [resetMfa.getByRole('button', { name: say('factors.reset.confirm') }), keepMfa] });
  await keepMfa.click();
  await expect(resetMfa).toHaveCount(0);

  await page.getByRole('button', { name: say('app.settings'), exact: true }).click();
  const settings = page.getByRole('dialog', { name: say('settings.title') });
  const displayName = settings.getByRole('textbox', { name: say('settings.displayName.label') });
  await expect(displayName).toBeVisible();
  await check({ name: 'settings', page, keyControls: [displayName, settings.getByRole('button', { name: say('settings.save') })] });
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await page.getByRole('button', { name: say('app.connections.manageLabel') }).click();
  const manager = page.getByRole('dialog', { name: say('connections.manager.title') });
  const add = manager.getByRole('button', { name: say('connections.manager.add') });
  await expect(manager.getByRole('list', { name: say('connections.manager.list') })).toBeVisible();
  await check({ name: 'the connections manager', page, keyControls: [add, manager.getByRole('button', { name: say('connections.manager.closeLabel') })] });
  await add.click();
  const form = manager.getByRole('form', { name: say('connections.form.addHeading') });
  await expect(form).toBeVisible();
  await check({
    name: 'the add-connection form',
    page,
    keyControls: [form.getByRole('textbox', { name: say('connections.form.name.label') }), form.getByRole('combobox', { name: say('connections.form.region.label') })],
  });
  await manager.getByRole('button', { name: say('connections.manager.closeLabel') }).click();
  await expect(manager).toHaveCount(0);

  // The caller in every pool: alice is in two of the demo's four pools.
  await page.getByRole('button', { name: say('allPools.open'), exact: true }).click();
  const allPools = page.getByRole('search', { name: say('allPools.heading') });
  await allPools.getByRole('searchbox', { name: say('allPools.text') }).fill('alice.verified');
  await allPools.getByRole('button', { name: say('allPools.submit'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: say('allPools.finished', { hits: 2, total: 4 }) })).toBeVisible();
  const found = page.getByRole('region', { name: say('allPools.results') }).getByRole('button', { name: /alice\.verified/ });
  await expect(found).toHaveCount(2);
  await check({ name: 'the caller found in every pool', page, keyControls: [allPools.getByRole('searchbox', { name: say('allPools.text') }), found.first()] });
  await page.getByRole('button', { name: say('allPools.close'), exact: true }).click();

  // Every action above is in the audit log: successes, failures and an unknown outcome.
  await page.getByRole('radiogroup', { name: say('app.view.label') }).getByRole('radio', { name: say('app.view.audit') }).click();
  const rows = page.getByRole('table', { name: say('audit.table.label') }).getByRole('row');
  for (const outcome of ['success', 'failure', 'unknown'] as const) await expect(rows.filter({ hasText: say(`audit.outcome.${outcome}`) }).first()).toBeVisible();
  const filters = page.getByRole('search', { name: say('audit.filters.label') });
  await check({
    name: 'the audit log',
    page,
    keyControls: [filters.getByRole('textbox', { name: say('audit.filters.username') }), filters.getByRole('button', { name: say('audit.filters.apply') }), page.getByRole('button', { name: say('audit.export.csv') })],
  });
  // The check of the log's hash chain, and what it found.
  const verify = page.getByRole('button', { name: say('audit.verify.button') });
  await verify.click();
  const verified = page.getByRole('status', { name: say('audit.verify.label') }).locator('.notice-title');
  await expect(verified).toBeVisible();
  await check({ name: 'the audit log, its chain verified', page, keyControls: [verify, verified] });

  // A new tab has no session token (it is kept per tab): every call is refused, and the page says why.
  const noToken = await page.context().newPage();
  const size = page.viewportSize();
  if (size) await noToken.setViewportSize(size);
  await noToken.goto(`${origin}/`);
  const refused = noToken.getByRole('alert').filter({ hasText: say('errors.CallerRejected.no-session.message') }).first();
  await expect(refused).toBeVisible();
  await check({ name: 'the page without its session token', page: noToken, keyControls: [refused.locator('.notice-guidance')] });
  await noToken.close();
}
