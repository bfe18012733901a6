import { eq } from 'drizzle-orm';
import type { CreateChannelBody, UpdateChannelBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Channel, SystemEvent } from '../../shared/model';
import { allows } from '../../shared/permissions';
import * as channels from './channels';
import type { WorkspaceContext } from './context';
import type { Actor } from './db';
import { requireMember } from './members';
import * as schema from './schema';

const GENERAL = channels.GENERAL_CHANNEL;

/** Creates a public or private channel with its creator in it. */
export function createChannel(wc: WorkspaceContext, actor: Actor, input: CreateChannelBody): Channel {
  const me = requireMember(wc.db, actor.userId);
  if (!allows(me.role, 'createChannel')) throw new AppError('forbidden', 'You may not create channels here');
  const row = wc.db.transaction(() => {
    const kind = input.private ? 'private' : 'public';
    const row = channels.createChannel(wc.db, { name: input.name, topic: input.topic, kind }, me.userId, Date.now());
    wc.audit({ action: 'channel.create', actor: me, target: target(row), channelId: row.id, detail: { private: input.private }, address: actor.address });
    return row;
  });
  wc.gateway.joined(me.userId, row);
  return channels.view(wc.db, row, me.userId);
}

/** Renames a channel (its creator, or moderators and above) and/or sets its topic (its members). */
export async function updateChannel(wc: WorkspaceContext, actor: Actor, channelId: string, body: UpdateChannelBody): Promise<Channel> {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireVisible(wc.db, channelId, me.userId);
  const rename = body.name !== undefined && body.name !== row.name ? body.name : undefined;
  const topic = body.topic !== undefined && body.topic !== row.topic ? body.topic : undefined;
  if (rename !== undefined) {
    if (row.kind === 'dm') throw new AppError('bad_request', 'A direct message has no name to change');
    if (row.name === GENERAL) throw new AppError('bad_request', '#general keeps its name: every new member joins it');
    if (row.createdBy !== me.userId && !allows(me.role, 'renameChannel')) {
      throw new AppError('forbidden', 'Only the channel’s creator and moderators rename it');
    }
  }
  if (topic !== undefined) channels.requireJoined(wc.db, channelId, me.userId, 'set its topic');
  const events: SystemEvent[] = [];
  wc.db.transaction(() => {
    if (rename !== undefined) {
      channels.requireNameFree(wc.db, rename);
      wc.db.update(schema.channels).set({ name: rename }).where(eq(schema.channels.id, channelId)).run();
      const detail = { from: row.name, to: rename };
      wc.audit({ action: 'channel.rename', actor: me, target: { id: channelId, name: rename }, channelId, detail, address: actor.address });
      events.push({ type: 'renamed', ...detail });
    }
    if (topic !== undefined) {
      wc.db.update(schema.channels).set({ topic }).where(eq(schema.channels.id, channelId)).run();
      wc.audit({ action: 'channel.topic', actor: me, target: target(row), channelId, detail: { topic }, address: actor.address });
      events.push({ type: 'topic', topic });
    }
  });
  for (const event of events) await wc.systemMessage(channelId, event, me);
  if (events.length > 0) wc.gateway.channelListChanged(row);
  return channels.getChannel(wc.db, channelId, me.userId);
}

/** Archives (read-only, still readable) or unarchives a channel; asking for what is already so changes nothing. */
export async function setArchived(wc: WorkspaceContext, actor: Actor, channelId: string, archived: boolean): Promise<Channel> {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireVisible(wc.db, channelId, me.userId);
  if (row.kind === 'dm') throw new AppError('bad_request', 'A direct message cannot be archived; hide it instead');
  if (!allows(me.role, 'archiveChannel')) throw new AppError('forbidden', 'Only moderators and above archive and unarchive channels');
  if (row.name === GENERAL) throw new AppError('bad_request', '#general cannot be archived: everyone in the workspace is in it');
  const changed = (row.archivedAt !== null) !== archived;
  if (changed) {
    wc.db.transaction(() => {
      wc.db
        .update(schema.channels)
        .set({ archivedAt: archived ? Date.now() : null })
        .where(eq(schema.channels.id, channelId))
        .run();
      wc.audit({ action: archived ? 'channel.archive' : 'channel.unarchive', actor: me, target: target(row), channelId, address: actor.address });
    });
  }
  // Pushed even when nothing changed here, so that retrying heals a channel object that missed the change.
  await wc.pushPolicy(wc.channelRow(channelId)!);
  if (changed) {
    await wc.systemMessage(channelId, { type: archived ? 'archived' : 'unarchived' }, me);
    wc.gateway.channelListChanged(row);
  }
  return channels.getChannel(wc.db, channelId, me.userId);
}

/** Sets the minimum seconds between one person's messages (0 is off); moderators and above are exempt from it. */
export async function setSlowMode(wc: WorkspaceContext, actor: Actor, channelId: string, seconds: number): Promise<Channel> {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireVisible(wc.db, channelId, me.userId);
  if (row.kind === 'dm') throw new AppError('bad_request', 'Slow mode is for channels, not direct messages');
  if (!allows(me.role, 'setSlowMode')) throw new AppError('forbidden', 'Only moderators and above set slow mode');
  const changed = row.slowModeSeconds !== seconds;
  if (changed) {
    wc.db.transaction(() => {
      wc.db.update(schema.channels).set({ slowModeSeconds: seconds }).where(eq(schema.channels.id, channelId)).run();
      const detail = { seconds, from: row.slowModeSeconds };
      wc.audit({ action: 'channel.slow_mode', actor: me, target: target(row), channelId, detail, address: actor.address });
    });
  }
  await wc.pushPolicy(wc.channelRow(channelId)!);
  if (changed) {
    await wc.systemMessage(channelId, { type: 'slow-mode', seconds }, me);
    wc.gateway.channelListChanged(row);
  }
  return channels.getChannel(wc.db, channelId, me.userId);
}

/** Deletes a channel and every message in it, once the caller has typed its name. Admins and the owner only. */
export async function deleteChannel(wc: WorkspaceContext, actor: Actor, channelId: string, confirmName: string) {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireVisible(wc.db, channelId, me.userId);
  if (row.kind === 'dm') throw new AppError('bad_request', 'A direct message cannot be deleted; hide it instead');
  if (!allows(me.role, 'deleteChannel')) throw new AppError('forbidden', 'Only admins and the owner delete channels');
  if (row.name === GENERAL) throw new AppError('bad_request', '#general cannot be deleted: everyone in the workspace is in it');
  if (confirmName !== row.name) {
    throw new AppError('bad_request', `To delete #${row.name} and every message in it, type its name exactly: ${row.name}`);
  }
  const memberIds = channels.memberIdsOf(wc.db, channelId);
  wc.db.transaction(() => {
    wc.audit({ action: 'channel.delete', actor: me, target: target(row), channelId, detail: { name: row.name }, address: actor.address });
    // Memberships, read state, mention marks and saved messages of the channel go with it (foreign keys cascade).
    wc.db.delete(schema.channels).where(eq(schema.channels.id, channelId)).run();
  });
  try {
    await wc.channels.stub(channelId).destroy();
  } catch (error) {
    // Nothing reaches the object without the workspace's row: what is left is unreachable.
    console.error('channel destroy failed', channelId, error);
  }
  for (const userId of memberIds) wc.gateway.lostChannel(userId, channelId);
  wc.gateway.channelListChanged(row, memberIds);
}

function target(row: channels.ChannelRow) {
  return { id: row.id, name: row.name };
}
