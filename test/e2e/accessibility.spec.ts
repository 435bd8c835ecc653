import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { tourScreens } from './screens';

// axe-core on every main screen in the light and the dark colour scheme (the console follows the
// operating system's), and the focus ring's contrast, which axe does not check.

const SCHEMES = ['light', 'dark'] as const;

test('axe finds no violations on any main screen, in light or dark', async ({ page, appUrl, webShell }) => {
  test.setTimeout(240_000);
  await tourScreens(page, appUrl, webShell.origin, async ({ name, page: screenPage }) => {
    for (const colorScheme of SCHEMES) {
      await screenPage.emulateMedia({ colorScheme });
      expect(await screenPage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${colorScheme} scheme applied`).toBe(colorScheme === 'dark');
      // Soft: one run reports every screen and scheme that fails, not just the first.
      expect.soft(await axeViolations(screenPage), `axe on ${name} (${colorScheme})`).toEqual([]);
    }
    await screenPage.emulateMedia({ colorScheme: 'light' });
  });
});

/** WCAG relative luminance contrast of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The ring's colour and the colour it is drawn on: the element's own background for an inset ring, its surroundings' otherwise. */
async function ringAndBackground(target: Locator): Promise<{ ring: string; width: number; background: string }> {
  return target.evaluate((focused) => {
    // react-aria draws some rings on a wrapper (a radio's label) that it marks, not on the focused input.
    const element = focused.closest('[data-focus-visible]') ?? focused;
    const style = getComputedStyle(element);
    const ring = { ring: style.outlineColor, width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) };
    let node: Element | null = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    for (; node; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(background)) return { ...ring, background };
    }
    return { ...ring, background: getComputedStyle(document.documentElement).backgroundColor };
  });
}

async function expectRingStandsOut(page: Page, target: Locator, what: string) {
  // A Tab first: react-aria shows its focus ring only after keyboard use.
  await page.keyboard.press('Tab');
  // Focus again while it is elsewhere: a list or panel that re-renders as its data arrives on a busy machine
  // may take focus once, and this test is about how the ring looks, not about that.
  await expect(async () => {
    await target.focus();
    await expect(target).toBeFocused({ timeout: 1_000 });
  }).toPass();
  const { ring, width, background } = await ringAndBackground(target);
  expect(width, `a focus ring shows on ${what}`).toBeGreaterThanOrEqual(2);
  expect(contrast(ring, background), `focus ring ${ring} on ${background}: ${what}`).toBeGreaterThanOrEqual(3);
}

test('the focus ring stands out 3:1 from what it is drawn on, in light and dark', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }).click();
  const users = page.getByRole('listbox', { name: 'Users' });
  await users.getByRole('option').first().click();
  await expect(users.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  const targets: [Locator, string][] = [
    [page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Recovery' }), 'the selected view, in the header'],
    [page.getByRole('button', { name: 'Settings', exact: true }), 'a header button'],
    [page.getByRole('navigation', { name: 'User pools' }).getByRole('button', { name: /Acme Staff/ }), 'the chosen pool'],
    [page.getByRole('searchbox', { name: 'Search text' }), 'a text field'],
    [page.getByRole('switch', { name: /one attribute/ }), 'the advanced search switch'],
    [users.getByRole('option').first(), 'the selected user'],
  ];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const [target, what] of targets) await expectRingStandsOut(page, target, `${what} (${colorScheme})`);
  }
});
