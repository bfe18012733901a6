import type { MiddlewareHandler } from 'hono';

/** The app loads nothing from anywhere but its own origin, and inlines no script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The diagram renderer frame (web/frames): sandboxed to an opaque origin, so it can reach
 * neither the app's cookies, storage nor DOM, and allowed no network at all. Mermaid styles
 * its drawing inline, which is why only this page may use inline styles. Embeddable by the
 * app alone.
 */
export const FRAME_CONTENT_SECURITY_POLICY = [
  'sandbox allow-scripts',
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src data:',
  "font-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Every uploaded file is served in a sandbox: whatever it is (HTML, SVG, XML), it runs no script
 * and lives in an opaque origin, so it can never act as Hearth or read its cookies, storage or
 * DOM. The app may frame it (previews); nothing else may.
 */
export const FILE_CONTENT_SECURITY_POLICY = [
  'sandbox',
  "default-src 'none'",
  "img-src 'self' data:",
  "media-src 'self'",
  "style-src 'unsafe-inline'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * An uploaded HTML file asked for as a preview (`?preview=1`): its own scripts and styles run,
 * still in the opaque origin of the sandbox (no `allow-same-origin`), with no network at all.
 * Opened in a new tab it keeps the same isolation.
 */
export const HTML_PREVIEW_CONTENT_SECURITY_POLICY = [
  'sandbox allow-scripts',
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Uploaded files and their thumbnails, as GET and HEAD serve them. */
const FILE_PATH = /^\/api\/workspaces\/[^/]+\/channels\/[^/]+\/(?:files|thumbnails)\/[^/]+/;

/** Where the renderer frame and its scripts are served from. */
export const FRAMES_PATH = '/frames/';

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const FILE_HEADERS: Record<string, string> = {
  ...HEADERS,
  'Content-Security-Policy': FILE_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'SAMEORIGIN',
};

const FRAME_HEADERS: Record<string, string> = {
  ...HEADERS,
  'Content-Security-Policy': FRAME_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * The frame's module scripts are fetched in CORS mode from its opaque origin ("null"): they
 * must be readable from any origin. They are the same public files anyone can download.
 */
const FRAME_SCRIPT_HEADERS: Record<string, string> = {
  ...FRAME_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    if (c.res.status === 101) return; // an upgraded socket carries no page
    const res = new Response(c.res.body, c.res);
    const path = new URL(c.req.url).pathname;
    if (path.startsWith(FRAMES_PATH)) {
      const headers = path.startsWith(`${FRAMES_PATH}assets/`) ? FRAME_SCRIPT_HEADERS : FRAME_HEADERS;
      for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
      c.res = res;
      return;
    }
    // A handler's own policy (an avatar's `sandbox`) is kept: both policies then apply.
    const ownPolicy = res.headers.get('Content-Security-Policy');
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && FILE_PATH.test(path)) {
      // A file's own policy (the HTML preview's) replaces the file default, never loosened by the app's.
      for (const [name, value] of Object.entries(FILE_HEADERS)) res.headers.set(name, value);
      if (ownPolicy) res.headers.set('Content-Security-Policy', ownPolicy);
      c.res = res;
      return;
    }
    for (const [name, value] of Object.entries(HEADERS)) res.headers.set(name, value);
    if (ownPolicy) res.headers.set('Content-Security-Policy', `${ownPolicy}, ${CONTENT_SECURITY_POLICY}`);
    c.res = res;
  };
}
