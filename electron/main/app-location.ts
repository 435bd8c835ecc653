import { fileURLToPath, pathToFileURL } from 'node:url';

// Where the desktop app's own page lives, and which URLs count as "ours". No Electron import, so
// the rules are unit-tested in plain Node.

export type AppLocation =
  /** Production: the built index.html, loaded over file://. */
  | { kind: 'file'; url: string; indexFile: string }
  /** Development: the electron-vite dev server, loopback only. */
  | { kind: 'dev'; url: string; origin: string };

export interface AppLocationInput {
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** app.isPackaged: a packaged app never follows an environment variable to another page. */
  packaged: boolean;
  indexFile: string;
}

export function resolveAppLocation({ devServerUrl, packaged, indexFile }: AppLocationInput): AppLocation {
  if (!packaged && devServerUrl) {
    const url = parseUrl(devServerUrl);
    if (url && url.protocol === 'http:' && isLoopbackHostname(url.hostname)) {
      return { kind: 'dev', url: url.href, origin: url.origin };
    }
  }
  return { kind: 'file', url: pathToFileURL(indexFile).href, indexFile };
}

/**
 * Whether a frame URL is the app's own page: the exact index.html file (any file:// page would
 * otherwise qualify, since file URLs share an opaque origin), or the dev server's origin.
 * Query and fragment are ignored: the renderer may use hash routes.
 */
export function isAppUrl(candidate: string, location: AppLocation): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (location.kind === 'dev') return url.origin === location.origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  try {
    return samePath(fileURLToPath(url), location.indexFile);
  } catch {
    return false;
  }
}

/** Links the app may hand to the operating system's browser. */
export function isExternalWebUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:');
}

function samePath(a: string, b: string): boolean {
  // Windows and macOS file systems are case-insensitive by default; Linux is not.
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
