import { Hono } from 'hono';
import { z } from 'zod';
import type { SavedRef } from '../../durable/workspace/saved';
import { entityId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Message, SavedItem } from '../../shared/model';
import type { AppEnv, Env } from '../context';
import { readParam } from '../http/validate';
import { channel, workspace } from '../stubs';

const messageSeq = z.coerce.number().int().min(1);

/** Channel objects asked at once, and messages asked of one channel object at once, when listing saved messages. */
const CHANNELS_AT_ONCE = 4;
const MESSAGES_AT_ONCE = 16;

/** PUT and DELETE /:channelId/messages/:seq/saved, mounted under /api/workspaces/:workspaceId/channels. */
export const savedMessageRoutes = new Hono<AppEnv>()
  .put('/:channelId/messages/:seq/saved', async (c) => {
    const workspaceId = readParam(c, 'workspaceId', entityId);
    const channelId = readParam(c, 'channelId', entityId);
    const seq = readParam(c, 'seq', messageSeq);
    const userId = c.get('account').id;
    const stub = workspace(c.env, workspaceId);
    await stub.channelAccess(userId, channelId);
    const message = await channel(c.env, channelId).message(seq);
    if (message.deletedAt !== null) throw new AppError('not_found', 'That message was deleted');
    const ref = await stub.saveMessage(userId, channelId, seq);
    return c.json({ item: { channelId, channelName: ref.channelName, savedAt: ref.savedAt, message } satisfies SavedItem });
  })
  .delete('/:channelId/messages/:seq/saved', async (c) => {
    const workspaceId = readParam(c, 'workspaceId', entityId);
    const channelId = readParam(c, 'channelId', entityId);
    const seq = readParam(c, 'seq', messageSeq);
    await workspace(c.env, workspaceId).unsaveMessage(c.get('account').id, channelId, seq);
    return c.body(null, 204);
  });

/** GET /, mounted at /api/workspaces/:workspaceId/saved: the caller's saved messages, newest saved first. */
export const savedRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const refs = await workspace(c.env, workspaceId).savedMessages(c.get('account').id);
  return c.json({ items: await withMessages(c.env, refs) });
});

/** Fetches each saved message from its channel object; deleted or missing messages are left out. */
async function withMessages(env: Env, refs: SavedRef[]): Promise<SavedItem[]> {
  const byChannel = Map.groupBy(refs, (ref) => ref.channelId);
  const found = new Map<string, Message>();
  await inBatches([...byChannel], CHANNELS_AT_ONCE, async ([channelId, ofChannel]) => {
    const stub = channel(env, channelId);
    await inBatches(ofChannel, MESSAGES_AT_ONCE, async ({ seq }) => {
      const message = await stub.message(seq).catch((error: unknown) => {
        if (AppError.from(error)?.code === 'not_found') return null;
        throw error;
      });
      if (message && message.deletedAt === null) found.set(`${channelId}/${seq}`, message);
    });
  });
  return refs.flatMap(({ channelId, channelName, seq, savedAt }) => {
    const message = found.get(`${channelId}/${seq}`);
    return message ? [{ channelId, channelName, savedAt, message }] : [];
  });
}

async function inBatches<T>(items: T[], size: number, task: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}
