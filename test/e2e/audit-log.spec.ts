import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AuditEntry } from '../../shared/audit-record';
import { chainedLines } from '../integration/helpers/audit-log-fixture';
import { expect, test } from './fixtures';
import { wordsOf } from './words';

// A long audit log, written straight into the shell's data folder before the page reads it: paging,
// virtualized rows, damaged lines, outcomes whose answer was lost, and time filters in the
// operator's own time zone.

// The time filters are local wall-clock times; a fixed zone makes the conversion checkable.
test.use({ timezoneId: 'Europe/Berlin' });

const RECORDS = 450;
const BASE = Date.parse('2025-01-15T09:00:00.000Z'); // 10:00 in Berlin
/** Lines of the file (1-based) that a crash tore. */
const DAMAGED = [3, 200];

const pad = (n: number) => String(n).padStart(3, '0');

const OUTCOME_CODES = { success: 'OK', failure: 'LimitExceeded', unknown: 'OutcomeUnknown' } as const;
/** Every 7th record failed; of the others, every 25th (24, 74, … 449) lost its answer: 15 in all. */
const outcomeOf = (i: number) => (i % 7 === 0 ? 'failure' : i % 25 === 24 ? 'unknown' : 'success');
const UNKNOWN_RECORDS = 15;

function record(i: number) {
  const outcome = outcomeOf(i);
  return {
    v: 1,
    id: `e2e-${i}`,
    time: new Date(BASE + (i - 1) * 60_000).toISOString(),
    operator: { osUser: 'trainer', ...(i % 2 === 0 ? { displayName: 'Sam Lee' } : {}) },
    connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
    userPoolId: 'us-east-1_AcmeCust1',
    clientId: 'customerapp0000000000001',
    username: `customer${pad(i)}`,
    action: 'ForgotPassword',
    outcome,
    outcomeCode: OUTCOME_CODES[outcome],
    requestId: `req-${pad(i)}`,
    ticket: `INC-${pad(i)}`,
    ...(i % 5 === 0 ? { callerVerification: ['Caller confirmed the ticket number'] } : {}),
  };
}

/** Oldest first, as the log is written, with torn lines where DAMAGED says. */
async function writeAuditLog(dataDir: string) {
  const lines: string[] = [];
  let next = 1;
  while (next <= RECORDS) {
    if (DAMAGED.includes(lines.length + 1)) lines.push('{"v":1,"id":"torn","time":"2025-01-15T');
    else lines.push(JSON.stringify(record(next++)));
  }
  const dir = path.join(dataDir, 'audit');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'audit-log.jsonl'), `${lines.join('\n')}\n`, { mode: 0o600 });
}

async function openAuditLog(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
}

test('a long audit log pages by offset, renders only the rows in view, and reports damaged lines', async ({ page, appUrl, webShell }) => {
  await writeAuditLog(webShell.dataDir);
  await openAuditLog(page, appUrl);

  await expect(page.getByRole('note', { name: 'Damaged audit lines' })).toContainText(
    '2 damaged lines were skipped (line numbers 3, 200): a crash interrupted a write.',
  );

  const count = page.getByRole('main').getByRole('status').filter({ hasText: /in the log/ });
  await expect(count).toHaveText('450 records in the log; showing the newest 200.');
  const table = page.getByRole('table', { name: 'Audit records' });
  await expect(table).toHaveAttribute('aria-rowcount', '451');
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });

  // Newest first, every column filled in.
  const newest = rows.first();
  await expect(newest).toHaveAttribute('aria-rowindex', '2');
  for (const text of ['customer450', 'Sam Lee', 'trainer', 'Offline demo', 'us-east-1_AcmeCust1', 'customerapp0000000000001', 'ForgotPassword', 'Success', 'req-450', 'INC-450', 'Caller confirmed the ticket number']) {
    await expect(newest).toContainText(text);
  }
  await expect(rows.filter({ hasText: 'customer448' })).toContainText('Failure');
  await expect(rows.filter({ hasText: 'customer448' })).toContainText('LimitExceeded');

  // Only the rows in view (plus a few) are in the page, not all 200 loaded.
  expect(await rows.count()).toBeLessThan(60);

  // Scrolling towards the end fetches the next page on its own.
  const scroller = page.getByRole('region', { name: 'Audit records, scrollable' });
  await scroller.hover();
  await page.mouse.wheel(0, 200 * 80);
  await expect(count).toHaveText('450 records in the log; showing the newest 400.');

  // The button loads the rest.
  await page.getByRole('button', { name: 'Load more records' }).click();
  await expect(count).toHaveText('450 records in the log.');
  await expect(page.getByRole('button', { name: 'Load more records' })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(60);

  // By keyboard: the scroll area takes focus and End goes to the oldest record.
  await scroller.focus();
  await page.keyboard.press('End');
  const oldest = rows.filter({ hasText: 'customer001' });
  await expect(oldest).toBeVisible();
  await expect(oldest).toHaveAttribute('aria-rowindex', '451');
  await page.keyboard.press('Home');
  await expect(rows.filter({ hasText: 'customer450' })).toBeVisible();
});

test('time filters are local times, converted with the local offset, both ends included', async ({ page, appUrl, webShell }) => {
  await writeAuditLog(webShell.dataDir);
  await openAuditLog(page, appUrl);

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  // 10:10 to 10:19 in Berlin is 09:10 to 09:19:59 UTC: records 11 to 20.
  await filters.getByLabel('From', { exact: true }).fill('2025-01-15T10:10');
  await filters.getByLabel('To', { exact: true }).fill('2025-01-15T10:19');
  await filters.getByRole('button', { name: 'Apply filters' }).click();

  const count = page.getByRole('main').getByRole('status').filter({ hasText: /match/ });
  await expect(count).toHaveText('10 records match the filters.');
  const rows = page.getByRole('table', { name: 'Audit records' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toContainText('customer020');
  await expect(rows.last()).toContainText('customer011');

  // With the outcome too: record 14 is the only failure in that range.
  await filters.getByRole('button', { name: /Outcome/ }).click();
  await page.getByRole('option', { name: 'Failed', exact: true }).click();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(count).toHaveText('1 record matches the filters.');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('customer014');

  // The export follows the same filters.
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloaded;
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { username: string }[];
  expect(exported.map((r) => r.username)).toEqual(['customer014']);
});

test('an outcome whose answer was lost is shown apart from success and failure, and can be filtered and exported on its own', async ({ page, appUrl, webShell }) => {
  await writeAuditLog(webShell.dataDir);
  await openAuditLog(page, appUrl);

  const rows = page.getByRole('table', { name: 'Audit records' }).getByRole('row').filter({ has: page.getByRole('cell') });
  const unknown = rows.filter({ hasText: 'customer449' });
  await expect(unknown).toContainText('Unknown');
  await expect(unknown).toContainText('May have reached Cognito');
  await expect(unknown).toContainText('OutcomeUnknown');

  // Its badge looks like neither a success's nor a failure's.
  const badgeColours = async (username: string) =>
    rows.filter({ hasText: username }).getByText(/^(Success|Failure|Unknown)$/).evaluate((badge) => {
      const style = getComputedStyle(badge);
      return `${style.color} on ${style.backgroundColor}`;
    });
  const [succeeded, failed, lost] = [await badgeColours('customer450'), await badgeColours('customer448'), await badgeColours('customer449')];
  expect(new Set([succeeded, failed, lost]).size).toBe(3);

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByRole('button', { name: /Outcome/ }).click();
  await page.getByRole('option', { name: 'Unknown — may have reached Cognito', exact: true }).click();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const count = page.getByRole('main').getByRole('status').filter({ hasText: /match/ });
  await expect(count).toHaveText(`${UNKNOWN_RECORDS} records match the filters.`);
  await expect(rows.first()).toContainText('customer449');
  for (const row of await rows.all()) await expect(row).toContainText('May have reached Cognito');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = (await readFile(await (await downloaded).path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv).toHaveLength(UNKNOWN_RECORDS + 1);
  const outcomeColumn = csv[0]?.split(',').indexOf('outcome') ?? -1;
  expect(new Set(csv.slice(1).map((line) => line.split(',')[outcomeColumn]))).toEqual(new Set(['unknown']));
});

test('Verify follows the log\'s hash chain and names the line of a record changed on disk', async ({ page, appUrl, webShell }) => {
  const say = wordsOf('en');
  // Two records from before the chain, then twenty chained ones, as the console writes them.
  const entries = Array.from({ length: 20 }, (_, i): AuditEntry => {
    const { v: _v, ...entry } = record(i + 1);
    return { ...entry, action: 'ForgotPassword', outcome: outcomeOf(i + 1), sub: `7d3c9a10-0000-4000-8000-${pad(i + 1).padStart(12, '0')}` };
  });
  const lines = [JSON.stringify({ ...record(100), id: 'old-1' }), JSON.stringify({ ...record(101), id: 'old-2' }), ...chainedLines(entries)];
  const file = path.join(webShell.dataDir, 'audit', 'audit-log.jsonl');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  await openAuditLog(page, appUrl);

  const verify = page.getByRole('button', { name: say('audit.verify.button') });
  const result = page.getByRole('status', { name: say('audit.verify.label') });
  await verify.click();
  await expect(result).toContainText(say('audit.verify.intact', { records: 22 }));
  await expect(result).toContainText(say('audit.verify.unchained', { count: 2 }));

  // Line 10 holds customer008: someone changes who was reset.
  lines[9] = (lines[9] ?? '').replace('"customer008"', '"customer999"');
  await writeFile(file, `${lines.join('\n')}\n`);
  await verify.click();
  await expect(result).toContainText(say('audit.verify.broken', { line: '10' }));
  await expect(result).toContainText(say('audit.verify.brokenHow', { kind: 'changed' }));
  await expect(result).not.toContainText(say('audit.verify.intact', { records: 22 }));
});
