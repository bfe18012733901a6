import { type Context, Hono } from 'hono';
import { DeleteChannelBody, entityId, SlowModeBody, UpdateChannelBody } from '../../shared/api';
import type { AppEnv } from '../context';
import { actor } from '../http/actor';
import { readJson, readParam } from '../http/validate';
import { workspace } from '../stubs';

/**
 * Changing a channel: its name and topic, archiving, slow mode, deleting it,
 * hiding a DM, adding and removing people. Mounted with the channel routes.
 */
export const channelAdminRoutes = new Hono<AppEnv>()
  .patch('/:channelId', async (c) => {
    const { ws, ch } = ids(c);
    const body = await readJson(c, UpdateChannelBody);
    return c.json({ channel: await workspace(c.env, ws).updateChannel(actor(c), ch, body) });
  })
  .delete('/:channelId', async (c) => {
    const { ws, ch } = ids(c);
    const { confirmName } = await readJson(c, DeleteChannelBody);
    await workspace(c.env, ws).deleteChannel(actor(c), ch, confirmName);
    return c.body(null, 204);
  })
  .put('/:channelId/archived', async (c) => {
    const { ws, ch } = ids(c);
    return c.json({ channel: await workspace(c.env, ws).setArchived(actor(c), ch, true) });
  })
  .delete('/:channelId/archived', async (c) => {
    const { ws, ch } = ids(c);
    return c.json({ channel: await workspace(c.env, ws).setArchived(actor(c), ch, false) });
  })
  .put('/:channelId/slow-mode', async (c) => {
    const { ws, ch } = ids(c);
    const { seconds } = await readJson(c, SlowModeBody);
    return c.json({ channel: await workspace(c.env, ws).setSlowMode(actor(c), ch, seconds) });
  })
  .put('/:channelId/hidden', async (c) => {
    const { ws, ch } = ids(c);
    return c.json({ channel: await workspace(c.env, ws).setHidden(c.get('account').id, ch, true) });
  })
  .delete('/:channelId/hidden', async (c) => {
    const { ws, ch } = ids(c);
    return c.json({ channel: await workspace(c.env, ws).setHidden(c.get('account').id, ch, false) });
  })
  .put('/:channelId/members/:userId', async (c) => {
    const { ws, ch } = ids(c);
    const target = readParam(c, 'userId', entityId);
    return c.json({ channel: await workspace(c.env, ws).addToChannel(actor(c), ch, target) });
  })
  /** Removes someone from the channel; the caller's own id leaves it. */
  .delete('/:channelId/members/:userId', async (c) => {
    const { ws, ch } = ids(c);
    const target = readParam(c, 'userId', entityId);
    await workspace(c.env, ws).removeFromChannel(actor(c), ch, target);
    return c.body(null, 204);
  });

function ids(c: Context<AppEnv>) {
  return { ws: readParam(c, 'workspaceId', entityId), ch: readParam(c, 'channelId', entityId) };
}
