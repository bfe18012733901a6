import { Hono } from 'hono';
import { entityId, OpenDmBody } from '../../shared/api';
import type { AppEnv } from '../context';
import { readJson, readParam } from '../http/validate';
import { workspace } from '../stubs';

/** POST /, mounted at /api/workspaces/:workspaceId/dms: opens the DM with exactly these people, made when new (201). */
export const dmRoutes = new Hono<AppEnv>().post('/', async (c) => {
  const ws = readParam(c, 'workspaceId', entityId);
  const { userIds } = await readJson(c, OpenDmBody);
  const { channel, created } = await workspace(c.env, ws).openDm(c.get('account').id, userIds);
  return c.json({ channel }, created ? 201 : 200);
});
