import { AppError } from '../../shared/errors';
import type { AccessLossReason } from '../../shared/gateway';
import type { AccountDeletionMode } from '../../shared/model';
import { allChannelIds } from './channels';
import type { WorkspaceContext } from './context';
import type { ProfileChange } from './db';
import * as members from './members';
import { disconnect as closeSockets, expel } from './moderation';
import * as schema from './schema';

/**
 * What the directory tells a workspace about an account of one of its members:
 * a new profile, the account deleted or deactivated. Called by the accounts side.
 */

/** Keeps the member's copy of their profile current and tells every gateway and their channel sockets. */
export async function profileChanged(wc: WorkspaceContext, userId: string, profile: ProfileChange) {
  const member = members.updateProfile(wc.db, userId, profile);
  if (member) await wc.pushMember(member);
}

/** Why the account cannot be deleted yet: it owns this workspace and nobody can take over. */
export function accountDeletionBlocker(wc: WorkspaceContext, userId: string): string | null {
  const member = members.findMember(wc.db, userId);
  if (member?.role !== 'owner' || members.longestStandingAdmin(wc.db, userId)) return null;
  return `You own the workspace "${wc.info().name}": make someone there an admin first, so that ownership can pass to them`;
}

/**
 * The account is gone. An owner's workspace passes to its longest-standing admin;
 * the member is removed like anyone removed; every channel relabels (`soft`) or
 * erases (`hard`) what they wrote.
 */
export async function accountDeleted(wc: WorkspaceContext, userId: string, mode: AccountDeletionMode) {
  const member = members.findMember(wc.db, userId);
  if (member?.role === 'owner') {
    const heir = members.longestStandingAdmin(wc.db, userId);
    if (!heir) throw new AppError('conflict', accountDeletionBlocker(wc, userId)!);
    const owner = wc.db.transaction(() => {
      wc.db.update(schema.workspaceInfo).set({ ownerId: heir.userId }).run();
      wc.audit({
        action: 'member.role',
        actor: member,
        target: { id: heir.userId, name: heir.displayName },
        detail: { from: heir.role, to: 'owner', reason: 'account_deleted' },
        address: '',
      });
      return members.setRole(wc.db, heir.userId, 'owner');
    });
    await wc.pushMember(owner);
  }
  if (member) await expel(wc, member, 'account_deleted', 'Your account was deleted');
  // Every channel, not only theirs: they may have written in channels they left. A failure is thrown
  // so the account is not deleted with messages left unrelabelled; a retry forgets again harmlessly.
  await wc.channels.every(allChannelIds(wc.db), 'forgetAuthor', async (stub, channelId) => {
    const seqs = await stub.forgetAuthor(userId, mode);
    for (const seq of seqs) wc.gateway.forgotten(channelId, seq);
  });
}

const DISCONNECTED: Partial<Record<AccessLossReason, string>> = {
  account_deactivated: 'Your account was deactivated by an administrator',
};

/** Closes the person's gateway and channel sockets (their account was deactivated); the membership stays. */
export async function disconnect(wc: WorkspaceContext, userId: string, reason: AccessLossReason) {
  await closeSockets(wc, userId, reason, DISCONNECTED[reason] ?? 'You were signed out of this workspace');
}

