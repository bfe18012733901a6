import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { readParam } from '../http/validate';
import { currentSession, forgetInBrowser } from '../middleware/session';
import { directory } from '../stubs';
import { AppError } from '../../shared/errors';

/** Session ids are random: 16 base32 characters, or 20 hex digits for sessions older than the ids. */
const sessionId = z.string().regex(/^[a-z0-9]{16,20}$/);

/** The account's signed-in devices (mounted under /account, after requireAccount). */
export const accountSessionRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const sessions = await directory(c.env).listSessions(c.get('account').id, currentSession(c).token);
    return c.json({ sessions });
  })
  .delete('/:sessionId', async (c) => {
    const id = readParam(c, 'sessionId', sessionId);
    const current = currentSession(c);
    const { ended, wasCurrent } = await directory(c.env).endSession(c.get('account').id, id, current.token);
    if (!ended) throw new AppError('not_found', 'No such session; it may have been signed out already');
    if (wasCurrent) forgetInBrowser(c, current.token);
    return c.body(null, 204);
  })
  .delete('/', async (c) => {
    await directory(c.env).endOtherSessions(c.get('account').id, currentSession(c).token);
    return c.body(null, 204);
  });
