import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { wordsOf } from './words';

// "I don't know which of your apps I signed up with": one search across every pool of the
// connection, its progress, stopping it, and opening the user it found in the workspace.

const say = wordsOf('en');

async function searchAllPools(page: Page, text: string) {
  await page.getByRole('navigation', { name: say('app.pools.heading') }).getByRole('button', { name: say('allPools.open'), exact: true }).click();
  const form = page.getByRole('search', { name: say('allPools.heading') });
  const box = form.getByRole('searchbox', { name: say('allPools.text') });
  // Opening the search puts the operator in its box.
  await expect(box).toBeFocused();
  await box.fill(text);
  await box.press('Enter');
}

const results = (page: Page) => page.getByRole('region', { name: say('allPools.results') });

test('finds a caller present in two pools, grouped by pool, and opens the one the operator picks', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await searchAllPools(page, 'alice.verified');
  await expect(page.getByRole('status').filter({ hasText: say('allPools.finished', { hits: 2, total: 4 }) })).toBeVisible();

  // Connection › pool › users: the demo connection, then each pool she is in, under its own heading.
  await expect(results(page).getByRole('heading', { level: 3, name: /Offline demo/ })).toBeVisible();
  for (const pool of ['Acme Staff', 'Acme Customers']) {
    const section = results(page).getByRole('region', { name: new RegExp(pool) });
    await expect(section.getByRole('heading', { level: 4 })).toContainText(pool);
    await expect(section.getByRole('button', { name: /alice\.verified/ })).toContainText('matched by username');
  }
  await expect(results(page)).toContainText(say('allPools.withoutMatch', { count: 2 }));

  // Picked in Acme Customers: that pool opens, with her open in it.
  await results(page).getByRole('region', { name: /Acme Customers/ }).getByRole('button', { name: /alice\.verified/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Acme Customers' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'alice.verified' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: say('app.pools.heading') }).getByRole('button', { name: /Acme Customers/ })).toHaveAttribute('aria-current', 'true');

  // Back to the search: its results are still there.
  await page.getByRole('button', { name: say('allPools.open'), exact: true }).click();
  await expect(results(page).getByRole('button', { name: /alice\.verified/ })).toHaveCount(2);
});

test('the operator stops a search; the page says how far it got', async ({ page, appUrl, webShell }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('navigation', { name: say('app.pools.heading') }).getByRole('button', { name: /Acme Staff/ })).toBeVisible();
  // Slow answers, so the search is still running when the operator stops it.
  const injected = await page.evaluate(async (token) => {
    const response = await fetch('/api/demo:injectFault', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ operation: 'ListUsers', delayMs: 3_000, count: 100 }),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  }, webShell.token);
  expect(injected).toBe(true);

  await searchAllPools(page, 'alice.verified');
  const stop = page.getByRole('button', { name: say('allPools.cancel') });
  await expect(page.getByRole('progressbar', { name: say('allPools.progressLabel') })).toBeVisible();
  await stop.click();
  const stopped = page.getByRole('status').filter({ hasText: /^Search stopped after/ });
  await expect(stopped).toBeVisible();
  await expect(stop).toHaveCount(0);
  // The button pressed is gone: focus is on what the search says.
  await expect(stopped).toBeFocused();
  await expect(results(page)).toContainText(/not searched: the search was stopped/);
});
