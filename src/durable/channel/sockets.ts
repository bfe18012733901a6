import { ACCESS_REVOKED_CLOSE } from '../../shared/wire';
import { SocketTally } from '../connection-budget';
import { identityOf, type MemberChange } from './identity';

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

/** Closes the person's sockets (or everyone's) for good, after what was queued for them: the close code tells clients not to reconnect. */
export function revokeSockets(ctx: DurableObjectState, outbox: { flush(): void }, reason: string, userId?: string) {
  outbox.flush();
  const sockets = userId === undefined ? ctx.getWebSockets() : socketsOf(ctx, userId);
  for (const ws of sockets) {
    try {
      ws.close(ACCESS_REVOKED_CLOSE, reason);
    } catch {
      // already closed
    }
  }
}
