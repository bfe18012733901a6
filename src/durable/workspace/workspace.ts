import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/workspace/migrations.js';
import type { CreateChannelBody, CreateInviteBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Channel, Invite, InvitePreview, Member, Role, Workspace as WorkspaceView } from '../../shared/model';
import { can } from '../../shared/permissions';
import type { PostActivity, RosterEntry } from '../activity';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import * as channels from './channels';
import type { Identity, WorkspaceDb } from './db';
import * as invites from './invites';
import * as members from './members';
import * as schema from './schema';

/** Where a member may post: what the worker needs to open a channel socket. */
export interface ChannelAccess {
  member: Member;
  channel: Channel;
}

/** One object per workspace: members and roles, channels, invites. */
export class Workspace extends DurableObject<Env> {
  private readonly db: WorkspaceDb;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
  }

  private info() {
    const info = this.db.select().from(schema.workspaceInfo).get();
    if (!info) throw new AppError('not_found', 'No such workspace');
    return info;
  }

  /** Sets the workspace up with its owner and a #general channel. */
  create(id: string, name: string, owner: Identity): { generalChannelId: string } {
    const now = Date.now();
    return this.db.transaction(() => {
      if (this.db.select().from(schema.workspaceInfo).get()) throw new AppError('conflict', 'This workspace exists already');
      this.db.insert(schema.workspaceInfo).values({ id, name, ownerId: owner.userId, createdAt: now }).run();
      members.addMember(this.db, owner, 'owner', now);
      const general = channels.createChannel(this.db, { name: channels.GENERAL_CHANNEL, topic: '' }, owner.userId, now);
      return { generalChannelId: general.id };
    });
  }

  view(userId: string): WorkspaceView {
    const me = members.requireMember(this.db, userId);
    const info = this.info();
    return { id: info.id, name: info.name, createdAt: info.createdAt, me, channels: channels.listChannels(this.db, userId) };
  }

  listMembers(userId: string): Member[] {
    members.requireMember(this.db, userId);
    return members.listMembers(this.db);
  }

  changeRole(actorId: string, targetId: string, role: Role): Member {
    const actor = members.requireMember(this.db, actorId);
    return members.changeRole(this.db, actor, targetId, role);
  }

  listChannels(userId: string): Channel[] {
    members.requireMember(this.db, userId);
    return channels.listChannels(this.db, userId);
  }

  createChannel(userId: string, input: CreateChannelBody): Channel {
    const member = members.requireMember(this.db, userId);
    if (!can.createChannel(member.role)) throw new AppError('forbidden', 'You may not create channels here');
    return channels.createChannel(this.db, input, userId, Date.now());
  }

  joinChannel(userId: string, channelId: string): Channel {
    members.requireMember(this.db, userId);
    channels.getChannel(this.db, channelId, userId);
    channels.joinChannel(this.db, channelId, userId, Date.now());
    return channels.getChannel(this.db, channelId, userId);
  }

  /** The caller's access to a channel they have joined; not_found when not a workspace member. */
  channelAccess(userId: string, channelId: string): ChannelAccess {
    const member = members.requireMember(this.db, userId);
    const channel = channels.getChannel(this.db, channelId, userId);
    if (!channel.joined) throw new AppError('forbidden', `Join #${channel.name} to read and post in it`);
    return { member, channel };
  }

  /** The channel's members, for the channel object to resolve @mentions. Internal: not exposed over HTTP. */
  channelRoster(channelId: string): RosterEntry[] {
    return channels.channelRoster(this.db, channelId);
  }

  /** A message was committed in a channel: update unread state and tell members' gateways. Internal. */
  recordPost(_post: PostActivity): void {
    // Filled in by the gateway work: read state, mention marks, activity frames.
  }

  /** A message was deleted: it no longer counts as a mention. Internal. */
  forgetPost(_channelId: string, _seq: number): void {
    // Filled in by the gateway work.
  }

  createInvite(userId: string, code: string, input: CreateInviteBody): Invite {
    const member = members.requireMember(this.db, userId);
    if (!can.manageInvites(member.role)) throw new AppError('forbidden', 'Only admins and moderators create invites');
    return invites.createInvite(this.db, code, input, userId, Date.now());
  }

  listInvites(userId: string): Invite[] {
    const member = members.requireMember(this.db, userId);
    if (!can.manageInvites(member.role)) throw new AppError('forbidden', 'Only admins and moderators see invites');
    return invites.listInvites(this.db, Date.now());
  }

  revokeInvite(userId: string, code: string): Invite {
    const member = members.requireMember(this.db, userId);
    if (!can.manageInvites(member.role)) throw new AppError('forbidden', 'Only admins and moderators revoke invites');
    return invites.revokeInvite(this.db, code, Date.now());
  }

  previewInvite(code: string): InvitePreview {
    const now = Date.now();
    invites.requireUsableInvite(this.db, code, now);
    const info = this.info();
    return { workspace: { id: info.id, name: info.name }, memberCount: members.listMembers(this.db).length };
  }

  /**
   * Joins the invited person as a member of the workspace and its #general.
   * Someone already a member consumes no use.
   */
  redeemInvite(code: string, who: Identity): { workspaceId: string; alreadyMember: boolean } {
    const now = Date.now();
    return this.db.transaction(() => {
      const info = this.info();
      if (members.findMember(this.db, who.userId)) return { workspaceId: info.id, alreadyMember: true };
      invites.requireUsableInvite(this.db, code, now);
      invites.countUse(this.db, code);
      members.addMember(this.db, who, 'member', now);
      const general = channels.generalChannelId(this.db);
      if (general) channels.joinChannel(this.db, general, who.userId, now);
      return { workspaceId: info.id, alreadyMember: false };
    });
  }
}
