import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { logStreamName } from '../../electron/core/audit-shipper';
import { startCloudWatchLogsStandIn, type CloudWatchLogsStandIn } from '../integration/helpers/cloudwatch-logs-stand-in';
import { expect, test as base } from './fixtures';
import { axeViolations } from './axe';
import { startWebShell } from './web-shell';
import { wordsOf, type PageLocale } from './words';

// The Audit log view shows how far the central audit trail has got, when the organization's policy
// (RECOVERY_DESK_POLICY_FILE) sends every record to CloudWatch Logs: here a loopback stand-in of its
// JSON API, reached by the real browser shell and its real SDK client.

const GROUP = '/recovery-desk/audit';
const REGION = 'eu-west-1';
const STREAM = logStreamName('desk/', hostname(), userInfo().username);
const say = wordsOf('en');
const TIME_ZONE = 'UTC';

const test = base.extend<{ standIn: CloudWatchLogsStandIn }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  standIn: async ({}, use) => {
    const standIn = await startCloudWatchLogsStandIn();
    await use(standIn);
    await standIn.close();
  },
  // The shell with a policy naming the stand-in, and a profile whose keys sign the calls.
  webShell: async ({ standIn }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recovery-desk-e2e-trail-'));
    writeFileSync(path.join(dir, 'credentials'), '[auditor]\naws_access_key_id = AKIAAUDITSTANDIN0003\naws_secret_access_key = stand-in-secret-key-of-the-auditor\n', { mode: 0o600 });
    writeFileSync(path.join(dir, 'config'), '', { mode: 0o600 });
    const policy = { audit: { cloudWatchLogs: { region: REGION, logGroupName: GROUP, logStreamPrefix: 'desk/', endpoint: standIn.endpoint, profile: 'auditor' } } };
    writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policy));
    const shell = await startWebShell({
      env: {
        RECOVERY_DESK_POLICY_FILE: path.join(dir, 'policy.json'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
        AWS_CONFIG_FILE: path.join(dir, 'config'),
      },
    });
    try {
      await use(shell);
    } finally {
      await shell.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

test.use({ timezoneId: TIME_ZONE, locale: 'en-US' });

const OLDEST = Date.now() - 3 * 3600_000;

/** Records as the console writes them, straight into the shell's audit log, oldest first. */
function writeRecords(dataDir: string, count: number): string[] {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      v: 1,
      id: `trail-${i}`,
      time: new Date(OLDEST + i * 60_000).toISOString(),
      operator: { osUser: 'trainer' },
      connection: { id: 'demo', name: 'Offline demo', region: 'us-east-1' },
      userPoolId: 'us-east-1_AcmeStaff1',
      username: `user${i}`,
      action: 'ForgotPassword',
      outcome: 'success',
      outcomeCode: 'OK',
    }),
  );
  mkdirSync(path.join(dataDir, 'audit'), { recursive: true });
  writeFileSync(path.join(dataDir, 'audit', 'audit-log.jsonl'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return lines;
}

/** A time as the page writes it in a sentence (medium date, short time, in the page's language, UTC). */
const pageDateTime = (ms: number, language: PageLocale = 'en') =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(ms));

async function openAuditLog(page: Page, appUrl: string, words = say) {
  await page.goto(appUrl);
  await page.getByRole('radiogroup', { name: words('app.view.label') }).getByRole('radio', { name: words('app.view.audit') }).click();
  await expect(page.getByRole('heading', { level: 2, name: words('audit.title') })).toBeVisible();
}

test('a missing log group shows as failing, with why and what to do; once it exists, every record is delivered', async ({ page, appUrl, webShell, standIn }) => {
  test.setTimeout(120_000);
  const lines = writeRecords(webShell.dataDir, 3);
  await openAuditLog(page, appUrl);

  const trail = page.getByRole('region', { name: say('audit.trail.label') });
  await expect(trail.getByRole('status')).toHaveText(say('audit.trail.failing', { count: 3, since: pageDateTime(OLDEST) }));
  await expect(trail).toContainText(say('errors.AuditDeliveryFailed.log-group-missing.message', { logGroupName: GROUP, region: REGION }));
  await expect(trail).toContainText(say('errors.AuditDeliveryFailed.log-group-missing.guidance', { logGroupName: GROUP, region: REGION }));
  await expect(trail).toContainText(say('audit.trail.destination', { logGroupName: GROUP, region: REGION, logStreamName: STREAM, lastDelivered: 'none' }));
  expect(standIn.logGroupExists(GROUP)).toBe(false);

  // The administrator creates the group: the next attempt (the wait doubles from 2 s) delivers.
  standIn.createLogGroup(GROUP);
  await expect(trail.getByRole('status')).toHaveText(say('audit.trail.delivered'), { timeout: 90_000 });
  await expect(trail).not.toContainText(say('errors.AuditDeliveryFailed.log-group-missing.message', { logGroupName: GROUP, region: REGION }));
  expect(standIn.events(GROUP, STREAM).map((event) => event.message)).toEqual(lines);
});

test('records on their way show as waiting, with how many and since when', async ({ page, appUrl, webShell, standIn }) => {
  standIn.createLogGroup(GROUP);
  // CloudWatch Logs takes its time to answer: the records are on their way meanwhile.
  standIn.behave({ kind: 'slow', delayMs: 6_000 }, ['PutLogEvents']);
  const lines = writeRecords(webShell.dataDir, 2);
  await openAuditLog(page, appUrl);

  const trail = page.getByRole('region', { name: say('audit.trail.label') });
  await expect(trail.getByRole('status')).toHaveText(say('audit.trail.waiting', { count: 2, since: pageDateTime(OLDEST) }));
  await expect(trail.getByRole('status')).toHaveText(say('audit.trail.delivered'), { timeout: 30_000 });
  expect(standIn.events(GROUP, STREAM).map((event) => event.message)).toEqual(lines);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the failing trail is worded from the catalogs, and the view passes axe', async ({ page, appUrl, webShell }) => {
    const sag = wordsOf('de');
    writeRecords(webShell.dataDir, 1);
    await openAuditLog(page, appUrl, sag);
    const trail = page.getByRole('region', { name: sag('audit.trail.label') });
    await expect(trail.getByRole('status')).toHaveText(sag('audit.trail.failing', { count: 1, since: pageDateTime(OLDEST, 'de') }));
    await expect(trail).toContainText(sag('errors.AuditDeliveryFailed.log-group-missing.guidance', { logGroupName: GROUP, region: REGION }));
    expect(await axeViolations(page)).toEqual([]);
  });
});
