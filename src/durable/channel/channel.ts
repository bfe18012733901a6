import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/channel/migrations.js';
import { SocketQuery } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { HistoryPage, ThreadPage } from '../../shared/model';
import { can } from '../../shared/permissions';
import type { ClientFrame, ServerFrame } from '../../shared/protocol';
import { PING, PONG, PROTOCOL_VERSION } from '../../shared/wire';
import { openSocketCount, parseMaxConnections } from '../connection-budget';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import { type ChannelDb, lastSeq, requireLiveRow } from './db';
import { errorSubject, parseClientFrame } from './frames';
import { IDENTITY_HEADER, SocketIdentity } from './identity';
import { asMessage } from './message-view';
import * as messages from './messages';
import { react } from './reactions';
import * as schema from './schema';
import { broadcastFrame, reportSockets, sendFrame } from './sockets';
import { requireThreadRoot, threadPage } from './threads';
import { TypingThrottle } from './typing';
import { WorkspaceLink } from './workspace-link';

/**
 * One object per channel: its messages and the WebSockets of the people viewing it.
 * Built for hibernation: all per-socket state lives in the socket's attachment.
 */
export class Channel extends DurableObject<Env> {
  private readonly db: ChannelDb;
  private readonly workspace: WorkspaceLink;
  private readonly typing = new TypingThrottle();
  /** The last frame being handled; each waits for the one before (see webSocketMessage). */
  private frameQueue: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    this.workspace = new WorkspaceLink(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    reportSockets(ctx);
  }

  history(before: number | undefined, limit: number): HistoryPage {
    return messages.historyPage(this.db, before, limit);
  }

  message(seq: number) {
    return messages.getMessage(this.db, seq);
  }

  pins() {
    return messages.pinnedMessages(this.db);
  }

  /** Earlier versions of an edited message, oldest first. */
  edits(seq: number) {
    return messages.editsOf(this.db, seq);
  }

  /** A root message and its replies. */
  thread(seq: number): ThreadPage {
    return threadPage(this.db, seq);
  }

  lastSeq(): number {
    return lastSeq(this.db);
  }

  /** Accepts a channel socket; the worker has authorized the caller and names them in a header. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const identity = SocketIdentity.parse(JSON.parse(request.headers.get(IDENTITY_HEADER) ?? 'null'));
    const query = SocketQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (openSocketCount() >= parseMaxConnections(this.env.MAX_CONNECTIONS)) {
      return Response.json(
        { error: { code: 'server_busy', message: 'The server is at its connection limit; try again shortly' } },
        { status: 503, headers: { 'Retry-After': '10' } },
      );
    }
    this.rememberChannel(identity);

    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(identity);
    reportSockets(this.ctx);

    if (query.protocol !== PROTOCOL_VERSION) {
      sendFrame(server, { type: 'error', code: 'bad_request', message: `This server speaks protocol ${PROTOCOL_VERSION}; reload the page` });
      server.close(4400, 'Unsupported protocol version');
    } else {
      this.replay(server, identity.channelId, query.after);
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends the hello and then everything after `after`, in order, or asks the client to resync. */
  private replay(ws: WebSocket, channelId: string, after: number) {
    const last = lastSeq(this.db);
    sendFrame(ws, { type: 'hello', protocol: PROTOCOL_VERSION, channelId, lastSeq: last });
    if (after === last) return;
    // A client ahead of the server (its data was restored from an older backup) must resync too.
    if (after > last || last - after > LIMITS.resumeReplayMax) {
      sendFrame(ws, { type: 'resync', lastSeq: last });
      return;
    }
    for (const message of messages.changesAfter(this.db, after, LIMITS.resumeReplayMax)) {
      sendFrame(ws, { type: 'message', message });
    }
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    // Resolving mentions awaits the workspace, which lets the next event in: queued, a later
    // frame cannot be stored before an earlier one.
    const turn = this.frameQueue.then(() => this.handleFrame(ws, raw));
    this.frameQueue = turn.catch(() => {});
    return turn;
  }

  private async handleFrame(ws: WebSocket, raw: string | ArrayBuffer) {
    const identity = ws.deserializeAttachment() as SocketIdentity;
    let frame: ClientFrame | null = null;
    try {
      frame = parseClientFrame(raw);
      await this.handle(ws, identity, frame);
    } catch (error) {
      const known = AppError.from(error);
      if (!known) console.error('channel frame failed', error);
      sendFrame(ws, {
        type: 'error',
        code: known?.code ?? 'internal',
        message: known?.detail ?? 'The server could not handle that frame',
        ...errorSubject(frame, error),
      });
    }
  }

  // Output gates hold every send below until the write before it is durable: acknowledged means stored.
  private async handle(ws: WebSocket, identity: SocketIdentity, frame: ClientFrame) {
    const me = { userId: identity.userId, displayName: identity.displayName };
    switch (frame.type) {
      case 'send': {
        const resolved = await this.workspace.mentionsIn(frame.body, identity);
        const { clientId, body, replyTo, threadRoot, alsoToChannel } = frame;
        const post = { author: me, clientId, body, replyTo, threadRoot, alsoToChannel, ...resolved };
        const stored = messages.storeMessage(this.db, post, Date.now());
        sendFrame(ws, { type: 'ack', clientId, seq: stored.message.seq });
        if (!stored.created) {
          sendFrame(ws, { type: 'message', message: stored.message });
          return;
        }
        this.broadcastChange(stored);
        this.typing.reset(identity.userId);
        this.workspace.posted(identity, stored.message);
        return;
      }
      case 'edit': {
        const target = requireLiveRow(this.db, frame.seq);
        if (target.authorId !== identity.userId) throw new AppError('forbidden', 'You can only edit your own messages');
        const resolved = await this.workspace.mentionsIn(frame.body, identity);
        this.broadcast({ type: 'message', message: messages.editMessage(this.db, frame.seq, frame.body, resolved, Date.now()) });
        return;
      }
      case 'pin': {
        this.broadcast({ type: 'message', message: messages.pinMessage(this.db, frame.seq, frame.pinned, identity.displayName, Date.now()) });
        return;
      }
      case 'delete': {
        const target = requireLiveRow(this.db, frame.seq);
        if (target.authorId !== identity.userId && !can.deleteOthersMessages(identity.role)) {
          throw new AppError('forbidden', "Only moderators and admins delete other people's messages");
        }
        this.broadcastChange(messages.deleteMessage(this.db, frame.seq, Date.now()));
        this.workspace.deleted(identity, frame.seq);
        return;
      }
      case 'react': {
        const { row, changed } = react(this.db, frame.seq, frame.emoji, frame.on, me, Date.now());
        const update: ServerFrame = { type: 'message', message: asMessage(this.db, row) };
        // Asking for what is already so changes nothing, but still answers the asker so their client converges.
        if (changed) this.broadcast(update);
        else sendFrame(ws, update);
        return;
      }
      case 'typing': {
        if (frame.threadRoot !== undefined) requireThreadRoot(this.db, frame.threadRoot);
        if (!this.typing.allow(identity.userId, Date.now())) return;
        const signal: ServerFrame = { type: 'typing', userId: identity.userId, name: identity.displayName, threadRoot: frame.threadRoot ?? null };
        this.broadcast(signal, (viewer) => viewer.userId !== identity.userId);
        return;
      }
    }
  }

  /** The changed message, then its thread's root when the change touched it too (the root took the later sequence). */
  private broadcastChange(change: messages.Change) {
    this.broadcast({ type: 'message', message: change.message });
    if (change.root) this.broadcast({ type: 'message', message: change.root });
  }

  private broadcast(frame: ServerFrame, to?: (viewer: SocketIdentity) => boolean) {
    broadcastFrame(this.ctx, frame, to);
  }

  override async webSocketClose(ws: WebSocket, code: number) {
    reportSockets(this.ctx);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // already closed
    }
  }

  override async webSocketError() {
    reportSockets(this.ctx);
  }

  /** Which channel this object holds; written once per object instance, not on every connection. */
  private channelRecorded = false;
  private rememberChannel(identity: SocketIdentity) {
    if (this.channelRecorded) return;
    this.channelRecorded = true;
    this.db.insert(schema.channelInfo).values({ id: identity.channelId, workspaceId: identity.workspaceId }).onConflictDoNothing().run();
  }
}
