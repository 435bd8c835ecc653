import { describe, expect, it } from 'vitest';
import { DEFAULT_EMULATOR_PORT, EmulatorCliError, parseEmulatorArgs } from '../../electron/emulator/cli-args';

describe('parseEmulatorArgs', () => {
  it("defaults to cognito-local's port with throttling on", () => {
    expect(parseEmulatorArgs([])).toEqual({ port: DEFAULT_EMULATOR_PORT, throttling: true, help: false });
    expect(DEFAULT_EMULATOR_PORT).toBe(9229);
  });

  it('reads every option in both spellings', () => {
    expect(parseEmulatorArgs(['--port', '9330', '--data-dir', '/d', '--no-throttling'])).toEqual({ port: 9330, dataDir: '/d', throttling: false, help: false });
    expect(parseEmulatorArgs(['--port=0', '--data-dir=/d'])).toMatchObject({ port: 0, dataDir: '/d' });
    expect(parseEmulatorArgs(['-h']).help).toBe(true);
  });

  it('rejects bad ports, missing values and unknown options', () => {
    expect(() => parseEmulatorArgs(['--port', 'abc'])).toThrow(EmulatorCliError);
    expect(() => parseEmulatorArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseEmulatorArgs(['--port'])).toThrow(EmulatorCliError);
    expect(() => parseEmulatorArgs(['--data-dir', ' '])).toThrow(/--data-dir/);
    expect(() => parseEmulatorArgs(['--verbose'])).toThrow(/Usage/);
    expect(() => parseEmulatorArgs(['extra'])).toThrow(EmulatorCliError);
  });

  it('reads --users N, a whole number from 1 to 100,000, and explains any other value', () => {
    expect(parseEmulatorArgs(['--users', '50000'])).toMatchObject({ users: 50_000 });
    expect(parseEmulatorArgs(['--users=1']).users).toBe(1);
    expect(parseEmulatorArgs([]).users).toBeUndefined();
    for (const value of ['0', '100001', 'lots', '2.5', '-3', '']) {
      expect(() => parseEmulatorArgs([`--users=${value}`])).toThrow(`--users must be a whole number from 1 to 100,000, not "${value}".`);
    }
    expect(() => parseEmulatorArgs(['--users'])).toThrow(EmulatorCliError);
  });
});
