import { AppError } from '../../shared/errors';
import type { Channel, Member } from '../../shared/model';
import { allows } from '../../shared/permissions';
import * as channels from './channels';
import type { WorkspaceContext } from './context';
import type { Actor } from './db';
import { membersByIds, requireMember, requireTarget } from './members';

/** Joins the caller to a public channel; joining one you are in changes nothing. */
export function joinChannel(wc: WorkspaceContext, userId: string, channelId: string): Channel {
  requireMember(wc.db, userId);
  const row = channels.requireVisible(wc.db, channelId, userId);
  // A private channel or DM visible to the caller is one they are in already.
  if (row.kind === 'public' && channels.joinChannel(wc.db, channelId, userId, Date.now())) wc.gateway.joined(userId, row);
  return channels.getChannel(wc.db, channelId, userId);
}

/** The members of a channel the caller may see. */
export function channelMembers(wc: WorkspaceContext, userId: string, channelId: string): Member[] {
  requireMember(wc.db, userId);
  channels.requireVisible(wc.db, channelId, userId);
  return membersByIds(wc.db, channels.memberIdsOf(wc.db, channelId));
}

/** A member of a channel adds another workspace member to it (the way into a private channel). */
export async function addToChannel(wc: WorkspaceContext, actor: Actor, channelId: string, targetId: string): Promise<Channel> {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireJoined(wc.db, channelId, me.userId, 'add people to it');
  if (row.kind === 'dm') throw new AppError('bad_request', 'People cannot be added to a direct message; start one with everyone you want in it');
  const target = requireTarget(wc.db, targetId);
  const added = wc.db.transaction(() => {
    if (!channels.joinChannel(wc.db, channelId, targetId, Date.now())) return false;
    wc.audit({
      action: 'channel.member_add',
      actor: me,
      target: { id: target.userId, name: target.displayName },
      channelId,
      detail: { channel: row.name },
      address: actor.address,
    });
    return true;
  });
  if (added) {
    await wc.systemMessage(channelId, { type: 'added', userId: target.userId, name: target.displayName }, me);
    wc.gateway.joined(targetId, row);
  }
  return channels.getChannel(wc.db, channelId, me.userId);
}

/**
 * Removes someone from a channel (moderators and above), or with the caller's own
 * id leaves it. Their sockets to it close at once. Nobody leaves #general, and
 * DMs are hidden rather than left.
 */
export async function removeFromChannel(wc: WorkspaceContext, actor: Actor, channelId: string, targetId: string) {
  const me = requireMember(wc.db, actor.userId);
  const row = channels.requireVisible(wc.db, channelId, me.userId);
  if (row.kind === 'dm') throw new AppError('bad_request', 'You cannot leave a direct message; hide it instead');
  if (row.name === channels.GENERAL_CHANNEL) throw new AppError('bad_request', 'Nobody leaves #general: everyone in the workspace is in it');
  const leaving = targetId === me.userId;
  if (!leaving && !allows(me.role, 'removeFromChannel')) {
    throw new AppError('forbidden', 'Only moderators and above remove people from a channel; anyone may leave');
  }
  const target = leaving ? me : requireTarget(wc.db, targetId);
  const removed = wc.db.transaction(() => {
    if (!channels.leaveChannel(wc.db, channelId, target.userId)) return false;
    if (!leaving) {
      const name = { id: target.userId, name: target.displayName };
      wc.audit({ action: 'channel.member_remove', actor: me, target: name, channelId, detail: { channel: row.name }, address: actor.address });
    }
    return true;
  });
  if (!removed) {
    if (leaving) return;
    throw new AppError('not_found', `${target.displayName} is not in #${row.name}`);
  }
  await wc.channels.each([channelId], 'closeSocketsOf', (stub) => stub.closeSocketsOf(target.userId, leaving ? 'left' : 'removed'));
  await wc.systemMessage(channelId, leaving ? { type: 'left' } : { type: 'removed', userId: target.userId, name: target.displayName }, me);
  wc.gateway.lostChannel(target.userId, channelId);
  wc.gateway.channelListChanged(row, [target.userId]);
}
