import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import type { ClientFrame, ServerFrame } from '../../shared/protocol';
import type { Env } from '../env';
import { type ChannelDb, requireOrdinaryRow } from './db';
import type { FileSweeper } from './file-sweeper';
import { errorSubject, parseClientFrame } from './frames';
import { identityOf, type SocketIdentity } from './identity';
import { asMessage } from './message-view';
import * as messages from './messages';
import { recordPostTime, requireMayWrite, requireSlowModeAllows, writeRefusal } from './policy';
import { react } from './reactions';
import type { ChannelOutbox } from './outbox';
import { requireThreadRoot } from './threads';
import { TypingThrottle } from './typing';
import { WorkspaceLink } from './workspace-link';

/**
 * Answers the frames clients send on channel sockets, one at a time: each frame
 * is judged by the socket's identity as it is now (role and timeout kept
 * current by the workspace), and the channel's policy as last pushed.
 */
export class FrameHandler {
  private readonly workspace: WorkspaceLink;
  private readonly typing = new TypingThrottle();
  /** The last frame being handled; each waits for the one before (see enqueue). */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    ctx: DurableObjectState,
    env: Env,
    private readonly db: ChannelDb,
    private readonly outbox: ChannelOutbox,
    private readonly sweeper: FileSweeper,
  ) {
    this.workspace = new WorkspaceLink(ctx, env);
  }

  enqueue(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    // Resolving mentions awaits the workspace, which lets the next event in: queued, a later
    // frame cannot be stored before an earlier one.
    const turn = this.queue.then(() => this.handleFrame(ws, raw));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async handleFrame(ws: WebSocket, raw: string | ArrayBuffer) {
    let frame: ClientFrame | null = null;
    try {
      frame = parseClientFrame(raw);
      await this.handle(ws, frame);
    } catch (error) {
      const known = AppError.from(error);
      if (!known) console.error('channel frame failed', error);
      this.outbox.send(ws, {
        type: 'error',
        code: known?.code ?? 'internal',
        message: known?.detail ?? 'The server could not handle that frame',
        ...errorSubject(frame, error),
      });
    }
  }

  // Output gates hold every send below until the write before it is durable: acknowledged means stored.
  private async handle(ws: WebSocket, frame: ClientFrame) {
    const identity = () => identityOf(ws);
    const me = { userId: identity().userId, displayName: identity().displayName };
    switch (frame.type) {
      case 'send': {
        const resolved = await this.workspace.mentionsIn(frame.body, identity());
        const { clientId, body, replyTo, threadRoot, alsoToChannel, attachments } = frame;
        const now = Date.now();
        // Read after the await: a timeout or archive pushed meanwhile applies. A retry of a stored send is still answered.
        const author = identity();
        if (!messages.isStored(this.db, author.userId, clientId)) {
          requireMayWrite(this.db, author, now);
          requireSlowModeAllows(this.db, author, now);
        }
        const post = { author: { userId: author.userId, displayName: author.displayName }, clientId, body, replyTo, threadRoot, alsoToChannel, attachments, ...resolved };
        const stored = messages.storeMessage(this.db, post, now);
        this.outbox.send(ws, { type: 'ack', clientId, seq: stored.message.seq });
        if (!stored.created) {
          this.outbox.send(ws, { type: 'message', message: stored.message });
          return;
        }
        recordPostTime(this.db, author.userId, now);
        this.broadcastChange(stored);
        this.typing.reset(author.userId);
        this.workspace.posted(author, stored.message);
        return;
      }
      case 'edit': {
        const target = requireOrdinaryRow(this.db, frame.seq, 'edited');
        if (target.authorId !== me.userId) throw new AppError('forbidden', 'You can only edit your own messages');
        const resolved = await this.workspace.mentionsIn(frame.body, identity());
        requireMayWrite(this.db, identity(), Date.now());
        this.broadcast({ type: 'message', message: messages.editMessage(this.db, frame.seq, frame.body, resolved, Date.now()) });
        return;
      }
      case 'pin': {
        requireMayWrite(this.db, identity(), Date.now());
        this.broadcast({ type: 'message', message: messages.pinMessage(this.db, frame.seq, frame.pinned, me.displayName, Date.now()) });
        return;
      }
      case 'delete': {
        const target = requireOrdinaryRow(this.db, frame.seq, 'deleted');
        const deleter = identity();
        requireMayWrite(this.db, deleter, Date.now());
        const others = target.authorId !== deleter.userId;
        if (others && !can.deleteOthersMessages(deleter.role)) {
          throw new AppError('forbidden', "Only moderators and admins delete other people's messages");
        }
        this.broadcastChange(messages.deleteMessage(this.db, frame.seq, Date.now()));
        await this.sweeper.schedule();
        this.workspace.deleted(deleter, frame.seq);
        if (others) this.workspace.deletedOthers(deleter, target);
        return;
      }
      case 'react': {
        requireMayWrite(this.db, identity(), Date.now());
        const { row, changed } = react(this.db, frame.seq, frame.emoji, frame.on, me, Date.now());
        const update: ServerFrame = { type: 'message', message: asMessage(this.db, row) };
        // Asking for what is already so changes nothing, but still answers the asker so their client converges.
        if (changed) this.broadcast(update);
        else this.outbox.send(ws, update);
        return;
      }
      case 'typing': {
        if (frame.threadRoot !== undefined) requireThreadRoot(this.db, frame.threadRoot);
        // Someone who may not post is not typing anything the others will see.
        if (writeRefusal(this.db, identity(), Date.now())) return;
        if (!this.typing.allow(me.userId, Date.now())) return;
        const signal: ServerFrame = { type: 'typing', userId: me.userId, name: me.displayName, threadRoot: frame.threadRoot ?? null };
        this.broadcast(signal, (viewer) => viewer.userId !== me.userId);
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
    this.outbox.broadcast(frame, to);
  }
}
