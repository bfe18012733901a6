import { Hono } from 'hono';
import { BanBody, ChangeRoleBody, entityId, TimeoutBody } from '../../shared/api';
import type { AppEnv } from '../context';
import { actor } from '../http/actor';
import { readJson, readParam } from '../http/validate';
import { workspace } from '../stubs';

/** Mounted at /api/workspaces/:workspaceId/members; the caller is signed in. */
export const memberRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    return c.json({ members: await workspace(c.env, ws).listMembers(c.get('account').id) });
  })
  .get('/:userId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    return c.json({ member: await workspace(c.env, ws).member(c.get('account').id, target) });
  })
  .patch('/:userId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    const { role } = await readJson(c, ChangeRoleBody);
    return c.json({ member: await workspace(c.env, ws).changeRole(actor(c), target, role) });
  })
  /** Removes a member; the caller's own id leaves the workspace. */
  .delete('/:userId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    await workspace(c.env, ws).removeMember(actor(c), target);
    return c.body(null, 204);
  })
  .put('/:userId/timeout', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    const body = await readJson(c, TimeoutBody);
    return c.json({ member: await workspace(c.env, ws).timeOut(actor(c), target, body) });
  })
  .delete('/:userId/timeout', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    return c.json({ member: await workspace(c.env, ws).clearTimeout(actor(c), target) });
  });

/** Mounted at /api/workspaces/:workspaceId/bans; admins and the owner. */
export const banRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    return c.json({ bans: await workspace(c.env, ws).listBans(c.get('account').id) });
  })
  .put('/:userId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    const body = await readJson(c, BanBody);
    return c.json({ ban: await workspace(c.env, ws).ban(actor(c), target, body) });
  })
  .delete('/:userId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const target = readParam(c, 'userId', entityId);
    await workspace(c.env, ws).unban(actor(c), target);
    return c.body(null, 204);
  });
