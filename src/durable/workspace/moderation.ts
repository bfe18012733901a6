import { desc, eq } from 'drizzle-orm';
import type { BanBody, TimeoutBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { AccessLossReason } from '../../shared/gateway';
import type { Ban, Member, Role } from '../../shared/model';
import { type Action, allows, mayActOn, mayChangeRole, PERMISSIONS } from '../../shared/permissions';
import { channelIdsOf } from './channels';
import type { WorkspaceContext } from './context';
import type { Actor } from './db';
import * as members from './members';
import * as schema from './schema';

const { bans } = schema;

const ROLE_NAMES: Record<Role, string> = { member: 'members', moderator: 'moderators', admin: 'admins', owner: 'the owner' };

/** Why `actor` may not do `action` to `target`: not allowed at all, or not outranking them. */
function refusal(action: Action, actor: Role, target: Role, doing: string): AppError {
  const min = PERMISSIONS[action].min;
  if (!allows(actor, action)) return new AppError('forbidden', `Only ${ROLE_NAMES[min]} and above can ${doing}`);
  if (target === 'owner') return new AppError('forbidden', `Nobody can ${doing.replace(/ members?\b/, '')} the owner`);
  return new AppError('forbidden', `You can only ${doing} whose role is below yours`);
}

function requireMayActOn(action: Action, actor: Member, target: Member, doing: string) {
  if (actor.userId === target.userId) throw new AppError('forbidden', `You cannot ${doing.replace(/members?/, 'yourself')}`);
  if (!mayActOn(actor.role, action, target.role)) throw refusal(action, actor.role, target.role, doing);
}

export async function changeRole(wc: WorkspaceContext, actor: Actor, targetId: string, role: Role): Promise<Member> {
  const me = members.requireMember(wc.db, actor.userId);
  const target = members.requireTarget(wc.db, targetId);
  if (!mayChangeRole(me.role, target.role, role)) {
    const why =
      target.role === 'owner'
        ? "The owner's role cannot be changed"
        : role === 'owner'
          ? 'Ownership cannot be given by changing a role'
          : !allows(me.role, 'changeRoles')
            ? 'Only admins and the owner change roles'
            : me.userId === target.userId
              ? 'You cannot change your own role'
              : !mayActOn(me.role, 'changeRoles', target.role)
                ? 'You can only change the roles of members below you'
                : 'You cannot give a role above your own';
    throw new AppError('forbidden', why);
  }
  if (target.role === role) return target;
  const updated = wc.db.transaction(() => {
    wc.audit({ action: 'member.role', actor: me, target: nameOf(target), detail: { from: target.role, to: role }, address: actor.address });
    return members.setRole(wc.db, targetId, role);
  });
  await wc.pushMember(updated);
  return updated;
}

export async function timeOut(wc: WorkspaceContext, actor: Actor, targetId: string, body: TimeoutBody): Promise<Member> {
  const me = members.requireMember(wc.db, actor.userId);
  const target = members.requireTarget(wc.db, targetId);
  requireMayActOn('timeoutMember', me, target, 'time out members');
  const until = Date.now() + body.seconds * 1000;
  const updated = wc.db.transaction(() => {
    const detail = { seconds: body.seconds, until, reason: body.reason };
    wc.audit({ action: 'member.timeout', actor: me, target: nameOf(target), detail, address: actor.address });
    return members.setTimedOutUntil(wc.db, targetId, until);
  });
  await wc.pushMember(updated);
  return updated;
}

export async function clearTimeout(wc: WorkspaceContext, actor: Actor, targetId: string): Promise<Member> {
  const me = members.requireMember(wc.db, actor.userId);
  const target = members.requireTarget(wc.db, targetId);
  requireMayActOn('timeoutMember', me, target, 'time out members');
  if (target.timedOutUntil === null) return target;
  const updated = wc.db.transaction(() => {
    wc.audit({ action: 'member.timeout_clear', actor: me, target: nameOf(target), address: actor.address });
    return members.setTimedOutUntil(wc.db, targetId, null);
  });
  await wc.pushMember(updated);
  return updated;
}

/** Removes a member from the workspace; the caller's own id leaves it. */
export async function removeMember(wc: WorkspaceContext, actor: Actor, targetId: string) {
  const me = members.requireMember(wc.db, actor.userId);
  if (targetId === me.userId) {
    if (me.role === 'owner') throw new AppError('forbidden', 'The owner cannot leave the workspace: it needs its owner');
    await expel(wc, me, 'left', `You left ${wc.info().name}`);
    return;
  }
  const target = members.requireTarget(wc.db, targetId);
  requireMayActOn('removeMember', me, target, 'remove members');
  wc.audit({ action: 'member.remove', actor: me, target: nameOf(target), address: actor.address });
  await expel(wc, target, 'removed', `You were removed from ${wc.info().name}`);
}

export function listBans(wc: WorkspaceContext, userId: string): Ban[] {
  const me = members.requireMember(wc.db, userId);
  if (!allows(me.role, 'banMember')) throw refusal('banMember', me.role, 'member', 'see or change bans');
  return wc.db.select().from(bans).orderBy(desc(bans.bannedAt)).all();
}

/** Bars someone from the workspace: a member is removed at once, and no invite lets them back. Banning again changes nothing. */
export async function ban(wc: WorkspaceContext, actor: Actor, targetId: string, body: BanBody): Promise<Ban> {
  const me = members.requireMember(wc.db, actor.userId);
  if (!allows(me.role, 'banMember')) throw refusal('banMember', me.role, 'member', 'ban members');
  const existing = findBan(wc, targetId);
  if (existing) return existing;
  const target = members.findMember(wc.db, targetId);
  if (target) requireMayActOn('banMember', me, target, 'ban members');
  // Someone who already left can be banned too, so that they cannot come back.
  const person = target ?? (await accountOf(wc, targetId));
  const row: Ban = {
    userId: targetId,
    username: person.username,
    displayName: person.displayName,
    bannedBy: me.userId,
    bannedByName: me.displayName,
    bannedAt: Date.now(),
    reason: body.reason,
  };
  wc.db.transaction(() => {
    wc.db.insert(bans).values(row).onConflictDoNothing().run();
    wc.audit({ action: 'member.ban', actor: me, target: { id: targetId, name: person.displayName }, detail: { reason: body.reason }, address: actor.address });
  });
  const stillMember = members.findMember(wc.db, targetId);
  if (stillMember) await expel(wc, stillMember, 'banned', `You were banned from ${wc.info().name}`);
  return findBan(wc, targetId) ?? row;
}

export function unban(wc: WorkspaceContext, actor: Actor, targetId: string) {
  const me = members.requireMember(wc.db, actor.userId);
  if (!allows(me.role, 'banMember')) throw refusal('banMember', me.role, 'member', 'unban members');
  wc.db.transaction(() => {
    const lifted = wc.db.delete(bans).where(eq(bans.userId, targetId)).returning().get();
    if (!lifted) throw new AppError('not_found', 'That person is not banned here');
    wc.audit({ action: 'member.unban', actor: me, target: { id: targetId, name: lifted.displayName }, address: actor.address });
  });
}

export function findBan(wc: WorkspaceContext, userId: string): Ban | undefined {
  return wc.db.select().from(bans).where(eq(bans.userId, userId)).get();
}

/** Refuses a banned person; for redeeming invites. */
export function requireNotBanned(wc: WorkspaceContext, userId: string) {
  if (findBan(wc, userId)) {
    throw new AppError('banned', `You are banned from ${wc.info().name}, so an invite cannot bring you back. Ask one of its admins if this is a mistake.`);
  }
}

async function accountOf(wc: WorkspaceContext, userId: string) {
  const account = await directory(wc).getAccount(userId);
  if (!account) throw new AppError('not_found', 'No account has that id');
  return account;
}

/**
 * Takes someone out of the workspace for good (removed, banned, left, account
 * deleted): their memberships go, their gateways are told why and closed, their
 * channel sockets close, everyone else hears they are gone, and (unless the
 * account itself is gone) the directory forgets the workspace for them.
 */
export async function expel(wc: WorkspaceContext, member: Member, reason: AccessLossReason, message: string) {
  const { userId } = member;
  const channelIds = channelIdsOf(wc.db, userId);
  members.deleteMember(wc.db, userId);
  wc.gateway.revoke(userId, reason, message);
  wc.gateway.memberRemoved(userId);
  await wc.channels.each(channelIds, 'closeSocketsOf', (stub) => stub.closeSocketsOf(userId, reason));
  if (reason !== 'account_deleted') await forgetMembership(wc, userId);
}

/** Closes the person's sockets but keeps their membership (their account was deactivated). */
export async function disconnect(wc: WorkspaceContext, userId: string, reason: AccessLossReason, message: string) {
  if (!members.findMember(wc.db, userId)) return;
  wc.gateway.revoke(userId, reason, message);
  await wc.channels.each(channelIdsOf(wc.db, userId), 'closeSocketsOf', (stub) => stub.closeSocketsOf(userId, reason));
}

async function forgetMembership(wc: WorkspaceContext, userId: string) {
  try {
    await directory(wc).forgetMembership(userId, wc.info().id);
  } catch (error) {
    // The membership here is gone already; the person's list heals when they open the workspace and get 404.
    console.error('directory forgetMembership failed', error);
  }
}

function directory(wc: WorkspaceContext) {
  return wc.env.DIRECTORY.get(wc.env.DIRECTORY.idFromName('directory'));
}

function nameOf(member: Member) {
  return { id: member.userId, name: member.displayName };
}
