import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Screen } from './screens';

// What reflow means here (WCAG 2.2, 1.4.10), checked on a screen: the reflow spec runs it at small
// windows and high zoom, the languages spec in German and in the pseudo-locale's longer words.

// Data tables may scroll both ways (1.4.10's exception): the audit records keep their columns.
const SCROLLS_BOTH_WAYS = '.audit-scroll';

/** The page, or any scrolling region other than a data table's, that scrolls sideways. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate((exempt) => {
    const found: string[] = [];
    const root = document.documentElement;
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
    if (root.scrollWidth > root.clientWidth) {
      // Name the innermost elements that stick out, so a failure says where to look.
      const out = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5);
      const innermost = out.filter((element) => !out.some((other) => other !== element && element.contains(other)));
      found.push(`the page (${root.scrollWidth} px wide in ${root.clientWidth}: ${innermost.slice(0, 3).map(name).join(', ')})`);
    }
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1 && !element.matches(exempt)) {
        found.push(`${name(element)} (${element.scrollWidth} px wide in ${element.clientWidth})`);
      }
    }
    return found;
  }, SCROLLS_BOTH_WAYS);
}

/** What keeps a control from being seen or used: outside the window, clipped by a scrolling box, or covered. */
async function visibilityProblems(control: Locator): Promise<string[]> {
  return control.evaluate((element) => {
    // Scrolled to as an operator would: into the middle of its pane, not just its first visible pixel.
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    const describe = (node: Element | null) => (node ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} “${(node.textContent ?? '').trim().slice(0, 40)}”` : 'nothing');
    const box = element.getBoundingClientRect();
    const problems: string[] = [];
    if (box.width < 1 || box.height < 1) return ['it has no size'];
    const outside = (left: number, top: number, right: number, bottom: number) =>
      box.left < left - 0.5 || box.top < top - 0.5 || box.right > right + 0.5 || box.bottom > bottom + 0.5;
    if (outside(0, 0, innerWidth, innerHeight)) problems.push(`it is not wholly in the window (${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)})`);
    // The window itself clips for the root and the body (checked above); any other box that does not show overflow clips too.
    for (let clipper = element.parentElement; clipper && clipper !== document.body; clipper = clipper.parentElement) {
      const style = getComputedStyle(clipper);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const edge = clipper.getBoundingClientRect();
      const left = edge.left + clipper.clientLeft;
      const top = edge.top + clipper.clientTop;
      if (outside(left, top, left + clipper.clientWidth, top + clipper.clientHeight)) problems.push(`it is clipped by ${describe(clipper)}`);
    }
    // The control (or what is inside it) must be what a pointer finds at its centre and near its corners.
    const inset = Math.min(4, box.width / 4, box.height / 4);
    const points: [number, number][] = [
      [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === element || element.contains(hit))) problems.push(`${describe(hit)} covers it at ${Math.round(x)},${Math.round(y)}`);
    }
    return problems;
  });
}

/** Nothing scrolls sideways, and each key control is wholly visible and uncovered once scrolled to. */
export async function expectReflows({ name, page, keyControls }: Screen) {
  expect.soft(await sidewaysScrollers(page), `nothing scrolls sideways on ${name}`).toEqual([]);
  for (const control of keyControls) {
    await expect(control).toBeVisible();
    expect.soft(await visibilityProblems(control), `${control} on ${name}`).toEqual([]);
  }
}
