import { eq } from 'drizzle-orm';
import type { CreateInviteBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Invite, InvitePreview, Member } from '../../shared/model';
import { allows } from '../../shared/permissions';
import type { WorkspaceContext } from './context';
import { generalChannelId, joinChannel } from './channels';
import type { Actor, Identity } from './db';
import * as invites from './invites';
import { addMember, findMember, listMembers, requireMember } from './members';
import { requireNotBanned } from './moderation';
import * as schema from './schema';

/** Invites: created, listed and revoked by moderators and above (each change in the audit log), previewed and redeemed by anyone with the code. */

function requireInviteManager(wc: WorkspaceContext, userId: string, doing: string): Member {
  const me = requireMember(wc.db, userId);
  if (!allows(me.role, 'manageInvites')) throw new AppError('forbidden', `Only admins and moderators ${doing}`);
  return me;
}

export function createInvite(wc: WorkspaceContext, actor: Actor, code: string, input: CreateInviteBody): Invite {
  const me = requireInviteManager(wc, actor.userId, 'create invites');
  return wc.db.transaction(() => {
    const invite = invites.createInvite(wc.db, code, input, me.userId, Date.now());
    const detail = { maxUses: invite.maxUses, expiresAt: invite.expiresAt };
    wc.audit({ action: 'invite.create', actor: me, target: { id: code, name: code }, detail, address: actor.address });
    return invite;
  });
}

export function listInvites(wc: WorkspaceContext, userId: string): Invite[] {
  requireInviteManager(wc, userId, 'see invites');
  return invites.listInvites(wc.db, Date.now());
}

/** Revoking a revoked invite changes nothing and records nothing. */
export function revokeInvite(wc: WorkspaceContext, actor: Actor, code: string): Invite {
  const me = requireInviteManager(wc, actor.userId, 'revoke invites');
  return wc.db.transaction(() => {
    const before = wc.db.select({ revokedAt: schema.invites.revokedAt }).from(schema.invites).where(eq(schema.invites.code, code)).get();
    const invite = invites.revokeInvite(wc.db, code, Date.now());
    if (before?.revokedAt === null) wc.audit({ action: 'invite.revoke', actor: me, target: { id: code, name: code }, address: actor.address });
    return invite;
  });
}

export function previewInvite(wc: WorkspaceContext, code: string): InvitePreview {
  invites.requireUsableInvite(wc.db, code, Date.now());
  const info = wc.info();
  return { workspace: { id: info.id, name: info.name }, memberCount: listMembers(wc.db).length };
}

/**
 * Joins the invited person as a member of the workspace and its #general.
 * Someone already a member consumes no use; someone banned is refused.
 */
export function redeemInvite(wc: WorkspaceContext, code: string, who: Identity): { workspaceId: string; alreadyMember: boolean } {
  const now = Date.now();
  const { general, member, ...result } = wc.db.transaction(() => {
    const info = wc.info();
    if (findMember(wc.db, who.userId)) return { workspaceId: info.id, alreadyMember: true, general: undefined, member: undefined };
    requireNotBanned(wc, who.userId);
    invites.requireUsableInvite(wc.db, code, now);
    invites.countUse(wc.db, code);
    const member = addMember(wc.db, who, 'member', now);
    const general = generalChannelId(wc.db);
    if (general) joinChannel(wc.db, general, who.userId, now);
    return { workspaceId: info.id, alreadyMember: false, general, member };
  });
  if (member) wc.gateway.memberChanged(member);
  if (general) wc.gateway.joined(who.userId, { id: general, kind: 'public' });
  return result;
}
