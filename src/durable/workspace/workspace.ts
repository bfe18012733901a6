import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/workspace/migrations.js';
import { type AuditQuery, type BanBody, type CreateChannelBody, type CreateInviteBody, GatewayQuery, type TimeoutBody, type UpdateChannelBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { AccessLossReason } from '../../shared/gateway';
import type {
  AccountDeletionMode,
  AuditPage,
  Ban,
  Channel,
  ChannelReadState,
  Invite,
  InvitePreview,
  Member,
  Role,
  Workspace as WorkspaceView,
} from '../../shared/model';
import { allows } from '../../shared/permissions';
import { PING, PONG } from '../../shared/wire';
import type { OthersMessageDeleted, PostActivity, RosterEntry } from '../activity';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import * as accountEvents from './account-events';
import * as audit from './audit';
import * as channelMembers from './channel-members';
import * as channelSettings from './channel-settings';
import * as channels from './channels';
import { WorkspaceContext } from './context';
import type { Actor, Identity, ProfileChange, WorkspaceDb } from './db';
import * as dms from './dms';
import { Gateway, GatewayIdentity, IDENTITY_HEADER } from './gateway';
import * as inviteAdmin from './invite-admin';
import * as members from './members';
import * as moderation from './moderation';
import * as readState from './read-state';
import * as saved from './saved';
import * as schema from './schema';
import { type SearchScope, searchScope } from './search-scope';

/** Where a member may post: what the worker needs to open a channel socket. */
export interface ChannelAccess {
  member: Member;
  channel: Channel;
}

/**
 * One object per workspace: members and roles, channels and DMs, invites, bans,
 * the audit log, read state, saved messages, and the gateway sockets (built for
 * hibernation: see gateway.ts). Each method checks the caller through their
 * membership and hands the work to the module that owns it.
 */
export class Workspace extends DurableObject<Env> {
  private readonly db: WorkspaceDb;
  private readonly gateway: Gateway;
  private readonly wc: WorkspaceContext;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    this.gateway = new Gateway(ctx, this.db, env);
    this.wc = new WorkspaceContext(env, this.db, this.gateway);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    // After openDatabase's migrations, before any event.
    void ctx.blockConcurrencyWhile(async () => this.gateway.start());
  }

  /** Accepts a gateway socket; the worker has checked the session and names the caller in a header. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const identity = GatewayIdentity.parse(JSON.parse(request.headers.get(IDENTITY_HEADER) ?? 'null'));
    const query = GatewayQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return this.gateway.connect(identity, query);
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    this.gateway.onMessage(ws, raw);
  }

  override async webSocketClose(ws: WebSocket, code: number) {
    this.gateway.onClose(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // already closed
    }
  }

  override async webSocketError(ws: WebSocket) {
    this.gateway.onClose(ws);
  }

  /** Sets the workspace up with its owner and a #general channel. */
  create(id: string, name: string, owner: Identity): { generalChannelId: string } {
    const now = Date.now();
    return this.db.transaction(() => {
      if (this.db.select().from(schema.workspaceInfo).get()) throw new AppError('conflict', 'This workspace exists already');
      this.db.insert(schema.workspaceInfo).values({ id, name, ownerId: owner.userId, createdAt: now }).run();
      members.addMember(this.db, owner, 'owner', now);
      const general = channels.createChannel(this.db, { name: channels.GENERAL_CHANNEL, topic: '', kind: 'public' }, owner.userId, now);
      return { generalChannelId: general.id };
    });
  }

  view(userId: string): WorkspaceView {
    const me = members.requireMember(this.db, userId);
    const info = this.wc.info();
    return { id: info.id, name: info.name, createdAt: info.createdAt, me, channels: channels.listChannels(this.db, userId) };
  }

  // Members, roles and moderation

  listMembers(userId: string): Member[] {
    members.requireMember(this.db, userId);
    return members.listMembers(this.db);
  }

  member(userId: string, targetId: string): Member {
    members.requireMember(this.db, userId);
    return members.requireTarget(this.db, targetId);
  }

  changeRole(actor: Actor, targetId: string, role: Role): Promise<Member> {
    return moderation.changeRole(this.wc, actor, targetId, role);
  }

  timeOut(actor: Actor, targetId: string, body: TimeoutBody): Promise<Member> {
    return moderation.timeOut(this.wc, actor, targetId, body);
  }

  clearTimeout(actor: Actor, targetId: string): Promise<Member> {
    return moderation.clearTimeout(this.wc, actor, targetId);
  }

  /** Removes a member; the caller's own id leaves the workspace. */
  removeMember(actor: Actor, targetId: string): Promise<void> {
    return moderation.removeMember(this.wc, actor, targetId);
  }

  listBans(userId: string): Ban[] {
    return moderation.listBans(this.wc, userId);
  }

  ban(actor: Actor, targetId: string, body: BanBody): Promise<Ban> {
    return moderation.ban(this.wc, actor, targetId, body);
  }

  unban(actor: Actor, targetId: string): void {
    moderation.unban(this.wc, actor, targetId);
  }

  auditLog(userId: string, query: AuditQuery): AuditPage {
    const me = members.requireMember(this.db, userId);
    if (!allows(me.role, 'readAuditLog')) throw new AppError('forbidden', 'Only admins and the owner read the audit log');
    return audit.page(this.db, userId, query);
  }

  /** A moderator deleted someone else's message over a channel socket. Internal: the channel object reports it. */
  othersMessageDeleted(report: OthersMessageDeleted): void {
    this.wc.audit({
      action: 'message.delete',
      actor: { userId: report.actorId, displayName: report.actorName },
      target: { id: report.authorId, name: report.authorName },
      channelId: report.channelId,
      detail: { seq: report.seq },
      address: report.address,
    });
  }

  // Channels and DMs

  listChannels(userId: string): Channel[] {
    members.requireMember(this.db, userId);
    return channels.listChannels(this.db, userId);
  }

  channel(userId: string, channelId: string): Channel {
    members.requireMember(this.db, userId);
    return channels.getChannel(this.db, channelId, userId);
  }

  createChannel(actor: Actor, input: CreateChannelBody): Channel {
    return channelSettings.createChannel(this.wc, actor, input);
  }

  updateChannel(actor: Actor, channelId: string, body: UpdateChannelBody): Promise<Channel> {
    return channelSettings.updateChannel(this.wc, actor, channelId, body);
  }

  setArchived(actor: Actor, channelId: string, archived: boolean): Promise<Channel> {
    return channelSettings.setArchived(this.wc, actor, channelId, archived);
  }

  setSlowMode(actor: Actor, channelId: string, seconds: number): Promise<Channel> {
    return channelSettings.setSlowMode(this.wc, actor, channelId, seconds);
  }

  deleteChannel(actor: Actor, channelId: string, confirmName: string): Promise<void> {
    return channelSettings.deleteChannel(this.wc, actor, channelId, confirmName);
  }

  joinChannel(userId: string, channelId: string): Channel {
    return channelMembers.joinChannel(this.wc, userId, channelId);
  }

  channelMembers(userId: string, channelId: string): Member[] {
    return channelMembers.channelMembers(this.wc, userId, channelId);
  }

  addToChannel(actor: Actor, channelId: string, targetId: string): Promise<Channel> {
    return channelMembers.addToChannel(this.wc, actor, channelId, targetId);
  }

  /** Removes someone from a channel; the caller's own id leaves it. */
  removeFromChannel(actor: Actor, channelId: string, targetId: string): Promise<void> {
    return channelMembers.removeFromChannel(this.wc, actor, channelId, targetId);
  }

  openDm(userId: string, userIds: string[]): { channel: Channel; created: boolean } {
    return dms.openDm(this.wc, userId, userIds);
  }

  setHidden(userId: string, channelId: string, hidden: boolean): Channel {
    return dms.setHidden(this.wc, userId, channelId, hidden);
  }

  /** Throws as channelAccess does; for reads that need only the answer, not the member and channel views. */
  requireJoined(userId: string, channelId: string): void {
    members.requireMember(this.db, userId);
    channels.requireJoined(this.db, channelId, userId);
  }

  /** The caller's access to a channel they have joined; not_found when they may not know of it. */
  channelAccess(userId: string, channelId: string): ChannelAccess {
    const member = members.requireMember(this.db, userId);
    const row = channels.requireJoined(this.db, channelId, userId);
    return { member, channel: channels.view(this.db, row, userId) };
  }

  /** The channels a search by the caller may ask, and its from: names as ids (see search-scope.ts). */
  searchScope(userId: string, filters: { in: string[]; from: string[] }): SearchScope {
    members.requireMember(this.db, userId);
    return searchScope(this.db, userId, filters, Date.now());
  }

  /** The channel's members, for the channel object to resolve @mentions. Internal: not exposed over HTTP. */
  channelRoster(channelId: string): RosterEntry[] {
    return channels.channelRoster(this.db, channelId);
  }

  /** A message was committed in a channel: update unread state and tell members' gateways. Internal. */
  recordPost(post: PostActivity): void {
    this.gateway.posted(post);
  }

  /** A message was deleted: it no longer counts as a mention, and is no longer saved. Internal. */
  forgetPost(channelId: string, seq: number): void {
    this.gateway.forgotten(channelId, seq);
  }

  // Read state and saved messages

  /** Changes the caller's notification settings in a channel they belong to; all their devices get the new state. */
  setNotifications(userId: string, channelId: string, change: readState.NotificationChange): ChannelReadState {
    members.requireMember(this.db, userId);
    const state = readState.setNotifications(this.db, userId, channelId, change);
    this.gateway.sendState(userId, channelId, state);
    return state;
  }

  /** Saves a message for later; the worker has checked that the message exists. */
  saveMessage(userId: string, channelId: string, seq: number): saved.SavedRef {
    members.requireMember(this.db, userId);
    return saved.saveMessage(this.db, userId, channelId, seq, Date.now());
  }

  /** Removing what is not saved changes nothing; a channel the caller may not know of is not found. */
  unsaveMessage(userId: string, channelId: string, seq: number): void {
    members.requireMember(this.db, userId);
    channels.requireVisible(this.db, channelId, userId);
    saved.unsaveMessage(this.db, userId, channelId, seq);
  }

  /** The caller's saved messages in channels they belong to, newest first; the worker fetches the messages. */
  savedMessages(userId: string): saved.SavedRef[] {
    members.requireMember(this.db, userId);
    return saved.savedOf(this.db, userId);
  }

  // Invites

  createInvite(actor: Actor, code: string, input: CreateInviteBody): Invite {
    return inviteAdmin.createInvite(this.wc, actor, code, input);
  }

  listInvites(userId: string): Invite[] {
    return inviteAdmin.listInvites(this.wc, userId);
  }

  revokeInvite(actor: Actor, code: string): Invite {
    return inviteAdmin.revokeInvite(this.wc, actor, code);
  }

  previewInvite(code: string): InvitePreview {
    return inviteAdmin.previewInvite(this.wc, code);
  }

  /** Joins the invited person to the workspace and its #general; a member consumes no use, someone banned is refused. */
  redeemInvite(code: string, who: Identity): { workspaceId: string; alreadyMember: boolean } {
    return inviteAdmin.redeemInvite(this.wc, code, who);
  }

  // What the accounts side tells the workspace (see account-events.ts)

  profileChanged(userId: string, profile: ProfileChange): Promise<void> {
    return accountEvents.profileChanged(this.wc, userId, profile);
  }

  accountDeletionBlocker(userId: string): string | null {
    return accountEvents.accountDeletionBlocker(this.wc, userId);
  }

  accountDeleted(userId: string, mode: AccountDeletionMode): Promise<void> {
    return accountEvents.accountDeleted(this.wc, userId, mode);
  }

  disconnect(userId: string, reason: AccessLossReason): Promise<void> {
    return accountEvents.disconnect(this.wc, userId, reason);
  }
}
