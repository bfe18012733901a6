import type { ServerFrame } from '../../shared/protocol';
import { ACCESS_REVOKED_CLOSE } from '../../shared/wire';
import { SocketTally } from '../connection-budget';
import { encode } from './frames';
import { identityOf, type MemberChange, type SocketIdentity } from './identity';

export function sendFrame(ws: WebSocket, frame: ServerFrame) {
  try {
    ws.send(encode(frame));
  } catch {
    // The socket closed under us; its close handler tidies up.
  }
}

/** Encodes once, sends to every open socket of the object (of those whose identity passes `to`, if given). */
export function broadcastFrame(ctx: DurableObjectState, frame: ServerFrame, to?: (identity: SocketIdentity) => boolean) {
  const data = encode(frame);
  for (const ws of ctx.getWebSockets()) {
    if (to && !to(identityOf(ws))) continue;
    try {
      ws.send(data);
    } catch {
      // closing socket
    }
  }
}

/** The object's open sockets, as the process-wide connection budget counts them. */
export function socketTally(ctx: DurableObjectState): SocketTally {
  return new SocketTally(ctx.id.toString(), () => ctx.getWebSockets().filter((ws) => ws.readyState === WebSocket.OPEN).length);
}

function socketsOf(ctx: DurableObjectState, userId: string): WebSocket[] {
  return ctx.getWebSockets().filter((ws) => identityOf(ws).userId === userId);
}

/** Rewrites the identity of the person's open sockets, so the next frame is judged by who they are now. */
export function applyToSockets(ctx: DurableObjectState, userId: string, change: MemberChange) {
  for (const ws of socketsOf(ctx, userId)) ws.serializeAttachment({ ...identityOf(ws), ...change });
}

/** Closes the person's sockets (or everyone's) for good: the close code tells clients not to reconnect. */
export function revokeSockets(ctx: DurableObjectState, reason: string, userId?: string) {
  const sockets = userId === undefined ? ctx.getWebSockets() : socketsOf(ctx, userId);
  for (const ws of sockets) {
    try {
      ws.close(ACCESS_REVOKED_CLOSE, reason);
    } catch {
      // already closed
    }
  }
}
