import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logStreamName, type DeliveryPolicy } from '../../electron/core/audit-shipper';
import type { PolicyState } from '../../electron/core/policy';
import type { CloudWatchLogsAudit } from '../../shared/policy';
import { auditRecord } from './helpers/audit-log-fixture';
import { startCloudWatchLogsStandIn, type CloudWatchLogsStandIn } from './helpers/cloudwatch-logs-stand-in';
import { startTestBackend, type TestBackend } from './helpers/test-backend';

// The central audit trail against a loopback stand-in of the CloudWatch Logs JSON API, reached by the
// real SDK client through the policy's endpoint, with the credentials of the profile the policy names.
// Records are written by real recovery actions on the demo; the stand-in can be down, throttling,
// failing with 5xx, slow or missing the log group. What must hold: every record arrives, in order,
// exactly as its line in the file; a record is sent again only when its answer was lost.

const GROUP = '/recovery-desk/audit';
const REGION = 'eu-west-1';
const PREFIX = 'helpdesk/';
const AUDITOR_KEY_ID = 'AKIAAUDITSTANDIN0001';
const STREAM = logStreamName(PREFIX, hostname(), userInfo().username);
// Retries within a test's patience; the product waits from 2 s up to 5 min.
const FAST: Partial<DeliveryPolicy> = { connectTimeoutMs: 1_000, attemptTimeoutMs: 1_000, callDeadlineMs: 8_000, firstRetryMs: 50, maxRetryMs: 400 };
const CUSTOMERS = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', clientId: 'customerapppublic0000001' } as const;
const WAIT = { timeout: 30_000, interval: 50 };

let standIn: CloudWatchLogsStandIn;
let awsDir: string;
const open: TestBackend[] = [];
let nextCustomer = 1;

beforeEach(async () => {
  standIn = await startCloudWatchLogsStandIn();
  standIn.createLogGroup(GROUP);
  awsDir = await mkdtemp(join(tmpdir(), 'recovery-desk-aws-'));
  await writeFile(join(awsDir, 'credentials'), `[auditor]\naws_access_key_id = ${AUDITOR_KEY_ID}\naws_secret_access_key = stand-in-secret-key-of-the-auditor\n`, { mode: 0o600 });
  await writeFile(join(awsDir, 'config'), '', { mode: 0o600 });
});

afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
  await standIn.close();
  await rm(awsDir, { recursive: true, force: true });
});

function policyFor(overrides: Partial<CloudWatchLogsAudit> = {}): PolicyState {
  const cloudWatchLogs: CloudWatchLogsAudit = { region: REGION, logGroupName: GROUP, logStreamPrefix: PREFIX, endpoint: standIn.endpoint, profile: 'auditor', ...overrides };
  return { status: 'active', path: join(awsDir, 'policy.json'), policy: { audit: { cloudWatchLogs } } };
}

async function start(options: { dataDir?: string; policy?: PolicyState; delivery?: Partial<DeliveryPolicy> } = {}): Promise<TestBackend> {
  const backend = await startTestBackend('audit-shipping', { throttling: false }, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    policy: options.policy ?? policyFor(),
    env: { AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'), AWS_CONFIG_FILE: join(awsDir, 'config') },
    auditDelivery: { ...FAST, ...options.delivery },
  });
  open.push(backend);
  return backend;
}

/** A recovery action, whatever its outcome: each one writes a record. */
async function recover(t: TestBackend): Promise<void> {
  const username = `customer${String(nextCustomer++).padStart(3, '0')}`;
  await t.backend.dispatch('recovery:forgotPassword', { ...CUSTOMERS, username });
}

async function fileLines(t: TestBackend): Promise<string[]> {
  return (await readFile(join(t.dataDir, 'audit', 'audit-log.jsonl'), 'utf8')).split('\n').filter((line) => line !== '');
}

const arrived = (group = GROUP) => standIn.events(group, STREAM).map((event) => event.message);

/** Each line once, in the order it first arrived. */
function firstArrivals(messages: readonly string[]): string[] {
  return [...new Set(messages)];
}

async function waitForState(t: TestBackend, expected: object) {
  await vi.waitFor(async () => expect(await t.call('audit:trail', {})).toMatchObject(expected), WAIT);
}

describe('the central audit trail in CloudWatch Logs', () => {
  it('delivers every record as its line was written, in order, to a stream of this computer and OS user, created when missing, with the profile’s credentials', async () => {
    const t = await start();
    for (let i = 0; i < 6; i++) await recover(t);
    const lines = await fileLines(t);
    expect(lines).toHaveLength(6);

    await vi.waitFor(() => expect(arrived()).toEqual(lines), WAIT);
    expect(standIn.streams(GROUP)).toEqual([STREAM]);
    expect(STREAM).toBe(`${PREFIX}${hostname()}/${userInfo().username}`);
    expect(standIn.calls.filter((call) => call.operation === 'CreateLogStream')).toHaveLength(1);
    expect(new Set(standIn.calls.map((call) => call.signedWith))).toEqual(new Set([AUDITOR_KEY_ID]));
    // Each event carries its record's id, so a duplicate would be recognizable.
    expect(arrived().map((message) => (JSON.parse(message) as { id: string }).id)).toEqual(lines.map((line) => (JSON.parse(line) as { id: string }).id));

    await waitForState(t, { state: 'delivered', waiting: 0, destination: { region: REGION, logGroupName: GROUP, logStreamName: STREAM } });
    expect((await t.call('audit:trail', {})).lastDeliveredAt).toEqual(expect.any(String));
  });

  it('uses a stream that already exists, and says "off" without a log group in the policy', async () => {
    const t = await start();
    await recover(t);
    await vi.waitFor(() => expect(arrived()).toHaveLength(1), WAIT);
    await t.close();
    open.splice(open.indexOf(t), 1);

    // Another console of the same operator on this computer: the stream is there already.
    const again = await start();
    await recover(again);
    await vi.waitFor(() => expect(arrived()).toHaveLength(2), WAIT);
    expect(standIn.calls.filter((call) => call.operation === 'CreateLogStream')).toHaveLength(1);

    const local = await start({ policy: { status: 'none' } });
    await recover(local);
    expect(await local.call('audit:trail', {})).toEqual({ state: 'off', waiting: 0 });
  });

  it('keeps every record through an outage (connection refused, throttling, 5xx, slow answers) and delivers them in order, none lost, once it ends', async () => {
    const t = await start();
    await recover(t);
    await vi.waitFor(() => expect(arrived()).toHaveLength(1), WAIT);

    await standIn.down();
    await recover(t);
    await recover(t);
    await waitForState(t, {
      state: 'failing',
      waiting: 2,
      waitingSince: expect.any(String),
      failure: { code: 'NetworkError', cause: 'host-unreachable', params: { networkReason: 'refused' } },
      retryAt: expect.any(String),
    });

    await standIn.up();
    standIn.behave({ kind: 'throttled' });
    await recover(t);
    await waitForState(t, { state: 'failing', waiting: 3, failure: { code: 'AuditDeliveryFailed', cause: 'throttled' } });

    standIn.behave({ kind: 'server-error', status: 503 });
    await recover(t);
    await waitForState(t, { state: 'failing', waiting: 4, failure: { code: 'AuditDeliveryFailed', cause: 'server-error', params: { httpStatus: 503 } } });

    // Slow, but within the deadline: waited for.
    standIn.behave({ kind: 'slow', delayMs: 300 });
    await vi.waitFor(async () => expect(arrived()).toEqual(await fileLines(t)), WAIT);
    standIn.behave({ kind: 'normal' });
    await recover(t);
    const lines = await fileLines(t);
    expect(lines).toHaveLength(6);
    await vi.waitFor(() => expect(arrived()).toEqual(lines), WAIT);
    await waitForState(t, { state: 'delivered', waiting: 0 });
  });

  it('sends a batch again when its answer came too late: every record arrives, a duplicate only as the same line with the same id', async () => {
    const t = await start();
    // Each attempt is accepted, but answered after the client stopped waiting.
    standIn.behave({ kind: 'slow', delayMs: 1_500 }, ['PutLogEvents']);
    await recover(t);
    await recover(t);
    await vi.waitFor(() => expect(arrived().length).toBeGreaterThan(2), WAIT);
    await waitForState(t, { state: 'failing', failure: { code: 'NetworkError', params: { networkReason: 'timeout' } } });

    standIn.behave({ kind: 'normal' });
    await recover(t);
    const lines = await fileLines(t);
    await vi.waitFor(() => expect(firstArrivals(arrived())).toEqual(lines), WAIT);
    await waitForState(t, { state: 'delivered', waiting: 0 });
    for (const message of arrived()) expect(lines).toContain(message);
  });

  it('says clearly when the log group is missing, creates nothing, and delivers once the administrator creates it', async () => {
    const missing = '/recovery-desk/not-yet';
    const t = await start({ policy: policyFor({ logGroupName: missing }) });
    await recover(t);
    await waitForState(t, {
      state: 'failing',
      waiting: 1,
      failure: { code: 'AuditDeliveryFailed', cause: 'log-group-missing', params: { logGroupName: missing, region: REGION }, retryable: true },
    });
    expect(standIn.logGroupExists(missing)).toBe(false);
    expect(standIn.calls.filter((call) => call.operation === 'CreateLogStream')).toEqual([]);

    standIn.createLogGroup(missing);
    const lines = await fileLines(t);
    await vi.waitFor(() => expect(arrived(missing)).toEqual(lines), WAIT);
    await waitForState(t, { state: 'delivered', waiting: 0 });
  });

  it('names what is missing when AWS refuses: the IAM action, or the credentials of the profile the policy names', async () => {
    standIn.behave({ kind: 'denied' }, ['PutLogEvents']);
    const denied = await start();
    await recover(denied);
    await waitForState(denied, {
      state: 'failing',
      waiting: 1,
      failure: { code: 'AccessDenied', cause: 'iam-action', params: { iamAction: 'logs:PutLogEvents', principal: 'arn:aws:iam::111111111111:user/helpdesk' } },
    });
    standIn.behave({ kind: 'normal' });

    const noCredentials = await start({ policy: policyFor({ profile: 'nobody' }) });
    await recover(noCredentials);
    await waitForState(noCredentials, {
      state: 'failing',
      failure: { code: 'AuditDeliveryFailed', cause: 'profile', params: { profile: 'nobody', command: 'aws sts get-caller-identity --profile nobody' } },
    });
    expect(standIn.calls.filter((call) => call.signedWith !== AUDITOR_KEY_ID)).toEqual([]);
  });

  it('on closing, waits for the batch in flight, so its position is kept and nothing is sent twice after a restart', async () => {
    standIn.behave({ kind: 'slow', delayMs: 700 }, ['PutLogEvents']);
    const first = await start();
    await recover(first);
    await vi.waitFor(() => expect(standIn.calls.some((call) => call.operation === 'PutLogEvents')).toBe(true), WAIT);
    await first.close({ keepDataDir: true });
    open.splice(open.indexOf(first), 1);
    const lines = await fileLines(first);
    expect(arrived()).toEqual(lines);
    const puts = standIn.calls.filter((call) => call.operation === 'PutLogEvents').length;

    standIn.behave({ kind: 'normal' });
    const second = await start({ dataDir: first.dataDir });
    await waitForState(second, { state: 'delivered', waiting: 0 });
    expect(standIn.calls.filter((call) => call.operation === 'PutLogEvents')).toHaveLength(puts);
    expect(arrived()).toEqual(lines);
  });

  it('does not let an answer that never comes hold up closing for more than its bound', async () => {
    standIn.behave({ kind: 'silent' }, ['PutLogEvents']);
    const t = await start({ delivery: { callDeadlineMs: 60_000, attemptTimeoutMs: 60_000 } });
    await recover(t);
    await vi.waitFor(() => expect(standIn.calls.some((call) => call.operation === 'PutLogEvents')).toBe(true), WAIT);
    const started = Date.now();
    await t.backend.close(1_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('resumes from the persisted position after a restart: what waited is delivered, nothing delivered is sent twice', async () => {
    const first = await start();
    await recover(first);
    await recover(first);
    await vi.waitFor(() => expect(arrived()).toHaveLength(2), WAIT);
    await standIn.down();
    await recover(first);
    await recover(first);
    await waitForState(first, { state: 'failing', waiting: 2 });
    await first.close({ keepDataDir: true });
    open.splice(open.indexOf(first), 1);
    const position = JSON.parse(await readFile(join(first.dataDir, 'audit', 'cloudwatch-position.json'), 'utf8')) as { offset: number };
    expect(position.offset).toBeGreaterThan(0);

    await standIn.up();
    const second = await start({ dataDir: first.dataDir });
    const lines = await fileLines(second);
    expect(lines).toHaveLength(4);
    await vi.waitFor(() => expect(arrived()).toEqual(lines), WAIT);
    await waitForState(second, { state: 'delivered', waiting: 0 });
  });

  it('keeps every batch within PutLogEvents’ limits (10,000 events, 1 MiB, 24 hours, time order) and restamps records older than the group keeps', async () => {
    standIn.createLogGroup('/recovery-desk/two-days', { retentionDays: 2 });
    const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-audit-shipping-'));
    // 12,000 records over the last three days, oldest first; every 50th carries a long ticket, and
    // a torn line and a blank one sit among them, as a crash leaves them.
    const now = Date.now();
    const count = 12_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const time = new Date(now - 3 * 24 * 3600_000 + Math.floor((i * 3 * 24 * 3600_000) / count)).toISOString();
      lines.push(JSON.stringify(auditRecord({ id: `bulk-${i}`, time, ...(i % 50 === 0 ? { ticket: 'T'.repeat(200) } : {}) })));
    }
    await mkdir(join(dataDir, 'audit'), { recursive: true });
    const torn = '{"v":1,"id":"torn","time":"20';
    await writeFile(join(dataDir, 'audit', 'audit-log.jsonl'), `${lines.slice(0, 5000).join('\n')}\n${torn}\n\n${lines.slice(5000).join('\n')}\n`, { mode: 0o600 });

    const t = await start({ dataDir, policy: policyFor({ logGroupName: '/recovery-desk/two-days' }) });
    await vi.waitFor(() => expect(arrived('/recovery-desk/two-days')).toHaveLength(count), { timeout: 60_000, interval: 100 });
    const messages = arrived('/recovery-desk/two-days');
    expect(new Set(messages)).toEqual(new Set(lines));
    const puts = standIn.calls.filter((call) => call.operation === 'PutLogEvents');
    // The stand-in refuses a batch over any limit (HTTP 400): none was.
    expect(puts.every((call) => call.status === 200)).toBe(true);
    expect(Math.max(...puts.map((call) => call.events ?? 0))).toBeLessThanOrEqual(10_000);
    // Three days cannot go in one batch of at most 24 hours.
    expect(puts.length).toBeGreaterThanOrEqual(3);
    // Records older than the group's two days were refused once and sent again, stamped when sent.
    const events = standIn.events('/recovery-desk/two-days', STREAM);
    expect(events.filter((event) => event.timestamp < now - 2 * 24 * 3600_000)).toEqual([]);
    const restamped = events.filter((event) => event.timestamp >= now).length;
    expect(restamped).toBeGreaterThan(count / 3 - 100);
    expect(restamped).toBeLessThan(count / 3 + 100);
    await waitForState(t, { state: 'delivered', waiting: 0 });
  }, 120_000);
});
