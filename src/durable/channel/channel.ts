import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/channel/migrations.js';
import { SocketQuery } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { HistoryPage } from '../../shared/model';
import { can } from '../../shared/permissions';
import type { ClientFrame, ServerFrame } from '../../shared/protocol';
import { PING, PONG, PROTOCOL_VERSION } from '../../shared/wire';
import { openSocketCount, parseMaxConnections, reportOpenSockets } from '../connection-budget';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import { encode, FrameError, parseClientFrame } from './frames';
import { IDENTITY_HEADER, SocketIdentity } from './identity';
import * as messages from './messages';
import * as schema from './schema';

/**
 * One object per channel: its messages and the WebSockets of the people viewing it.
 * Built for hibernation: all per-socket state lives in the socket's attachment.
 */
export class Channel extends DurableObject<Env> {
  private readonly db: messages.ChannelDb;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    this.reportSockets();
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

  lastSeq(): number {
    return messages.lastSeq(this.db);
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
    this.reportSockets();

    if (query.protocol !== PROTOCOL_VERSION) {
      this.send(server, { type: 'error', code: 'bad_request', message: `This server speaks protocol ${PROTOCOL_VERSION}; reload the page` });
      server.close(4400, 'Unsupported protocol version');
    } else {
      this.replay(server, identity.channelId, query.after);
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends the hello and then everything after `after`, in order, or asks the client to resync. */
  private replay(ws: WebSocket, channelId: string, after: number) {
    const last = messages.lastSeq(this.db);
    this.send(ws, { type: 'hello', protocol: PROTOCOL_VERSION, channelId, lastSeq: last });
    if (after === last) return;
    // A client ahead of the server (its data was restored from an older backup) must resync too.
    if (after > last || last - after > LIMITS.resumeReplayMax) {
      this.send(ws, { type: 'resync', lastSeq: last });
      return;
    }
    for (const message of messages.changesAfter(this.db, after, LIMITS.resumeReplayMax)) {
      this.send(ws, { type: 'message', message });
    }
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    const identity = ws.deserializeAttachment() as SocketIdentity;
    let about: { clientId?: string; seq?: number } = {};
    try {
      const frame = parseClientFrame(raw);
      about = frame.type === 'send' ? { clientId: frame.clientId } : { seq: frame.seq };
      this.handle(ws, identity, frame);
    } catch (error) {
      if (error instanceof FrameError && error.clientId) about = { clientId: error.clientId };
      const known = AppError.from(error);
      if (!known) console.error('channel frame failed', error);
      this.send(ws, {
        type: 'error',
        code: known?.code ?? 'internal',
        message: known?.detail ?? 'The server could not handle that frame',
        ...about,
      });
    }
  }

  // Output gates hold every send below until the write before it is durable: acknowledged means stored.
  private handle(ws: WebSocket, identity: SocketIdentity, frame: ClientFrame) {
    const now = Date.now();
    switch (frame.type) {
      case 'send': {
        const author = { userId: identity.userId, displayName: identity.displayName };
        const { message, created } = messages.storeMessage(this.db, author, frame.clientId, frame.body, frame.replyTo, now);
        this.send(ws, { type: 'ack', clientId: frame.clientId, seq: message.seq });
        if (created) this.broadcast({ type: 'message', message });
        else this.send(ws, { type: 'message', message });
        return;
      }
      case 'edit': {
        const target = messages.findMessage(this.db, frame.seq);
        if (target.authorId !== identity.userId) throw new AppError('forbidden', 'You can only edit your own messages');
        this.broadcast({ type: 'message', message: messages.editMessage(this.db, frame.seq, frame.body, now) });
        return;
      }
      case 'pin': {
        const message = messages.pinMessage(this.db, frame.seq, frame.pinned, identity.displayName, now);
        this.broadcast({ type: 'message', message });
        return;
      }
      case 'delete': {
        const target = messages.findMessage(this.db, frame.seq);
        if (target.authorId !== identity.userId && !can.deleteOthersMessages(identity.role)) {
          throw new AppError('forbidden', "Only moderators and admins delete other people's messages");
        }
        this.broadcast({ type: 'message', message: messages.deleteMessage(this.db, frame.seq, now) });
        return;
      }
    }
  }

  override async webSocketClose(ws: WebSocket, code: number) {
    this.reportSockets();
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // already closed
    }
  }

  override async webSocketError() {
    this.reportSockets();
  }

  /** Which channel this object holds; written once per object instance, not on every connection. */
  private channelRecorded = false;
  private rememberChannel(identity: SocketIdentity) {
    if (this.channelRecorded) return;
    this.channelRecorded = true;
    this.db.insert(schema.channelInfo).values({ id: identity.channelId, workspaceId: identity.workspaceId }).onConflictDoNothing().run();
  }

  private reportSockets() {
    const open = this.ctx.getWebSockets().filter((ws) => ws.readyState === WebSocket.OPEN).length;
    reportOpenSockets(this.ctx.id.toString(), open);
  }

  private send(ws: WebSocket, frame: ServerFrame) {
    try {
      ws.send(encode(frame));
    } catch {
      // The socket closed under us; its close handler tidies up.
    }
  }

  /** Encodes once, sends to every open socket. */
  private broadcast(frame: ServerFrame) {
    const data = encode(frame);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(data);
      } catch {
        // closing socket
      }
    }
  }
}
