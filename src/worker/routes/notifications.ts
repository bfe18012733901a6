import { Hono } from 'hono';
import { entityId, NotificationSettingsBody } from '../../shared/api';
import type { AppEnv } from '../context';
import { readJson, readParam } from '../http/validate';
import { workspace } from '../stubs';

/** Mounted under /api/workspaces/:workspaceId/channels beside the channel routes; the caller is signed in. */
export const notificationRoutes = new Hono<AppEnv>().put('/:channelId/notifications', async (c) => {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const channelId = readParam(c, 'channelId', entityId);
  const change = await readJson(c, NotificationSettingsBody);
  return c.json({ state: await workspace(c.env, workspaceId).setNotifications(c.get('account').id, channelId, change) });
});
