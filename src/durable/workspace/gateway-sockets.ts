import type { GatewayServerFrame } from '../../shared/gateway';
import { SocketTally } from '../connection-budget';
import { encode } from './gateway-frames';
import type { GatewayAttachment } from './presence';

const userTag = (userId: string) => `user:${userId}`;

/**
 * The workspace's gateway sockets as the runtime keeps them across hibernation:
 * each tagged with its user and carrying its attachment. Nothing is held in
 * memory, so an evicted object picks up where it left off.
 */
export class GatewaySockets {
  /** Counts for the process-wide connection budget. */
  readonly tally: SocketTally;

  constructor(private readonly ctx: DurableObjectState) {
    this.tally = new SocketTally(ctx.id.toString(), () => this.open().length);
  }

  /** Accepts the server end of a new socket for `userId`. */
  accept(ws: WebSocket, userId: string) {
    this.ctx.acceptWebSocket(ws, [userTag(userId)]);
    this.setAttachment(ws, { userId, idle: false });
    this.tally.accepted();
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

  /** Everyone connected, with the attachments of their open sockets. */
  byUser(): Map<string, GatewayAttachment[]> {
    const byUser = new Map<string, GatewayAttachment[]>();
    for (const ws of this.open()) {
      const attachment = this.attachment(ws);
      byUser.set(attachment.userId, [...(byUser.get(attachment.userId) ?? []), attachment]);
    }
    return byUser;
  }

  send(ws: WebSocket, frame: GatewayServerFrame) {
    sendText(ws, encode(frame));
  }

  /** To every device of one person. */
  sendTo(userId: string, frame: GatewayServerFrame) {
    const data = encode(frame);
    for (const ws of this.open(userId)) sendText(ws, data);
  }

  /** To everyone in the workspace: only for what every member may know. */
  broadcast(frame: GatewayServerFrame, except?: WebSocket) {
    const data = encode(frame);
    for (const ws of this.open(undefined, except)) sendText(ws, data);
  }
}

function sendText(ws: WebSocket, data: string) {
  try {
    ws.send(data);
  } catch {
    // The socket closed under us; its close handler tidies up.
  }
}
