import type { Context, MiddlewareHandler } from 'hono';
import { ACCOUNT_HEADER, ACCOUNT_QUERY } from '../../shared/wire';
import { AppError } from '../../shared/errors';
import { readSessionTokens, writeSessionTokens } from '../auth/cookies';
import type { AppEnv, SignedIn } from '../context';
import { directory } from '../stubs';

/**
 * Resolves every session in the browser's cookie and picks the account the
 * request acts as: the one named by the X-Hearth-Account header (or `account`
 * query parameter for sockets), else the first. Sets `signedIn` and `account`.
 */
export function loadSessions(options: { required: boolean }): MiddlewareHandler<AppEnv> {
  return async function loadSessions(c, next) {
    const tokens = readSessionTokens(c);
    const accounts = tokens.length > 0 ? await directory(c.env).resolveSessions(tokens) : [];
    const signedIn: SignedIn[] = [];
    tokens.forEach((token, i) => {
      const account = accounts[i];
      if (account) signedIn.push({ token, account });
    });
    if (signedIn.length !== tokens.length) writeSessionTokens(c, signedIn.map((s) => s.token));
    c.set('signedIn', signedIn);

    const wanted = c.req.header(ACCOUNT_HEADER) ?? c.req.query(ACCOUNT_QUERY);
    const active = wanted ? signedIn.find((s) => s.account.id === wanted) : signedIn[0];
    if (active) c.set('account', active.account);
    else if (options.required) {
      throw new AppError('unauthenticated', wanted ? 'That account is not signed in here; sign in again' : 'Sign in first');
    }
    return next();
  };
}

export const requireAccount = () => loadSessions({ required: true });
export const optionalAccount = () => loadSessions({ required: false });

/** The session the request acts with (after requireAccount): its token names "this device". */
export function currentSession(c: Context<AppEnv>): SignedIn {
  const me = c.get('account');
  const session = c.get('signedIn').find((s) => s.account.id === me.id);
  if (!session) throw new AppError('unauthenticated', 'Sign in first');
  return session;
}

/** Drops one session's token from this browser's cookie, keeping the browser's other accounts signed in. */
export function forgetInBrowser(c: Context<AppEnv>, token: string) {
  writeSessionTokens(
    c,
    c.get('signedIn').filter((s) => s.token !== token).map((s) => s.token),
  );
}
