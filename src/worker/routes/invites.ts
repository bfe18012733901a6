import { Hono } from 'hono';
import { CreateInviteBody, entityId, inviteCode } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { newInviteCode } from '../../shared/ids';
import { LIMITS } from '../../shared/limits';
import type { AppEnv } from '../context';
import { actor } from '../http/actor';
import { readJson, readParam } from '../http/validate';
import { requireAccount } from '../middleware/session';
import { directory, workspace } from '../stubs';
import { previewInvite, redeemInvite } from './invite-flow';

/** Mounted under /api/workspaces/:workspaceId/invites; the caller is signed in. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    return c.json({ invites: await workspace(c.env, ws).listInvites(c.get('account').id) });
  })
  .post('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const input = await readJson(c, CreateInviteBody);
    const stub = workspace(c.env, ws);
    // Check the caller's right first, so a refused request leaves no code behind.
    await stub.listInvites(c.get('account').id);
    const code = newInviteCode(LIMITS.inviteCodeLength);
    await directory(c.env).registerInviteCode(code, ws);
    return c.json({ invite: await stub.createInvite(actor(c), code, input) }, 201);
  })
  .delete('/:code', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const code = readParam(c, 'code', inviteCode);
    return c.json({ invite: await workspace(c.env, ws).revokeInvite(actor(c), code) });
  });

/** Invites by code: anyone may look at one (to see where it leads); joining needs an account. */
export const inviteCodeRoutes = new Hono<AppEnv>()
  .get('/:code', async (c) => {
    const parsed = inviteCode.safeParse(c.req.param('code'));
    if (!parsed.success) throw new AppError('invite_unknown', 'No invite has that code. Check it for typos.');
    return c.json(await previewInvite(c.env, parsed.data));
  })
  .post('/:code/redemptions', requireAccount(), async (c) => {
    const parsed = inviteCode.safeParse(c.req.param('code'));
    if (!parsed.success) throw new AppError('invite_unknown', 'No invite has that code. Check it for typos.');
    return c.json(await redeemInvite(c.env, parsed.data, c.get('account')));
  });
