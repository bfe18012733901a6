import type { GatewayServerFrame } from '../../shared/gateway';
import { SocketTally } from '../connection-budget';
import { Outbox } from '../outbox';
import { encode } from './gateway-frames';
import type { GatewayAttachment } from './presence';

const USER_TAG_PREFIX = 'user:';
const userTag = (userId: string) => `${USER_TAG_PREFIX}${userId}`;

/**
 * The workspace's gateway sockets as the runtime keeps them across hibernation:
 * each tagged with its user and carrying its attachment. Nothing is held in
 * memory, so an evicted object picks up where it left off.
 */
export class GatewaySockets {
  /** Frames on their way out, coalesced per socket (see ../outbox.ts). */
  private readonly outbox = new Outbox<GatewayServerFrame>(encode);
  /** Counts for the process-wide connection budget. */
  private readonly tally: SocketTally;
  private byUserCache: Map<string, WebSocket[]> | null = null;

  constructor(private readonly ctx: DurableObjectState) {
    this.tally = new SocketTally(ctx.id.toString(), () => this.open().length);
  }

  /** Accepts the server end of a new socket for `userId`. */
  accept(ws: WebSocket, userId: string) {
    this.ctx.acceptWebSocket(ws, [userTag(userId)]);
    this.setAttachment(ws, { userId, idle: false });
    this.tally.accepted();
    this.byUserCache = null;
  }

  /** A socket closed or failed (its close handler ran). */
  closed() {
    this.tally.closed();
    this.byUserCache = null;
  }

  /** Sockets were closed here on purpose: count them again now. */
  recount() {
    this.tally.recount();
    this.byUserCache = null;
  }

  /** Open sockets, of one user or of everyone, leaving out `except` (one that is closing). */
  open(userId?: string, except?: WebSocket): WebSocket[] {
    const sockets = userId === undefined ? this.ctx.getWebSockets() : this.ctx.getWebSockets(userTag(userId));
    return sockets.filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN);
  }

  attachment(ws: WebSocket): GatewayAttachment {
    return ws.deserializeAttachment() as GatewayAttachment;
  }

  setAttachment(ws: WebSocket, attachment: GatewayAttachment) {
    ws.serializeAttachment(attachment);
  }

  attachmentsOf(userId: string, except?: WebSocket): GatewayAttachment[] {
    return this.open(userId, except).map((ws) => this.attachment(ws));
  }

  /**
   * Each connected person's open sockets, read from the sockets' tags (no attachment is
   * deserialized). Every post asks, so the answer is kept until a socket opens or closes
   * (accept, closed, recount);
   * a socket that closed meanwhile only makes a send fail quietly.
   */
  socketsByUser(): Map<string, WebSocket[]> {
    this.byUserCache ??= this.readSocketsByUser();
    return this.byUserCache;
  }

  private readSocketsByUser(): Map<string, WebSocket[]> {
    const byUser = new Map<string, WebSocket[]>();
    for (const ws of this.open()) {
      const tag = this.ctx.getTags(ws).find((t) => t.startsWith(USER_TAG_PREFIX));
      if (!tag) continue;
      const userId = tag.slice(USER_TAG_PREFIX.length);
      const sockets = byUser.get(userId);
      if (sockets) sockets.push(ws);
      else byUser.set(userId, [ws]);
    }
    return byUser;
  }

  send(ws: WebSocket, frame: GatewayServerFrame) {
    this.outbox.send(ws, frame);
  }

  /** To every device of one person (to `sockets`, when the caller has them already). */
  sendTo(userId: string, frame: GatewayServerFrame, sockets = this.open(userId)) {
    this.outbox.sendAll(sockets, frame);
  }

  /** To everyone in the workspace: only for what every member may know. */
  broadcast(frame: GatewayServerFrame, except?: WebSocket) {
    this.outbox.sendAll(this.open(undefined, except), frame);
  }

  /** Sends what is queued, then closes the socket: the frames meant for it arrive first. */
  close(ws: WebSocket, code: number, reason: string) {
    this.outbox.flush();
    try {
      ws.close(code, reason);
    } catch {
      // already closed
    }
  }
}
