import type { ServerFrame } from '../../shared/protocol';
import { Outbox } from '../outbox';
import { encode } from './frames';
import { identityOf, type SocketIdentity } from './identity';

/** The channel object's outbox (see ../outbox.ts), which also knows the object's sockets and who holds them. */
export class ChannelOutbox extends Outbox<ServerFrame> {
  constructor(private readonly ctx: DurableObjectState) {
    super(encode);
  }

  /** To every open socket of the channel (of those whose identity passes `to`, if given). */
  broadcast(frame: ServerFrame, to?: (identity: SocketIdentity) => boolean) {
    const sockets = this.ctx.getWebSockets();
    this.sendAll(to ? sockets.filter((ws) => to(identityOf(ws))) : sockets, frame);
  }
}
