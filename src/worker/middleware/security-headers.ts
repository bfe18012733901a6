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

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    if (c.res.status === 101) return; // an upgraded socket carries no page
    const res = new Response(c.res.body, c.res);
    // A handler's own policy (an avatar's `sandbox`) is kept: both policies then apply.
    const ownPolicy = res.headers.get('Content-Security-Policy');
    for (const [name, value] of Object.entries(HEADERS)) res.headers.set(name, value);
    if (ownPolicy) res.headers.set('Content-Security-Policy', `${ownPolicy}, ${CONTENT_SECURITY_POLICY}`);
    c.res = res;
  };
}
