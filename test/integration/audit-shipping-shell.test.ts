import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logStreamName } from '../../electron/core/audit-shipper';
import { machinePolicyPath } from '../../electron/core/policy';
import type { AuditTrailState } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { startWebShell, webEntry, type WebShell } from '../e2e/web-shell';
import { startCloudWatchLogsStandIn, type CloudWatchLogsStandIn } from './helpers/cloudwatch-logs-stand-in';

// The real browser shell, killed with SIGKILL between writing records and hearing that CloudWatch
// Logs accepted them, then started again on the same data folder: every record arrives, and a
// record arrives twice only when its batch had reached CloudWatch Logs before the kill (same line,
// same id). The policy comes from RECOVERY_DESK_POLICY_FILE and names the loopback stand-in.

const GROUP = '/recovery-desk/audit';
const STREAM = logStreamName('desk/', hostname(), userInfo().username);
const CUSTOMERS = { connectionId: 'demo', userPoolId: 'us-east-1_AcmeCust01', clientId: 'customerapppublic0000001' } as const;
const WAIT = { timeout: 30_000, interval: 100 };

let standIn: CloudWatchLogsStandIn;
let dir: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const shells: WebShell[] = [];

beforeAll(async () => {
  standIn = await startCloudWatchLogsStandIn();
  standIn.createLogGroup(GROUP);
  dir = await mkdtemp(join(tmpdir(), 'recovery-desk-shipping-shell-'));
  dataDir = join(dir, 'data');
  await writeFile(join(dir, 'credentials'), '[auditor]\naws_access_key_id = AKIAAUDITSTANDIN0002\naws_secret_access_key = stand-in-secret-key-of-the-auditor\n', { mode: 0o600 });
  await writeFile(join(dir, 'config'), '', { mode: 0o600 });
  const policy = { audit: { cloudWatchLogs: { region: 'eu-west-1', logGroupName: GROUP, logStreamPrefix: 'desk/', endpoint: standIn.endpoint, profile: 'auditor' } } };
  await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
  env = {
    RECOVERY_DESK_POLICY_FILE: join(dir, 'policy.json'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_CONFIG_FILE: join(dir, 'config'),
    RECOVERY_DESK_DEMO_THROTTLING: 'off',
  };
});

afterAll(async () => {
  for (const shell of shells) await shell.stop();
  await standIn?.close();
  await rm(dir, { recursive: true, force: true });
});

async function api<T>(shell: WebShell, channel: string, body: unknown): Promise<Result<T>> {
  const reply = await fetch(`${shell.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shell.token}` },
    body: JSON.stringify(body),
  });
  return (await reply.json()) as Result<T>;
}

async function fileLines(): Promise<string[]> {
  return (await readFile(join(dataDir, 'audit', 'audit-log.jsonl'), 'utf8')).split('\n').filter((line) => line !== '');
}

const arrived = () => standIn.events(GROUP, STREAM).map((event) => event.message);

describe.skipIf(!existsSync(webEntry) || existsSync(machinePolicyPath()))(
  'the central audit trail across a kill -9 of the browser shell (skipped until npm run build has made out/main/web.js, and where a machine-wide policy would win)',
  () => {
    it('delivers every record after a restart; a duplicate only where a batch had reached CloudWatch Logs before the kill', async () => {
      const first = await startWebShell({ args: ['--data-dir', dataDir], env });
      shells.push(first);
      // CloudWatch Logs takes the events but its answer never comes: the console cannot know.
      standIn.behave({ kind: 'silent' }, ['PutLogEvents']);
      for (const username of ['customer011', 'customer012', 'customer013']) {
        await api(first, 'recovery:forgotPassword', { ...CUSTOMERS, username });
      }
      await vi.waitFor(() => expect(arrived().length).toBeGreaterThan(0), WAIT);
      const written = await fileLines();
      expect(written).toHaveLength(3);
      const trail = await api<AuditTrailState>(first, 'audit:trail', {});
      expect(trail).toMatchObject({ ok: true, data: { state: 'waiting', waiting: 3, destination: { logGroupName: GROUP, logStreamName: STREAM } } });

      const killed = new Promise((resolve) => first.process.once('exit', resolve));
      first.process.kill('SIGKILL');
      await killed;

      standIn.behave({ kind: 'normal' });
      const second = await startWebShell({ args: ['--data-dir', dataDir], env });
      shells.push(second);
      await api(second, 'recovery:forgotPassword', { ...CUSTOMERS, username: 'customer014' });
      const lines = await fileLines();
      expect(lines).toHaveLength(4);
      expect(lines.slice(0, 3)).toEqual(written);

      await vi.waitFor(() => expect([...new Set(arrived())]).toEqual(lines), WAIT);
      // What reached CloudWatch Logs before the kill came again: the very same lines, so the same ids.
      const messages = arrived();
      expect(messages.length).toBeGreaterThan(lines.length);
      for (const message of messages) expect(lines).toContain(message);
      await vi.waitFor(async () => expect(await api<AuditTrailState>(second, 'audit:trail', {})).toMatchObject({ ok: true, data: { state: 'delivered', waiting: 0 } }), WAIT);
    }, 120_000);
  },
);
