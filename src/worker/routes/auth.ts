import { Hono } from 'hono';
import { SignInBody, SignUpBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { Account } from '../../shared/model';
import { readSessionTokens, writeSessionTokens } from '../auth/cookies';
import { assertMayTrySignIn, clearFailedSignIns, recordFailedSignIn } from '../auth/login-throttle';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import { instanceSettings } from '../config';
import type { AppEnv } from '../context';
import { clientAddress } from '../http/client-address';
import { readJson } from '../http/validate';
import { currentSession, forgetInBrowser, optionalAccount, requireAccount } from '../middleware/session';
import { directory } from '../stubs';
import { previewInvite, redeemInvite } from './invite-flow';

export const authRoutes = new Hono<AppEnv>()
  .post('/signup', async (c) => {
    const body = await readJson(c, SignUpBody);
    const dir = directory(c.env);
    const [stored, accounts] = await Promise.all([dir.instanceSettings(), dir.accountCount()]);
    const mode = instanceSettings(c.env, stored).registrationMode;
    const first = accounts === 0;
    if (!first && mode === 'closed') {
      throw new AppError('registration_closed', 'Sign-up is closed on this server; ask an administrator for an account');
    }
    if (!first && mode === 'invite' && !body.inviteCode) {
      throw new AppError('registration_closed', 'Sign-up needs an invite code on this server');
    }
    // Check the invite and the browser's room before creating the account, so a refusal leaves nothing behind.
    if (body.inviteCode) await previewInvite(c.env, body.inviteCode);
    const others = await otherSessions(c, null);
    const account = await dir.createAccount({
      username: body.username,
      displayName: body.displayName ?? body.username,
      passwordHash: await hashPassword(body.password),
    });
    const workspaceId = body.inviteCode ? (await redeemInvite(c.env, body.inviteCode, account)).workspaceId : null;
    await startSession(c, account, others);
    return c.json({ account, workspaceId }, 201);
  })
  .post('/signin', async (c) => {
    const body = await readJson(c, SignInBody);
    const address = clientAddress(c);
    assertMayTrySignIn(body.username, address, Date.now());
    const dir = directory(c.env);
    const credentials = await dir.findCredentials(body.username);
    const valid = await verifyPassword(body.password, credentials?.passwordHash ?? (await decoyHash()));
    if (!credentials || !valid) {
      recordFailedSignIn(body.username, address, Date.now());
      throw new AppError('invalid_credentials', 'That username and password do not match');
    }
    clearFailedSignIns(body.username);
    const account = await dir.getAccount(credentials.userId);
    if (!account) throw new AppError('invalid_credentials', 'That username and password do not match');
    // The directory refuses a session to a deactivated account (account_deactivated); asked only
    // once the password is known to be right, so the answer tells a guesser nothing.
    await startSession(c, account, await otherSessions(c, account.id));
    return c.json({ account });
  })
  .post('/signout', requireAccount(), async (c) => {
    const mine = currentSession(c);
    await directory(c.env).revokeSession(mine.token);
    forgetInBrowser(c, mine.token);
    return c.body(null, 204);
  });

/** Every account signed in in this browser, for the account switcher. */
export const sessionRoutes = new Hono<AppEnv>().get('/', optionalAccount(), (c) =>
  c.json({ accounts: c.get('signedIn').map((s) => s.account) }),
);

/**
 * The tokens of the browser's other signed-in accounts (an older session of
 * `accountId` is dropped), or conflict when the browser has no room for one more.
 */
async function otherSessions(c: import('hono').Context<AppEnv>, accountId: string | null): Promise<string[]> {
  const existing = readSessionTokens(c);
  const resolved = existing.length > 0 ? await directory(c.env).resolveSessions(existing) : [];
  const others = existing.filter((_, i) => resolved[i] && resolved[i]?.id !== accountId);
  if (others.length >= LIMITS.accountsPerBrowser) {
    throw new AppError('conflict', `At most ${LIMITS.accountsPerBrowser} accounts can be signed in at once; sign one out first`);
  }
  return others;
}

/** Adds a session for `account` to this browser's cookie, ahead of the `others` already there. */
async function startSession(c: import('hono').Context<AppEnv>, account: Account, others: string[]) {
  const token = await directory(c.env).createSession(account.id, {
    userAgent: c.req.header('User-Agent') ?? '',
    address: clientAddress(c),
  });
  writeSessionTokens(c, [token, ...others]);
}
