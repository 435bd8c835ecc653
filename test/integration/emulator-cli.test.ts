import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CognitoIdentityProviderClient, ForgotPasswordCommand, ListUserPoolsCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run emulator`: the built out/main/emulator.js as a real process, used the way the AWS CLI or
// any SDK would use it (--endpoint-url). `npm test` builds before it runs the integration tests.

const projectDir = path.resolve(__dirname, '../..');
const emulatorEntry = path.join(projectDir, 'out', 'main', 'emulator.js');
const LISTENING_LINE = /^Cognito emulator listening at (http:\/\/127\.0\.0\.1:(\d+))$/m;

interface RunningCli {
  child: ChildProcess;
  endpoint: string;
  stdout(): string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function runCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [emulatorEntry, ...args], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No endpoint line within 30 s.\n${stdout}\n${stderr}`)), 30_000);
    const check = () => {
      const match = LISTENING_LINE.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({ child, endpoint: match[1] as string, stdout: () => stdout, exited });
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited (${code}) before it was ready.\n${stderr}`));
    });
  });
}

function sdkClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'dummy', secretAccessKey: 'dummy' },
    maxAttempts: 1,
  });
}

async function waitFor(condition: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  for (let waited = 0; waited < limitMs; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

describe.skipIf(!existsSync(emulatorEntry))('out/main/emulator.js (npm run emulator; skipped until npm run build has made it)', () => {
  const dataDirs: string[] = [];
  const running: RunningCli[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-emulator-cli-'));
    dataDirs.push(dir);
    return dir;
  };
  let cli: RunningCli;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    cli = await runCli(['--port', String(port), '--data-dir', tempDir()]);
    running.push(cli);
  });

  afterAll(async () => {
    for (const { child, exited } of running) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('prints its endpoint on the chosen port, the seeded ids and an AWS CLI example', () => {
    expect(cli.endpoint).toBe(`http://127.0.0.1:${port}`);
    const banner = cli.stdout();
    expect(banner).toContain('us-east-1_AcmeStaff1');
    expect(banner).toContain('us-east-1_AcmeCust01');
    expect(banner).toContain('staffconsolepublic000001');
    expect(banner).toContain(`aws cognito-idp list-users --user-pool-id us-east-1_AcmeStaff1 --endpoint-url http://127.0.0.1:${port} --region us-east-1`);
    expect(banner).toMatch(/AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+/);
    expect(banner).toMatch(/throttling on/);
  });

  it('answers an SDK v3 client pointed at it with dummy credentials', async () => {
    const client = sdkClient(cli.endpoint);
    try {
      const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      expect(pools.UserPools?.map((pool) => pool.Id)).toEqual(expect.arrayContaining(['us-east-1_AcmeCust01', 'us-east-1_AcmeStaff1']));

      // The code a ForgotPassword "sends" shows up in its terminal, since there is no inbox panel.
      await client.send(new ForgotPasswordCommand({ ClientId: 'staffconsolepublic000001', Username: 'alice.verified' }));
      await waitFor(() => /code for alice\.verified in us-east-1_AcmeStaff1 \(EMAIL to alice@acme\.example\): \S+/.test(cli.stdout()), 'the code line');
    } finally {
      client.destroy();
    }
  });

  it('refuses a port that is taken, and says what to do', async () => {
    const child = spawn(process.execPath, [emulatorEntry, '--port', String(port), '--data-dir', tempDir()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/already in use.*--port/);
  });

  it('refuses a damaged data file: names it and says what to do, without a stack, and exits non-zero', async () => {
    const dataDir = tempDir();
    const clients = path.join(dataDir, 'emulator', 'clients.json');
    mkdirSync(path.dirname(clients), { recursive: true });
    writeFileSync(clients, '');
    const child = spawn(process.execPath, [emulatorEntry, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`${clients} could not be used: it is empty`);
    expect(stderr).toContain(`Rename or delete the folder ${path.dirname(clients)}`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('--users N adds the Acme Scale pool: generated at the first start, kept at the next with the same N', async () => {
    const dataDir = tempDir();
    for (const outcome of [/Acme Scale \(20 generated users: generated in \d+\.\d s\)/, /Acme Scale \(20 generated users: kept from the last start/]) {
      const scale = await runCli(['--port', '0', '--users', '20', '--data-dir', dataDir]);
      running.push(scale);
      expect(scale.stdout()).toMatch(outcome);
      expect(scale.stdout()).toContain('acmescalepublic000000001  scale-app, pool us-east-1_AcmeScale1');
      scale.child.kill('SIGTERM');
      expect(await scale.exited).toBe(0);
    }
  });

  it.each([
    [['--users', '0'], {}, 2, '--users must be a whole number from 1 to 100,000, not "0".'],
    [[], { RECOVERY_DESK_DEMO_USERS: 'many' }, 1, 'RECOVERY_DESK_DEMO_USERS must be a whole number from 1 to 100,000, not "many".'],
  ])('refuses a user count that is not 1…100,000, naming where it came from (%j %j)', async (args, env, expectedCode, message) => {
    const child = spawn(process.execPath, [emulatorEntry, '--port', '0', '--data-dir', tempDir(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(expectedCode);
    expect(stderr).toContain(message);
  });

  it('passes the conformance suite with its default throttling on, the suite backing off as any client must', async () => {
    expect(cli.stdout()).toMatch(/throttling on/);
    // The suite in a process of its own, pointed at this emulator as at any remote endpoint.
    const vitest = path.join(projectDir, 'node_modules', 'vitest', 'vitest.mjs');
    const env: NodeJS.ProcessEnv = { ...process.env, RD_CONFORMANCE_ENDPOINT: cli.endpoint, AWS_ACCESS_KEY_ID: 'demo', AWS_SECRET_ACCESS_KEY: 'demo', NO_COLOR: '1' };
    delete env.AWS_PROFILE;
    const child = spawn(process.execPath, [vitest, 'run', '--project', 'integration', 'test/integration/conformance'], {
      cwd: projectDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).not.toMatch(/\d+ failed/);
    // Rules run, not all skipped: the ones needing the embedded emulator's inbox or clock skip, saying so.
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(code).toBe(0);
  }, 300_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('%s while it seeds a large pool ends it at once, and the next start finds the folder whole', async (signal) => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [emulatorEntry, '--port', '0', '--data-dir', dataDir, '--users', '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // The state, not a delay: the generated pool's side folder exists while it is written.
    await waitFor(() => existsSync(path.join(dataDir, 'emulator.scale-seeding')), 'the Acme Scale pool being written', 60_000);
    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(existsSync(path.join(dataDir, 'emulator', 'us-east-1_AcmeScale1.json'))).toBe(false);

    const again = await runCli(['--port', '0', '--data-dir', dataDir, '--users', '20']);
    running.push(again);
    const client = sdkClient(again.endpoint);
    try {
      const { Users } = await client.send(new ListUsersCommand({ UserPoolId: 'us-east-1_AcmeScale1' }));
      expect(Users).toHaveLength(20);
    } finally {
      client.destroy();
    }
    expect(existsSync(path.join(dataDir, 'emulator.scale-seeding'))).toBe(false);
  }, 120_000);

  it('--no-throttling lets a burst through', async () => {
    const off = await runCli(['--port', '0', '--no-throttling', '--data-dir', tempDir()]);
    running.push(off);
    expect(off.stdout()).toMatch(/throttling off/);
    const client = sdkClient(off.endpoint);
    try {
      const results = await Promise.allSettled(Array.from({ length: 25 }, () => client.send(new ListUserPoolsCommand({ MaxResults: 60 }))));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('stops cleanly on SIGINT and SIGTERM, freeing the port', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const other = await runCli(['--port', '0', '--data-dir', tempDir()]);
      running.push(other);
      other.child.kill(signal);
      expect(await other.exited).toBe(signal === 'SIGINT' ? 130 : 0);
    }
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    const again = await runCli(['--port', String(port), '--data-dir', tempDir()]);
    running.push(again);
    expect(again.endpoint).toBe(`http://127.0.0.1:${port}`);
  });
});
