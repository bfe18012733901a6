import { Hono } from 'hono';
import { entityId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { tellWorkspacesOf } from '../accounts/workspace-fanout';
import type { AppEnv } from '../context';
import { readParam } from '../http/validate';
import { requireInstanceAdmin } from '../middleware/instance-admin';
import { requireAccount } from '../middleware/session';
import { directory } from '../stubs';

/** The server administrators' user list. */
export const adminRoutes = new Hono<AppEnv>()
  .use(requireAccount(), requireInstanceAdmin())
  .get('/users', async (c) => c.json({ users: await directory(c.env).listUsers() }))
  .put('/users/:userId/deactivated', async (c) => {
    const userId = readParam(c, 'userId', entityId);
    if (userId === c.get('account').id) {
      throw new AppError('forbidden', 'You cannot deactivate your own account; another administrator can');
    }
    // The directory ends every session first, so nothing new can connect while the open sockets close.
    const user = await directory(c.env).setDeactivated(userId, true);
    await tellWorkspacesOf(c.env, userId, 'a deactivation', (ws) => ws.disconnect(userId, 'account_deactivated'));
    return c.json({ user });
  })
  .delete('/users/:userId/deactivated', async (c) => {
    const userId = readParam(c, 'userId', entityId);
    return c.json({ user: await directory(c.env).setDeactivated(userId, false) });
  })
  .put('/users/:userId/admin', async (c) => {
    const userId = readParam(c, 'userId', entityId);
    return c.json({ user: await directory(c.env).setInstanceAdmin(userId, true) });
  })
  .delete('/users/:userId/admin', async (c) => {
    const userId = readParam(c, 'userId', entityId);
    return c.json({ user: await directory(c.env).setInstanceAdmin(userId, false) });
  });
