import type { Context } from 'hono';
import { NO_SUCH_FILE } from '../../durable/channel/files';
import { entityId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Channel, Member } from '../../shared/model';
import type { AppEnv } from '../context';
import { readParam } from '../http/validate';
import { channel, workspace } from '../stubs';

/** The channel in the path, through the caller's membership of it; 404 when they may not know of it. */
export async function channelOfPath(c: Context<AppEnv>) {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const channelId = readParam(c, 'channelId', entityId);
  const access = await workspace(c.env, workspaceId).channelAccess(c.get('account').id, channelId);
  return { ...access, workspaceId, channelId, stub: channel(c.env, channelId) };
}

/**
 * The file in the path and its channel's stub. Whether the workspace, the channel or the file
 * is missing or closed to the caller, the answer is the same 404, so nothing is learnt from it.
 */
export async function fileOfPath(c: Context<AppEnv>) {
  const fileId = entityId.safeParse(c.req.param('fileId'));
  if (!fileId.success) throw new AppError('not_found', NO_SUCH_FILE);
  try {
    return { fileId: fileId.data, ...(await channelOfPath(c)) };
  } catch (error) {
    if (AppError.from(error)?.code === 'not_found') throw new AppError('not_found', NO_SUCH_FILE);
    throw error;
  }
}

/** An upload is the first step of a post: refused where the person could not post it. */
export function requireMayUpload(current: Channel, member: Member, now: number) {
  if (current.archivedAt !== null) {
    throw new AppError('channel_archived', 'This channel is archived: nothing new can be shared in it. A moderator can unarchive it.');
  }
  if (member.timedOutUntil !== null && now < member.timedOutUntil) {
    throw new AppError('timed_out', `You are timed out until ${new Date(member.timedOutUntil).toISOString()}`);
  }
}
