import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { electronAvailable, electronBinary, expect, launchDesktop, newDataDir, projectDir, quitDesktop, SKIP_REASON, test } from './desktop';

// Single instance, remembered window placement, and quitting while a call is in flight.

test.skip(!electronAvailable, SKIP_REASON);

test('a second launch on the same data folder hands over to the first and exits', async ({ desktop }) => {
  const second = spawn(electronBinary as string, [projectDir, '--data-dir', desktop.dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], {
    cwd: projectDir,
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(code).toBe(0);
  expect(await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the window opens where it was closed, at the same size', async () => {
  const dataDir = newDataDir();
  try {
    const first = await launchDesktop(dataDir);
    const workArea = await first.app.evaluate(({ screen }) => screen.getPrimaryDisplay().workArea);
    const wanted = { x: workArea.x + 40, y: workArea.y + 30, width: Math.min(1100, workArea.width - 80), height: Math.min(720, workArea.height - 60) };
    if (wanted.width < 960 || wanted.height < 600) {
      await quitDesktop(first);
      test.skip(true, `The screen's work area (${workArea.width}x${workArea.height}) is smaller than the window's minimum; under Xvfb use -screen 0 1920x1080x24`);
    }
    await first.app.evaluate(({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0]?.setBounds(bounds), wanted);
    const placed = await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds());
    expect(await quitDesktop(first)).toBe(0);
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as { bounds: unknown; maximized: boolean };
    expect(saved).toEqual({ bounds: placed, maximized: false });

    const second = await launchDesktop(dataDir);
    const restored = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds());
    expect(restored).toEqual(placed);
    expect(await quitDesktop(second)).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('quitting waits for a call in flight: its audit record is written, and the app exits cleanly', async ({ desktop }) => {
  const page = desktop.window;
  await page.evaluate(async () => {
    type Api = Record<string, (request: unknown) => Promise<unknown>>;
    const api = (window as unknown as { recoveryDesk: Api }).recoveryDesk;
    await api['demo:injectFault']?.({ operation: 'ForgotPassword', delayMs: 2_000 });
    // Not awaited: still in flight when the app is told to quit.
    void api['recovery:forgotPassword']?.({ connectionId: 'demo', userPoolId: 'us-east-1_AcmeStaff1', clientId: 'staffconsolepublic000001', username: 'alice.verified' });
  });
  // The delay has started once the emulator has used the fault up.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        type Api = Record<string, (request: unknown) => Promise<{ ok: boolean; data?: { faults: Array<{ remaining: number }> } }>>;
        const controls = await (window as unknown as { recoveryDesk: Api }).recoveryDesk['demo:controls']?.({});
        return controls?.data?.faults.filter((fault) => fault.remaining > 0).length;
      }),
    )
    .toBe(0);
  expect(await quitDesktop(desktop)).toBe(0);
  const audit = readFileSync(path.join(desktop.dataDir, 'audit', 'audit-log.jsonl'), 'utf8');
  const records = audit
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { action: string; username: string; outcome: string });
  expect(records).toContainEqual(expect.objectContaining({ action: 'ForgotPassword', username: 'alice.verified', outcome: 'success' }));
});
