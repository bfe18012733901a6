import { Hono } from 'hono';
import { z } from 'zod';
import { CreateChannelBody, entityId, HistoryQuery, SocketQuery } from '../../shared/api';
import { IDENTITY_HEADER, type SocketIdentity } from '../../durable/channel/identity';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';
import { readJson, readParam, readQuery } from '../http/validate';
import { channel, workspace } from '../stubs';

const messageSeq = z.coerce.number().int().min(1);

/** Mounted under /api/workspaces/:workspaceId/channels; the caller is signed in. */
export const channelRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    return c.json({ channels: await workspace(c.env, ws).listChannels(c.get('account').id) });
  })
  .post('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const input = await readJson(c, CreateChannelBody);
    return c.json({ channel: await workspace(c.env, ws).createChannel(c.get('account').id, input) }, 201);
  })
  .post('/:channelId/members', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    return c.json({ channel: await workspace(c.env, ws).joinChannel(c.get('account').id, ch) });
  })
  .get('/:channelId/messages', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    const query = readQuery(c, HistoryQuery);
    await workspace(c.env, ws).channelAccess(c.get('account').id, ch);
    return c.json(await channel(c.env, ch).history(query.before, query.limit));
  })
  .get('/:channelId/pins', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    await workspace(c.env, ws).channelAccess(c.get('account').id, ch);
    return c.json({ messages: await channel(c.env, ch).pins() });
  })
  .get('/:channelId/messages/:seq', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    const seq = readParam(c, 'seq', messageSeq);
    await workspace(c.env, ws).channelAccess(c.get('account').id, ch);
    return c.json({ message: await channel(c.env, ch).message(seq) });
  })
  .get('/:channelId/messages/:seq/edits', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    const seq = readParam(c, 'seq', messageSeq);
    await workspace(c.env, ws).channelAccess(c.get('account').id, ch);
    return c.json({ edits: await channel(c.env, ch).edits(seq) });
  })
  .get('/:channelId/socket', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError('bad_request', 'This address takes a WebSocket upgrade');
    }
    const query = readQuery(c, SocketQuery);
    const me = c.get('account');
    const { member } = await workspace(c.env, ws).channelAccess(me.id, ch);
    const identity: SocketIdentity = { userId: me.id, displayName: member.displayName, role: member.role, workspaceId: ws, channelId: ch };
    // A fresh request: nothing the client sent but the upgrade and the checked query reaches the object.
    const search = new URLSearchParams({ after: String(query.after), protocol: String(query.protocol) });
    const forwarded = new Request(`https://channel/socket?${search}`, {
      headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify(identity) },
    });
    return channel(c.env, ch).fetch(forwarded);
  });
