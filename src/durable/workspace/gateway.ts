import { z } from 'zod';
import { GatewayQuery } from '../../shared/api';
import { AppError, ERROR_STATUS, type ErrorBody } from '../../shared/errors';
import { GATEWAY_PROTOCOL_VERSION, type AccessLossReason, type ActivityEvent, type GatewayClientFrame } from '../../shared/gateway';
import { LIMITS } from '../../shared/limits';
import type { ChannelKind, ChannelReadState, Member, Presence } from '../../shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../shared/wire';
import type { PostActivity } from '../activity';
import { openSocketCount, parseMaxConnections } from '../connection-budget';
import type { Env } from '../env';
import { memberIdsOf } from './channels';
import type { WorkspaceDb } from './db';
import { encode, parseGatewayFrame } from './gateway-frames';
import { GatewaySockets } from './gateway-sockets';
import * as posts from './posts';
import * as presence from './presence';
import * as readState from './read-state';

export { IDENTITY_HEADER } from '../channel/identity';

/** Who opened a gateway socket, as the worker vouches after checking the session. */
export const GatewayIdentity = z.object({ userId: z.string() });
export type GatewayIdentity = z.infer<typeof GatewayIdentity>;

/**
 * The workspace gateway: accepts members' sockets, answers their frames, and
 * tells them about posts, read state, presence and channel list changes.
 * Anything about a channel goes to that channel's members only.
 */
export class Gateway {
  readonly sockets: GatewaySockets;

  constructor(
    ctx: DurableObjectState,
    private readonly db: WorkspaceDb,
    private readonly env: Env,
  ) {
    this.sockets = new GatewaySockets(ctx);
  }

  /**
   * Called as the object starts. With no socket open, nobody is online whatever
   * was last announced: a restart drops every socket without running close handlers.
   */
  start() {
    if (this.sockets.open().length === 0) presence.resetAnnounced(this.db);
  }

  /** Opens a socket for `identity`; a non-member gets 404 like every other route, a full server 503. */
  connect(identity: GatewayIdentity, query: z.output<typeof GatewayQuery>): Response {
    const record = presence.presenceRecord(this.db, identity.userId);
    if (!record) return errorResponse(new AppError('not_found', 'No such workspace'));
    if (openSocketCount() >= parseMaxConnections(this.env.MAX_CONNECTIONS)) {
      const busy = errorResponse(new AppError('server_busy', 'The server is at its connection limit; try again shortly'));
      busy.headers.set('Retry-After', '10');
      return busy;
    }
    const { 0: client, 1: server } = new WebSocketPair();
    if (query.protocol !== GATEWAY_PROTOCOL_VERSION) {
      // Accepted outside hibernation, so it never counts as one of the person's gateways.
      server.accept();
      const message = `This server speaks gateway protocol ${GATEWAY_PROTOCOL_VERSION}; reload the page`;
      server.send(encode({ type: 'error', code: 'bad_request', message }));
      server.close(4400, 'Unsupported protocol version');
      return new Response(null, { status: 101, webSocket: client });
    }
    const { userId } = identity;
    this.sockets.accept(server, userId);
    // A new socket is active, so the person's presence follows without reading their other sockets.
    // Nothing here walks every open socket: a reconnect storm would cost O(N²).
    const now = presence.presenceOf(record.override, [{ userId, idle: false }]);
    this.sockets.send(server, {
      type: 'hello',
      protocol: GATEWAY_PROTOCOL_VERSION,
      userId,
      channels: readState.statesOf(this.db, userId),
      presence: { ...presence.announcedPresence(this.db), [userId]: now },
      statusOverride: record.override,
    });
    // The hello told the new socket already.
    this.announce(userId, now, record.announced, server);
    return new Response(null, { status: 101, webSocket: client });
  }

  onMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    try {
      this.handle(ws, parseGatewayFrame(raw));
    } catch (error) {
      const known = AppError.from(error);
      if (!known) console.error('gateway frame failed', error);
      const message = known?.detail ?? 'The server could not handle that frame';
      this.sockets.send(ws, { type: 'error', code: known?.code ?? 'internal', message });
    }
  }

  private handle(ws: WebSocket, frame: GatewayClientFrame) {
    const current = this.sockets.attachment(ws);
    const { userId } = current;
    switch (frame.type) {
      case 'read': {
        const state = readState.markRead(this.db, userId, frame.channelId, frame.seq);
        if (state) this.sockets.sendTo(userId, { type: 'state', state });
        return;
      }
      case 'activity': {
        this.sockets.setAttachment(ws, { ...current, idle: frame.state === 'idle' });
        this.refreshPresence(userId);
        return;
      }
      case 'status': {
        presence.setOverride(this.db, userId, frame.override);
        this.sockets.sendTo(userId, { type: 'status', override: frame.override });
        this.refreshPresence(userId);
        return;
      }
    }
  }

  /** A socket closed or failed: it no longer counts for presence or the connection budget. */
  onClose(ws: WebSocket) {
    this.sockets.closed();
    const closing = this.sockets.attachment(ws);
    if (closing) this.refreshPresence(closing.userId, { leaving: ws });
  }

  /**
   * Recomputes a person's presence from their open sockets (without `leaving`) and
   * announces it. Presence is workspace-wide, derived from no channel: everyone may see it.
   */
  private refreshPresence(userId: string, { leaving }: { leaving?: WebSocket } = {}) {
    const record = presence.presenceRecord(this.db, userId);
    if (!record) return;
    this.announce(userId, presence.presenceOf(record.override, this.sockets.attachmentsOf(userId, leaving)), record.announced);
  }

  /** Tells everyone (but `notTo`) the person's presence when it differs from the one last announced. */
  private announce(userId: string, now: Presence, announced: Presence, notTo?: WebSocket) {
    if (now === announced) return;
    presence.setAnnounced(this.db, userId, now);
    this.sockets.broadcast({ type: 'presence', userId, presence: now }, notTo);
  }

  /** Records a post and tells the channel's connected members, each with their own state. */
  posted(post: PostActivity) {
    const online = this.sockets.socketsByUser();
    // Attachments are read only for @here, which needs to know whose tabs are idle.
    const recorded = posts.recordPost(this.db, post, (userId) => (online.get(userId) ?? []).map((ws) => this.sockets.attachment(ws)));
    if (!recorded) return;
    // A DM someone hid shows again in their sidebar.
    for (const userId of recorded.unhid) this.sockets.sendTo(userId, { type: 'channels-changed' });
    const recipients = recorded.memberIds.filter((userId) => online.has(userId));
    if (recipients.length === 0) return;
    // Only the connected members' states: in a big channel most members are elsewhere.
    const states = readState.statesOfMembers(this.db, post.channelId, recipients);
    const event: Omit<ActivityEvent, 'mentionsYou'> = {
      channelId: post.channelId,
      seq: post.seq,
      authorId: post.authorId,
      authorName: post.authorName,
      preview: preview(post.body),
      threadRoot: post.threadRoot,
    };
    for (const userId of recipients) {
      const state = states.get(userId);
      if (state) this.sockets.sendTo(userId, { type: 'activity', event: { ...event, mentionsYou: recorded.mentioned.has(userId) }, state }, online.get(userId));
    }
  }

  /** A post was deleted: the members it mentioned get their lower counts. */
  forgotten(channelId: string, seq: number) {
    for (const userId of new Set(posts.forgetPost(this.db, channelId, seq))) this.sendState(userId, channelId);
  }

  /** Someone joined a channel (or created it): those who can see it refetch the list, the joiner gets its state. */
  joined(userId: string, channel: { id: string; kind: ChannelKind }) {
    this.channelListChanged(channel);
    this.sendState(userId, channel.id);
  }

  /**
   * The channel list changed for those who can see `channel`: everyone for a public
   * channel, its members (and `alsoTo`, such as someone just removed) otherwise.
   * A private channel's changes are news only to its members.
   */
  channelListChanged(channel: { id: string; kind: ChannelKind }, alsoTo: readonly string[] = []) {
    if (channel.kind === 'public') {
      this.sockets.broadcast({ type: 'channels-changed' });
      return;
    }
    for (const userId of new Set([...memberIdsOf(this.db, channel.id), ...alsoTo])) this.sockets.sendTo(userId, { type: 'channels-changed' });
  }

  /** Something in the person's own channel list changed (a DM hidden or shown): their devices refetch it. */
  channelsChangedFor(userId: string) {
    this.sockets.sendTo(userId, { type: 'channels-changed' });
  }

  /** The person left or lost a channel (or it was deleted): their devices drop its state. */
  lostChannel(userId: string, channelId: string) {
    this.sockets.sendTo(userId, { type: 'state-removed', channelId });
  }

  /** The person's current state in the channel, to all their devices. */
  sendState(userId: string, channelId: string, state?: ChannelReadState) {
    const current = state ?? readState.stateOf(this.db, userId, channelId);
    if (current) this.sockets.sendTo(userId, { type: 'state', state: current });
  }

  /** Names, roles, profiles and timeouts are workspace-wide: everyone hears of a change. */
  memberChanged(member: Member) {
    this.sockets.broadcast({ type: 'member', member });
  }

  memberRemoved(userId: string) {
    this.sockets.broadcast({ type: 'member-removed', userId });
    this.sockets.broadcast({ type: 'channels-changed' });
  }

  /** The person lost access to the workspace: their gateways say why and close for good. */
  revoke(userId: string, reason: AccessLossReason, message: string) {
    for (const ws of this.sockets.open(userId)) {
      this.sockets.send(ws, { type: 'removed', reason, message });
      this.sockets.close(ws, ACCESS_REVOKED_CLOSE, reason);
    }
    this.sockets.recount();
  }
}

/** The start of a body for a notification, never splitting a surrogate pair. */
function preview(body: string): string {
  if (body.length <= LIMITS.activityPreviewMax) return body;
  const cut = body.slice(0, LIMITS.activityPreviewMax);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function errorResponse(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.detail } } satisfies ErrorBody, { status: ERROR_STATUS[error.code] });
}
