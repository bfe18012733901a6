import { Hono } from 'hono';
import { entityId, GatewayQuery } from '../../shared/api';
import { IDENTITY_HEADER, type GatewayIdentity } from '../../durable/workspace/gateway';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';
import { readParam, readQuery } from '../http/validate';
import { workspace } from '../stubs';

/** Mounted at /api/workspaces/:workspaceId/gateway; the caller is signed in. The object refuses non-members with 404. */
export const gatewayRoutes = new Hono<AppEnv>().get('/', async (c) => {
  if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
    throw new AppError('bad_request', 'This address takes a WebSocket upgrade');
  }
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const query = readQuery(c, GatewayQuery);
  const identity: GatewayIdentity = { userId: c.get('account').id };
  // A fresh request: nothing the client sent but the upgrade and the checked query reaches the object.
  const forwarded = new Request(`https://workspace/gateway?protocol=${query.protocol}`, {
    headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify(identity) },
  });
  return workspace(c.env, workspaceId).fetch(forwarded);
});
