import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { LIMITS } from '../../shared/limits';
import type { Channel } from '../../shared/model';
import * as channels from './channels';
import type { WorkspaceContext } from './context';
import { membersByIds, requireMember } from './members';
import * as schema from './schema';

const { channelMembers } = schema;

/**
 * The one DM of exactly the caller and `userIds` (2 to LIMITS.dmMembersMax people),
 * made when it does not exist yet. Opening it shows it again for the caller if
 * they had hidden it. Its members are notified of everything posted in it.
 */
export function openDm(wc: WorkspaceContext, userId: string, userIds: string[]): { channel: Channel; created: boolean } {
  requireMember(wc.db, userId);
  const ids = [...new Set([userId, ...userIds])].sort();
  if (ids.length < 2) throw new AppError('bad_request', 'Choose at least one other person');
  if (ids.length > LIMITS.dmMembersMax) {
    throw new AppError('bad_request', `A group DM has at most ${LIMITS.dmMembersMax} people, you included`);
  }
  if (membersByIds(wc.db, ids).length !== ids.length) throw new AppError('not_found', 'Not everyone you chose is a member of this workspace');
  const dmKey = ids.join(',');
  const now = Date.now();
  const { row, created, joined } = wc.db.transaction(() => {
    const existing = wc.db.select().from(schema.channels).where(eq(schema.channels.dmKey, dmKey)).get();
    const id = newId();
    const row =
      existing ??
      wc.db
        .insert(schema.channels)
        // Unique and unlike any channel name (those cannot start with "@"), so a DM never takes a channel's name.
        .values({ id, kind: 'dm', name: `@dm:${id}`, topic: '', createdBy: userId, createdAt: now, dmKey })
        .returning()
        .get();
    // Someone who left the workspace and came back is in their old DMs again.
    const joined = ids.filter((id) => channels.joinChannel(wc.db, row.id, id, now, 'all'));
    wc.db
      .update(channelMembers)
      .set({ hidden: false })
      .where(and(eq(channelMembers.channelId, row.id), eq(channelMembers.userId, userId)))
      .run();
    return { row, created: !existing, joined };
  });
  for (const id of joined) wc.gateway.sendState(id, row.id);
  wc.gateway.channelListChanged(row);
  return { channel: channels.getChannel(wc.db, row.id, userId), created };
}

/** Hides a DM from the caller's sidebar (the next message shows it again), or shows it again. */
export function setHidden(wc: WorkspaceContext, userId: string, channelId: string, hidden: boolean): Channel {
  requireMember(wc.db, userId);
  const row = channels.requireVisible(wc.db, channelId, userId);
  if (row.kind !== 'dm') throw new AppError('bad_request', 'Only direct messages can be hidden; leave the channel instead');
  wc.db
    .update(channelMembers)
    .set({ hidden })
    .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)))
    .run();
  wc.gateway.channelsChangedFor(userId);
  return channels.getChannel(wc.db, channelId, userId);
}
