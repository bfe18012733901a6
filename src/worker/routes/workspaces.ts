import { Hono } from 'hono';
import { CreateWorkspaceBody, entityId } from '../../shared/api';
import { newId } from '../../shared/ids';
import type { AppEnv } from '../context';
import { readJson, readParam } from '../http/validate';
import { requireAccount } from '../middleware/session';
import { directory, workspace } from '../stubs';
import { auditRoutes } from './audit';
import { channelRoutes } from './channels';
import { dmRoutes } from './dms';
import { fileRoutes } from './files';
import { gatewayRoutes } from './gateway';
import { memberIdentity } from './invite-flow';
import { inviteRoutes } from './invites';
import { banRoutes, memberRoutes } from './moderation';
import { notificationRoutes } from './notifications';
import { savedMessageRoutes, savedRoutes } from './saved';
import { searchRoutes } from './search';

export const workspaceRoutes = new Hono<AppEnv>()
  .use(requireAccount())
  .get('/', async (c) => c.json({ workspaces: await directory(c.env).workspacesOf(c.get('account').id) }))
  .post('/', async (c) => {
    const { name } = await readJson(c, CreateWorkspaceBody);
    const me = c.get('account');
    const id = newId();
    const { generalChannelId } = await workspace(c.env, id).create(id, name, memberIdentity(me));
    await directory(c.env).recordWorkspace({ id, name }, me.id);
    return c.json({ workspace: { id, name }, generalChannelId }, 201);
  })
  .get('/:workspaceId', async (c) => {
    const id = readParam(c, 'workspaceId', entityId);
    return c.json({ workspace: await workspace(c.env, id).view(c.get('account').id) });
  })
  .route('/:workspaceId/members', memberRoutes)
  .route('/:workspaceId/bans', banRoutes)
  .route('/:workspaceId/audit', auditRoutes)
  .route('/:workspaceId/dms', dmRoutes)
  .route('/:workspaceId/channels', channelRoutes)
  // Per-person resources under a channel's path; their paths differ from every channel route.
  .route('/:workspaceId/channels', notificationRoutes)
  .route('/:workspaceId/channels', savedMessageRoutes)
  .route('/:workspaceId/channels', fileRoutes)
  .route('/:workspaceId/saved', savedRoutes)
  .route('/:workspaceId/search', searchRoutes)
  .route('/:workspaceId/gateway', gatewayRoutes)
  .route('/:workspaceId/invites', inviteRoutes);
