import type { CDPSession, Locator, Page } from '@playwright/test';
import { buildScaleSeed, SCALE_POOL_NAME, SCALE_USERS_ENV } from '../../electron/emulator/scale-seed';
import { DEMO_CUSTOMER_COUNT, DEMO_CUSTOMER_POOL_NAME, demoCustomerUsername } from '../../electron/emulator/seed';
import { expect, test } from '../e2e/fixtures';
import { containing, wordsOf } from '../e2e/words';

// Issue 14: the console against a 50,000-user pool, in real Chromium through the browser shell, as an
// operator uses it. Printed after the run, each with its target:
// - finding the caller: from pressing Enter on the caller's email in the search box to the frame that
//   shows their row, median over several callers (and the same in the 260-customer pool, as a ratio);
// - scrolling the results: thousands of the pool's rows loaded, scrolled a few rows every animation
//   frame; frame durations from requestAnimationFrame timestamps read in whole 60 Hz frames (see
//   inWholeFrames), p95 per run, median over runs; beside them, the main thread's busy time per frame.
// The emulator keeps Cognito's request quotas on, as an operator meets them. Headless Chromium on a busy
// 2-core machine is noisy: read the medians, and the spread beside them.

const FIND_TARGET_MS = 1_000;
/** Far past the target: a caller not shown by then is a failure, not a slow find. */
const FIND_GIVE_UP_MS = 30_000;
/** One frame at 60 Hz, the target as written; and the display's frame interval that it rounds. */
const FRAME_TARGET_MS = 16.7;
const FRAME_INTERVAL_MS = 1_000 / 60;

const say = wordsOf('en');

const SCALE_USERS = 50_000;
const CALLER_RUNS = 5;
/** Rows loaded before scrolling: 50 of Cognito's pages of 60. */
const ROWS_TO_LOAD = 3_000;
const SCROLL_RUNS = 5;
const FRAMES_PER_RUN = 300;
/** A fast wheel flick: every frame brings new rows into view. */
const ROWS_PER_FRAME = 4;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const percentile = (values: readonly number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
};

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

async function openPool(page: Page, poolName: string) {
  await page.getByRole('navigation', { name: say('app.pools.heading') }).getByRole('button', { name: new RegExp(poolName) }).click();
  await expect(page.getByRole('heading', { level: 2, name: poolName })).toBeVisible();
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: say('users.search.text') });
const userList = (page: Page) => page.getByRole('listbox', { name: say('users.list.label') });

interface FindTiming {
  /** From the Enter key to the frame after a new list shows the caller's row. */
  total: number;
  /** Of which the users:find request, as the page's resource timing saw it: the privileged side and the emulator. */
  request: number;
}

/**
 * Types what the caller says, then times in the page from the Enter key to the frame after a new
 * list shows a row naming `username` (the list before the search does not count).
 */
async function timeFinding(page: Page, said: string, username: string): Promise<FindTiming> {
  const box = searchBox(page);
  await box.fill(said);
  await box.evaluate((element, { username, listLabel, giveUpMs }) => {
    const input = element as HTMLInputElement;
    performance.clearResourceTimings();
    const listSelector = `[role="listbox"][aria-label="${listLabel}"]`;
    const listBefore = document.querySelector(listSelector);
    const shown = () =>
      [...document.querySelectorAll(`${listSelector} [role="option"]`)].some((row) => row.closest(listSelector) !== listBefore && row.textContent?.includes(username));
    const timing = new Promise<number>((resolve, reject) => {
      const onEnter = (event: KeyboardEvent) => {
        if (event.key !== 'Enter') return;
        input.removeEventListener('keydown', onEnter, { capture: true });
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(giveUp);
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        // Fails the run with a reason rather than waiting out the test's timeout.
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`No row for ${username} within ${giveUpMs} ms of Enter.`));
        }, giveUpMs);
      };
      input.addEventListener('keydown', onEnter, { capture: true });
    });
    (window as unknown as { findTiming: Promise<number> }).findTiming = timing;
  }, { username, listLabel: say('users.list.label'), giveUpMs: FIND_GIVE_UP_MS });
  await box.press('Enter');
  const timing = await page.evaluate(async () => ({
    total: await (window as unknown as { findTiming: Promise<number> }).findTiming,
    request: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/users:find'))?.duration ?? Number.NaN,
  }));
  await expect(userList(page).getByRole('option', { name: containing(username) })).toBeVisible();
  return timing;
}

/** Scrolls the whole pool's list to its end until at least `rows` rows are loaded (each end reached loads the next page). */
async function loadRows(page: Page, rows: number) {
  await expect
    .poll(
      () =>
        userList(page).evaluate((listbox) => {
          const scroller = listbox.parentElement as HTMLElement;
          scroller.scrollTop = scroller.scrollHeight;
          return Math.max(0, ...[...listbox.querySelectorAll('[role="option"]')].map((row) => Number(row.getAttribute('aria-posinset'))));
        }),
      { timeout: 240_000, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(rows);
}

/** Scrolls the list by `rowsPerFrame` rows every animation frame, turning at either end; returns each of `frames` frames' duration. */
async function scrollFrames(list: Locator, frames: number, rowsPerFrame: number): Promise<number[]> {
  return list.evaluate(
    (listbox, { frames, rowsPerFrame }) =>
      new Promise<number[]>((resolve) => {
        const scroller = listbox.parentElement as HTMLElement;
        const rowHeight = listbox.querySelector<HTMLElement>('[role="option"]')?.offsetHeight ?? 60;
        let direction = 1;
        const starts: number[] = [];
        const step = (frameStart: number) => {
          starts.push(frameStart);
          if (starts.length > frames) {
            resolve(starts.slice(1).map((start, index) => start - (starts[index] ?? start)));
            return;
          }
          const end = scroller.scrollHeight - scroller.clientHeight;
          if (scroller.scrollTop >= end) direction = -1;
          if (scroller.scrollTop <= 0) direction = 1;
          scroller.scrollBy(0, direction * rowsPerFrame * rowHeight);
          requestAnimationFrame(step);
        };
        scroller.scrollTop = 0;
        // The first frame is taken a frame after the jump to the top.
        requestAnimationFrame(() => requestAnimationFrame(step));
      }),
    { frames, rowsPerFrame },
  );
}

/** The page's main thread, busy in total so far (seconds): Chromium's own counters, through the DevTools protocol. */
async function mainThreadSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

/**
 * Frame durations in whole frames of the display: requestAnimationFrame timestamps are the display's
 * frame times coarsened to 0.1 ms (Chromium, a page not cross-origin isolated), so a frame on time reads
 * 16.6 to 16.8 ms, and one that missed a refresh 33.3.
 */
function inWholeFrames(durations: readonly number[]): number[] {
  return durations.map((duration) => Math.max(1, Math.round(duration / FRAME_INTERVAL_MS)) * FRAME_INTERVAL_MS);
}

interface ScrollResult {
  /** Per run: p95 of the frame durations in whole frames. */
  p95: number[];
  /** Per run: p95 as measured, to the timer's 0.1 ms. */
  measuredP95: number[];
  /** Per run: share of frames that missed at least one refresh. */
  missedShare: number[];
  /** Per run: the main thread's busy time per frame, on average: what is left of the 16.7 ms is headroom. */
  busyPerFrame: number[];
}

/** Several scroll runs over the list as it is; the first is a warm-up. */
async function scrollRuns(page: Page): Promise<ScrollResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const result: ScrollResult = { p95: [], measuredP95: [], missedShare: [], busyPerFrame: [] };
  for (let run = 0; run <= SCROLL_RUNS; run += 1) {
    const busyBefore = await mainThreadSeconds(cdp);
    const durations = await scrollFrames(userList(page), FRAMES_PER_RUN, ROWS_PER_FRAME);
    const busy = (await mainThreadSeconds(cdp)) - busyBefore;
    if (run === 0) continue;
    // Whole frames are read at 60 Hz, headless Chromium's rate: a display at another rate would need its own interval.
    expect(median(durations), 'frames at 60 Hz').toBeCloseTo(FRAME_INTERVAL_MS, 0);
    const frames = inWholeFrames(durations);
    result.p95.push(percentile(frames, 0.95));
    result.measuredP95.push(percentile(durations, 0.95));
    result.missedShare.push(frames.filter((frame) => frame > FRAME_INTERVAL_MS).length / frames.length);
    result.busyPerFrame.push((busy * 1_000) / FRAMES_PER_RUN);
  }
  await cdp.detach();
  return result;
}

interface PoolUnderTest {
  name: string;
  userCount: number;
  /** Callers spread through the pool, each with what they say (their email); the first is only a warm-up (code loading, first render). */
  callers: ReadonlyArray<{ said: string; username: string }>;
}

interface PoolResult {
  finds: FindTiming[];
  rowsLoaded: number;
  loadSeconds: number;
  scroll: ScrollResult;
}

/** Where the callers sit in a pool of `count`: spread evenly, numbered from 1. */
function spreadPositions(count: number): number[] {
  return Array.from({ length: CALLER_RUNS + 1 }, (_, index) => Math.max(1, Math.round(((index + 0.5) * count) / (CALLER_RUNS + 1))));
}

/** The operator's turn in one pool: find each caller, then list the whole pool and scroll through it. */
async function measurePool(page: Page, pool: PoolUnderTest): Promise<PoolResult> {
  await openPool(page, pool.name);
  const finds: FindTiming[] = [];
  for (const caller of pool.callers) finds.push(await timeFinding(page, caller.said, caller.username));

  // Nothing in the box lists the whole pool, a page at a time as the list nears its end.
  await searchBox(page).fill('');
  await searchBox(page).press('Enter');
  const rowsLoaded = Math.min(ROWS_TO_LOAD, pool.userCount);
  const loadStart = performance.now();
  await loadRows(page, rowsLoaded);
  const loadSeconds = (performance.now() - loadStart) / 1_000;
  return { finds: finds.slice(1), rowsLoaded, loadSeconds, scroll: await scrollRuns(page) };
}

const CUSTOMERS: PoolUnderTest = {
  name: DEMO_CUSTOMER_POOL_NAME,
  userCount: DEMO_CUSTOMER_COUNT,
  callers: spreadPositions(DEMO_CUSTOMER_COUNT).map((n) => ({ said: `${demoCustomerUsername(n)}@example.net`, username: demoCustomerUsername(n) })),
};

/** The generated pool's callers: at the spread positions, the nearest user after each who has an email to say. */
function scaleCallers(): PoolUnderTest['callers'] {
  const { users } = buildScaleSeed(SCALE_USERS);
  return spreadPositions(SCALE_USERS).map((position) => {
    const user = users.slice(position - 1).find((candidate) => candidate.Attributes.some((attribute) => attribute.Name === 'email'));
    const email = user?.Attributes.find((attribute) => attribute.Name === 'email')?.Value;
    if (!user || !email) throw new Error(`No user with an email from position ${position} of Acme Scale.`);
    return { said: email, username: user.Username };
  });
}

const runs = (values: readonly number[], digits: number) => values.map((value) => value.toFixed(digits)).join(', ');
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function scrollDetail(scroll: ScrollResult): string {
  return (
    `runs ${runs(scroll.p95, 1)} ms; as timed, to 0.1 ms: ${runs(scroll.measuredP95, 1)} ms; ` +
    `frames that missed a refresh: ${scroll.missedShare.map(percent).join(', ')}; main thread busy per frame, on average: ${runs(scroll.busyPerFrame, 1)} ms`
  );
}

test.use({ shellEnv: { [SCALE_USERS_ENV]: String(SCALE_USERS) } });

test('the console against a 50,000-user pool: finding the caller, scrolling the results', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  // The small pool first, side by side in the same run: the ratio says what the pool's size costs.
  const small = await measurePool(page, CUSTOMERS);
  const large = await measurePool(page, { name: SCALE_POOL_NAME, userCount: SCALE_USERS, callers: scaleCallers() });

  const totals = (pool: PoolResult) => pool.finds.map((timing) => timing.total);
  const requests = (pool: PoolResult) => pool.finds.map((timing) => timing.request);
  const find = median(totals(large));
  const smallFind = median(totals(small));
  const scroll = median(large.scroll.p95);
  const users = SCALE_USERS.toLocaleString('en-US');
  console.log(
    [
      '',
      `The console in Chromium, against ${SCALE_POOL_NAME} (${users} users) and ${DEMO_CUSTOMER_POOL_NAME} (${DEMO_CUSTOMER_COUNT}+) in one run`,
      `finding the caller at ${users} users: ${find.toFixed(0)} ms (target < ${FIND_TARGET_MS}): ${verdict(find < FIND_TARGET_MS)}`,
      `  Enter on the caller's email to the frame showing their row, median of ${CALLER_RUNS} callers: ${runs(totals(large), 0)} ms`,
      `  of which the users:find request (privileged side and emulator): ${runs(requests(large), 0)} ms, median ${median(requests(large)).toFixed(0)} ms`,
      `  at ${DEMO_CUSTOMER_COUNT} users: ${smallFind.toFixed(0)} ms (${runs(totals(small), 0)} ms; the request ${runs(requests(small), 0)} ms); ratio ${(find / smallFind).toFixed(2)}×`,
      `scroll p95 frame: ${scroll.toFixed(1)} ms (target ≤ ${FRAME_TARGET_MS}): ${verdict(scroll <= FRAME_TARGET_MS)}`,
      `  ${large.rowsLoaded.toLocaleString('en-US')} rows loaded (in ${large.loadSeconds.toFixed(1)} s), ${ROWS_PER_FRAME} rows a frame, median of ${SCROLL_RUNS} runs of ${FRAMES_PER_RUN} frames`,
      `  ${scrollDetail(large.scroll)}`,
      `  ${DEMO_CUSTOMER_POOL_NAME}, ${small.rowsLoaded} rows: p95 ${median(small.scroll.p95).toFixed(1)} ms; ${scrollDetail(small.scroll)}`,
      // Only the rows in view are rendered: a frame should cost the same whatever the number of rows loaded.
      `  main thread busy per frame, ${large.rowsLoaded.toLocaleString('en-US')} rows to ${small.rowsLoaded}: ${(median(large.scroll.busyPerFrame) / median(small.scroll.busyPerFrame)).toFixed(2)}×`,
      '',
    ].join('\n'),
  );
});
