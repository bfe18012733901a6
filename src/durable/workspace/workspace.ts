import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/workspace/migrations.js';
import { GatewayQuery, type CreateChannelBody, type CreateInviteBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Channel, ChannelReadState, Invite, InvitePreview, Member, Role, Workspace as WorkspaceView } from '../../shared/model';
import { can } from '../../shared/permissions';
import { PING, PONG } from '../../shared/wire';
import type { PostActivity, RosterEntry } from '../activity';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import * as channels from './channels';
import type { Identity, WorkspaceDb } from './db';
import { Gateway, GatewayIdentity, IDENTITY_HEADER } from './gateway';
import * as invites from './invites';
import * as members from './members';
import * as readState from './read-state';
import * as saved from './saved';
import * as schema from './schema';

/** Where a member may post: what the worker needs to open a channel socket. */
export interface ChannelAccess {
  member: Member;
  channel: Channel;
}

/**
 * One object per workspace: members and roles, channels, invites, read state,
 * saved messages, and the gateway sockets (built for hibernation: see gateway.ts).
 */
export class Workspace extends DurableObject<Env> {
  private readonly db: WorkspaceDb;
  private readonly gateway: Gateway;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    this.gateway = new Gateway(ctx, this.db, env);
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
    const channel = channels.createChannel(this.db, input, userId, Date.now());
    this.gateway.joined(userId, channel.id);
    return channel;
  }

  joinChannel(userId: string, channelId: string): Channel {
    members.requireMember(this.db, userId);
    channels.getChannel(this.db, channelId, userId);
    if (channels.joinChannel(this.db, channelId, userId, Date.now())) this.gateway.joined(userId, channelId);
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
  recordPost(post: PostActivity): void {
    this.gateway.posted(post);
  }

  /** A message was deleted: it no longer counts as a mention, and is no longer saved. Internal. */
  forgetPost(channelId: string, seq: number): void {
    this.gateway.forgotten(channelId, seq);
  }

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

  unsaveMessage(userId: string, channelId: string, seq: number): void {
    members.requireMember(this.db, userId);
    saved.unsaveMessage(this.db, userId, channelId, seq);
  }

  /** The caller's saved messages in channels they belong to, newest first; the worker fetches the messages. */
  savedMessages(userId: string): saved.SavedRef[] {
    members.requireMember(this.db, userId);
    return saved.savedOf(this.db, userId);
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
    const { general, ...result } = this.db.transaction(() => {
      const info = this.info();
      if (members.findMember(this.db, who.userId)) return { workspaceId: info.id, alreadyMember: true, general: undefined };
      invites.requireUsableInvite(this.db, code, now);
      invites.countUse(this.db, code);
      members.addMember(this.db, who, 'member', now);
      const general = channels.generalChannelId(this.db);
      if (general) channels.joinChannel(this.db, general, who.userId, now);
      return { workspaceId: info.id, alreadyMember: false, general };
    });
    if (general) this.gateway.joined(who.userId, general);
    return result;
  }
}
