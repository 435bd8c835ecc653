import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isGrabbable, loadWindowState, parseWindowState, placeWindow, saveWindowState } from '../../electron/main/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const bounds = { x: 100, y: 80, width: 1200, height: 800 };

describe('parseWindowState', () => {
  it('accepts well-formed state, dropping anything else in the file', () => {
    expect(parseWindowState({ bounds, maximized: true, extra: 1 })).toEqual({ bounds, maximized: true });
    // Negative coordinates are real: a monitor to the left of or above the primary one.
    expect(parseWindowState({ bounds: { ...bounds, x: -1800, y: -200 }, maximized: false })).toEqual({ bounds: { ...bounds, x: -1800, y: -200 }, maximized: false });
  });

  it.each([
    ['nothing', undefined],
    ['not an object', 'bounds'],
    ['no bounds', { maximized: false }],
    ['maximized not a boolean', { bounds, maximized: 'yes' }],
    ['a coordinate as text', { bounds: { ...bounds, x: '100' }, maximized: false }],
    ['a fraction', { bounds: { ...bounds, width: 1200.5 }, maximized: false }],
    ['NaN', { bounds: { ...bounds, y: Number.NaN }, maximized: false }],
    ['infinite', { bounds: { ...bounds, x: Number.POSITIVE_INFINITY }, maximized: false }],
    ['smaller than the minimum size', { bounds: { ...bounds, width: 300 }, maximized: false }],
    ['absurdly large', { bounds: { ...bounds, height: 1_000_000 }, maximized: false }],
    ['absurdly far away', { bounds: { ...bounds, x: 99_999_999 }, maximized: false }],
  ])('rejects %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeUndefined();
  });
});

describe('isGrabbable', () => {
  it('is true when enough of the title bar is on the display', () => {
    expect(isGrabbable(bounds, screen)).toBe(true);
    // Mostly off the right edge, but 200 px of title bar still showing.
    expect(isGrabbable({ ...bounds, x: 1720 }, screen)).toBe(true);
  });

  it('is false when the title bar is off the display', () => {
    expect(isGrabbable({ ...bounds, x: 1850 }, screen)).toBe(false);
    expect(isGrabbable({ ...bounds, x: -1150 }, screen)).toBe(false);
    expect(isGrabbable({ ...bounds, y: -500 }, screen)).toBe(false);
    expect(isGrabbable({ ...bounds, y: 1030 }, screen)).toBe(false);
    // A monitor that was to the left and has been unplugged.
    expect(isGrabbable({ ...bounds, x: -1800 }, screen)).toBe(false);
  });

  it('works on displays that do not start at 0,0', () => {
    const left = { x: -1920, y: 0, width: 1920, height: 1080 };
    expect(isGrabbable({ ...bounds, x: -1800 }, left)).toBe(true);
    expect(isGrabbable(bounds, left)).toBe(false);
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, undefined)).toEqual({ width: 1280, height: 840, maximized: false });
  });

  it('restores position, size and maximized on a display that shows it', () => {
    expect(placeWindow({ bounds, maximized: true }, screen)).toEqual({ ...bounds, maximized: true });
  });

  it('shrinks a window larger than its display, never below the minimum size', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 2400, height: 1300 }, maximized: false }, laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
    const tiny = { x: 0, y: 0, width: 800, height: 500 };
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: false }, tiny)).toMatchObject({ width: 960, height: 600 });
  });

  it('falls back to the default size, centred, when the display is gone, keeping maximized', () => {
    expect(placeWindow({ bounds: { ...bounds, x: 4000 }, maximized: true }, screen)).toEqual({ width: 1280, height: 840, maximized: true });
    expect(placeWindow({ bounds, maximized: false }, undefined)).toEqual({ width: 1280, height: 840, maximized: false });
  });
});

describe('loadWindowState and saveWindowState', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recovery-desk-window-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through an owner-only file, leaving no temporary file behind', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    expect(saveWindowState(file, { bounds, maximized: true })).toBe(true);
    expect(loadWindowState(file)).toEqual({ bounds, maximized: true });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds, maximized: true });
    expect(readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('refuses to save nonsense and reads nonsense as nothing', () => {
    const file = path.join(dir, 'bad.json');
    expect(saveWindowState(file, { bounds: { ...bounds, width: -5 }, maximized: false })).toBe(false);
    expect(loadWindowState(file)).toBeUndefined();
    writeFileSync(file, 'not json');
    expect(loadWindowState(file)).toBeUndefined();
  });

  it('reports failure instead of throwing when the folder cannot be written', () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    expect(saveWindowState(path.join(blocker, 'window-state.json'), { bounds, maximized: false })).toBe(false);
  });
});
