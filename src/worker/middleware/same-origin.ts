import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site requests that change state, and WebSocket upgrades from
 * other origins. Browsers always send Origin on these; tools that send neither
 * Origin nor Sec-Fetch-Site are not browsers and carry no ambient cookies risk.
 */
export function sameOrigin(): MiddlewareHandler {
  return async function sameOrigin(c, next) {
    const isUpgrade = c.req.header('Upgrade')?.toLowerCase() === 'websocket';
    if (SAFE_METHODS.has(c.req.method) && !isUpgrade) return next();
    const site = c.req.header('Sec-Fetch-Site');
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new AppError('cross_site', 'Cross-site requests are refused; use Hearth from its own address');
    }
    const origin = c.req.header('Origin');
    if (origin && !matchesHost(origin, new URL(c.req.url).host)) {
      throw new AppError('cross_site', 'Cross-site requests are refused; use Hearth from its own address');
    }
    return next();
  };
}

function matchesHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
