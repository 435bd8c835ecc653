import { z } from 'zod';
import { jsonFile } from '../core/json-file';

// Where the main window was and whether it was maximized, kept in the data folder between
// launches. No Electron import: the rules are unit-tested in plain Node; window.ts asks Electron's
// screen which display the saved rectangle belongs to.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

/** Where and how big to open the window: x and y are absent when the window should be centred. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** Far larger than any real screen: anything bigger is a corrupt file. */
const MAX_EXTENT = 32_768;
/** How much of the title bar must lie on the display for the operator to grab it. */
const GRABBABLE = { width: 120, height: 32 } as const;

export const WINDOW_STATE_FILE = 'window-state.json';

const Coordinate = z.number().int().min(-MAX_EXTENT).max(MAX_EXTENT);
const WindowStateSchema = z.object({
  bounds: z.object({
    x: Coordinate,
    y: Coordinate,
    width: z.number().int().min(MIN_SIZE.width).max(MAX_EXTENT),
    height: z.number().int().min(MIN_SIZE.height).max(MAX_EXTENT),
  }),
  maximized: z.boolean(),
});

/** The saved state if it is well-formed, else undefined (a missing, hand-edited or corrupt file). */
export function parseWindowState(raw: unknown): WindowState | undefined {
  return WindowStateSchema.safeParse(raw).data;
}

/**
 * Whether enough of the window's title bar lies inside the display's work area to be grabbed:
 * false for a window left on a monitor that has since been unplugged or rearranged.
 */
export function isGrabbable(bounds: Rect, workArea: Rect): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRABBABLE.height };
  const left = Math.max(titleBar.x, workArea.x);
  const right = Math.min(titleBar.x + titleBar.width, workArea.x + workArea.width);
  const top = Math.max(titleBar.y, workArea.y);
  const bottom = Math.min(titleBar.y + titleBar.height, workArea.y + workArea.height);
  return right - left >= GRABBABLE.width && bottom - top >= GRABBABLE.height;
}

/**
 * The placement for a new main window. `workArea` is that of the display the saved bounds match
 * best (screen.getDisplayMatching). The saved position is used only if the window would be
 * grabbable there; its size is kept but never larger than that display. Otherwise the default
 * size, centred. Maximized is restored either way.
 */
export function placeWindow(saved: WindowState | undefined, workArea: Rect | undefined): WindowPlacement {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  if (!workArea || !isGrabbable(saved.bounds, workArea)) return { ...DEFAULT_SIZE, maximized: saved.maximized };
  const width = Math.max(MIN_SIZE.width, Math.min(saved.bounds.width, workArea.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.bounds.height, workArea.height));
  return { x: saved.bounds.x, y: saved.bounds.y, width, height, maximized: saved.maximized };
}

const stateFile = (file: string) => jsonFile({ path: file, schema: WindowStateSchema, file: 'window-state' });

/** Reads and validates the saved state; any problem (no file, bad JSON, bad values) means none. */
export function loadWindowState(file: string): WindowState | undefined {
  return stateFile(file).readSync().value;
}

/**
 * Saves the state, whole and owner-only (the JSON file helper). Best effort: a read-only folder
 * must not stop the app from closing.
 */
export function saveWindowState(file: string, state: WindowState): boolean {
  const valid = parseWindowState(state);
  if (!valid) return false;
  try {
    stateFile(file).writeSync(valid);
    return true;
  } catch {
    return false;
  }
}
