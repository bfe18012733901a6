import type { ServerFrame } from '../../shared/protocol';
import { reportOpenSockets } from '../connection-budget';
import { encode } from './frames';
import type { SocketIdentity } from './identity';

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
    if (to && !to(ws.deserializeAttachment() as SocketIdentity)) continue;
    try {
      ws.send(data);
    } catch {
      // closing socket
    }
  }
}

export function reportSockets(ctx: DurableObjectState) {
  const open = ctx.getWebSockets().filter((ws) => ws.readyState === WebSocket.OPEN).length;
  reportOpenSockets(ctx.id.toString(), open);
}
