import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { IDENTITY_HEADER, type SocketIdentity } from '../../durable/channel/identity';
import { type ChannelPolicy, POLICY_HEADER } from '../../durable/channel/policy';
import { CreateChannelBody, entityId, HistoryQuery, SocketQuery } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';
import { actor } from '../http/actor';
import { clientAddress } from '../http/client-address';
import { readJson, readParam, readQuery } from '../http/validate';
import { channel, workspace } from '../stubs';
import { channelAdminRoutes } from './channel-admin';

const messageSeq = z.coerce.number().int().min(1);

/**
 * The channel in the path, checked through the caller's membership of the
 * workspace and the channel (a private channel or DM they are not in: 404), with its object's stub.
 */
async function joinedChannel(c: Context<AppEnv>) {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const channelId = readParam(c, 'channelId', entityId);
  const access = await workspace(c.env, workspaceId).channelAccess(c.get('account').id, channelId);
  return { ...access, workspaceId, channelId, stub: channel(c.env, channelId) };
}

/** The same check for reads, which need only the channel object: the workspace skips building the member and channel views. */
async function readableChannel(c: Context<AppEnv>) {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const channelId = readParam(c, 'channelId', entityId);
  await workspace(c.env, workspaceId).requireJoined(c.get('account').id, channelId);
  return channel(c.env, channelId);
}

/** Mounted under /api/workspaces/:workspaceId/channels; the caller is signed in. */
export const channelRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    return c.json({ channels: await workspace(c.env, ws).listChannels(c.get('account').id) });
  })
  .post('/', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const input = await readJson(c, CreateChannelBody);
    return c.json({ channel: await workspace(c.env, ws).createChannel(actor(c), input) }, 201);
  })
  .get('/:channelId', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    return c.json({ channel: await workspace(c.env, ws).channel(c.get('account').id, ch) });
  })
  .post('/:channelId/members', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    return c.json({ channel: await workspace(c.env, ws).joinChannel(c.get('account').id, ch) });
  })
  .get('/:channelId/members', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    return c.json({ members: await workspace(c.env, ws).channelMembers(c.get('account').id, ch) });
  })
  .get('/:channelId/messages', async (c) => {
    const query = readQuery(c, HistoryQuery);
    const stub = await readableChannel(c);
    return c.json(await stub.history(query.before, query.limit));
  })
  .get('/:channelId/pins', async (c) => {
    const stub = await readableChannel(c);
    return c.json({ messages: await stub.pins() });
  })
  .get('/:channelId/messages/:seq', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const stub = await readableChannel(c);
    return c.json({ message: await stub.message(seq) });
  })
  .get('/:channelId/messages/:seq/edits', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const stub = await readableChannel(c);
    return c.json({ edits: await stub.edits(seq) });
  })
  .get('/:channelId/messages/:seq/thread', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const stub = await readableChannel(c);
    return c.json(await stub.thread(seq));
  })
  .get('/:channelId/socket', async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError('bad_request', 'This address takes a WebSocket upgrade');
    }
    const query = readQuery(c, SocketQuery);
    // Taken before access is checked: a change the channel object hears of after this still reaches the socket.
    const issuedAt = Date.now();
    const { member, channel: current, workspaceId, channelId, stub } = await joinedChannel(c);
    const identity: SocketIdentity = {
      userId: member.userId,
      displayName: member.displayName,
      role: member.role,
      workspaceId,
      channelId,
      timedOutUntil: member.timedOutUntil,
      address: clientAddress(c),
      issuedAt,
    };
    const policy: ChannelPolicy = { channelId, workspaceId, archivedAt: current.archivedAt, slowModeSeconds: current.slowModeSeconds };
    // A fresh request: nothing the client sent but the upgrade and the checked query reaches the object.
    const search = new URLSearchParams({ after: String(query.after), protocol: String(query.protocol) });
    const forwarded = new Request(`https://channel/socket?${search}`, {
      headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify(identity), [POLICY_HEADER]: JSON.stringify(policy) },
    });
    return stub.fetch(forwarded);
  })
  .route('/', channelAdminRoutes);
