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

// Chromium names an object URL after the creating page's origin and a random UUID.
const BLOB_PATH = /^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a download URL is an object URL (URL.createObjectURL) of the app's own origin: how the
 * page saves its exports. The dev server's look like blob:http://127.0.0.1:5173/<uuid>. The built
 * page's are blob:file:///<uuid>, or blob:null/<uuid> where Chromium treats file pages as opaque
 * origins. Neither names the page (every file:// page shares them), so the caller must also check
 * that the download comes from the app's own window and frame.
 */
export function isOwnBlobUrl(candidate: string, location: AppLocation): boolean {
  const url = parseUrl(candidate);
  if (!url || url.protocol !== 'blob:') return false;
  const rest = url.href.slice('blob:'.length);
  if (location.kind === 'file' && /^null\/[^/?#]+$/.test(rest)) return BLOB_PATH.test(rest.slice('null'.length));
  const inner = parseUrl(rest);
  if (!inner || inner.search !== '' || inner.hash !== '' || inner.username !== '' || inner.password !== '') return false;
  if (!BLOB_PATH.test(inner.pathname)) return false;
  if (location.kind === 'dev') return inner.protocol === 'http:' && inner.origin === location.origin;
  return inner.protocol === 'file:' && inner.host === '';
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
