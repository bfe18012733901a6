import { Hono } from 'hono';
import { z } from 'zod';
import { CreateChannelBody, entityId, HistoryQuery, SocketQuery } from '../../shared/api';
import { IDENTITY_HEADER, type SocketIdentity } from '../../durable/channel/identity';
import { AppError } from '../../shared/errors';
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { readJson, readParam, readQuery } from '../http/validate';
import { channel, workspace } from '../stubs';

const messageSeq = z.coerce.number().int().min(1);

/**
 * The channel in the path, checked through the caller's membership of the
 * workspace and the channel (not a member: 404), with its object's stub.
 */
async function joinedChannel(c: Context<AppEnv>) {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const channelId = readParam(c, 'channelId', entityId);
  const access = await workspace(c.env, workspaceId).channelAccess(c.get('account').id, channelId);
  return { ...access, workspaceId, channelId, stub: channel(c.env, channelId) };
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
    return c.json({ channel: await workspace(c.env, ws).createChannel(c.get('account').id, input) }, 201);
  })
  .post('/:channelId/members', async (c) => {
    const ws = readParam(c, 'workspaceId', entityId);
    const ch = readParam(c, 'channelId', entityId);
    return c.json({ channel: await workspace(c.env, ws).joinChannel(c.get('account').id, ch) });
  })
  .get('/:channelId/messages', async (c) => {
    const query = readQuery(c, HistoryQuery);
    const { stub } = await joinedChannel(c);
    return c.json(await stub.history(query.before, query.limit));
  })
  .get('/:channelId/members', async (c) => {
    const { workspaceId, channelId } = await joinedChannel(c);
    return c.json({ members: await workspace(c.env, workspaceId).channelRoster(channelId) });
  })
  .get('/:channelId/pins', async (c) => {
    const { stub } = await joinedChannel(c);
    return c.json({ messages: await stub.pins() });
  })
  .get('/:channelId/messages/:seq', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const { stub } = await joinedChannel(c);
    return c.json({ message: await stub.message(seq) });
  })
  .get('/:channelId/messages/:seq/edits', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const { stub } = await joinedChannel(c);
    return c.json({ edits: await stub.edits(seq) });
  })
  .get('/:channelId/messages/:seq/thread', async (c) => {
    const seq = readParam(c, 'seq', messageSeq);
    const { stub } = await joinedChannel(c);
    return c.json(await stub.thread(seq));
  })
  .get('/:channelId/socket', async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError('bad_request', 'This address takes a WebSocket upgrade');
    }
    const query = readQuery(c, SocketQuery);
    const { member, workspaceId, channelId, stub } = await joinedChannel(c);
    const identity: SocketIdentity = {
      userId: member.userId,
      displayName: member.displayName,
      role: member.role,
      workspaceId,
      channelId,
    };
    // A fresh request: nothing the client sent but the upgrade and the checked query reaches the object.
    const search = new URLSearchParams({ after: String(query.after), protocol: String(query.protocol) });
    const forwarded = new Request(`https://channel/socket?${search}`, {
      headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify(identity) },
    });
    return stub.fetch(forwarded);
  });
