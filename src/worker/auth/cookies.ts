import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LIMITS } from '../../shared/limits';

/** One HttpOnly cookie holds the tokens of every account signed in in this browser. */
export const SESSION_COOKIE = 'hearth_sessions';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

export function readSessionTokens(c: Context): string[] {
  const raw = getCookie(c, SESSION_COOKIE) ?? '';
  return [...new Set(raw.split('.').filter((t) => TOKEN_PATTERN.test(t)))].slice(0, LIMITS.accountsPerBrowser);
}

export function writeSessionTokens(c: Context, tokens: string[]) {
  if (tokens.length === 0) {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return;
  }
  setCookie(c, SESSION_COOKIE, tokens.join('.'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: LIMITS.sessionLifetimeMs / 1000,
  });
}
