/**
 * The renderer's Content-Security-Policy, shared by both shells so the page runs under the same
 * rules whether Electron or the browser shell serves it. base-uri and form-action are not covered
 * by default-src: no <base> may redirect the page's relative URLs, and no form may ever submit (a
 * form that did would put what was typed, a new password included, in a URL).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * Only for the Vite dev server (unpackaged desktop app): React Fast Refresh injects an inline
 * module preamble and HMR talks over a WebSocket to the dev server.
 */
export function devContentSecurityPolicy(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return `default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ${ws}; base-uri 'none'; form-action 'none'`;
}

/** Headers every browser-shell response carries. No CORS headers, ever. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // CSP's default-src does not cover framing; refuse to be framed (clickjacking).
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
