import { DurableObject } from 'cloudflare:workers';
import { migrate } from 'drizzle-orm/durable-sqlite/migrator';
import migrations from '../../../migrations/channel/migrations.js';
import { SocketQuery } from '../../shared/api';
import { LIMITS } from '../../shared/limits';
import type { FilesQuery } from '../../shared/api';
import type { AccountDeletionMode, FilesPage, HistoryPage, Message, SystemEvent, Thumbnail, ThreadPage, UploadedFile } from '../../shared/model';
import { PING, PONG, PROTOCOL_VERSION } from '../../shared/wire';
import { openSocketCount, parseMaxConnections, type SocketTally } from '../connection-budget';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import { type Author, type ChannelDb, lastSeq } from './db';
import { FileSweeper } from './file-sweeper';
import { listFiles } from './file-view';
import * as files from './files';
import { FrameHandler } from './frame-handler';
import { forgetAuthor } from './forget-author';
import { IDENTITY_HEADER, type MemberChange, SocketIdentity } from './identity';
import * as messages from './messages';
import { adoptPolicy, ChannelPolicy, POLICY_HEADER, savePolicy } from './policy';
import * as schema from './schema';
import { ChannelOutbox } from './outbox';
import { applyToSockets, revokeSockets, socketTally } from './sockets';
import { RecentChanges } from './recent-changes';
import { storeSystemMessage } from './system-messages';
import { threadPage } from './threads';
import { type ChannelHits, type ChannelSearch, type SearchGrant, searchChannel, searchResults } from './search';
import { backfillBefore, backfillStep } from './search-index';

/** Changes broadcast one by one after an account is forgotten; more, and clients are told to resync instead. */
const FORGOTTEN_BROADCAST_MAX = 200;

/**
 * One object per channel: its messages and the WebSockets of the people viewing it.
 * Built for hibernation: all per-socket state lives in the socket's attachment.
 * The workspace decides who may be here and pushes what this object enforces
 * (policy, members' roles and timeouts) through the RPC methods below.
 */
export class Channel extends DurableObject<Env> {
  private readonly db: ChannelDb;
  private readonly frames: FrameHandler;
  private readonly sweeper: FileSweeper;
  private readonly recent = new RecentChanges();
  private readonly outbox: ChannelOutbox;
  private readonly tally: SocketTally;
  /** Set once the channel is deleted, so a socket authorized a moment before is refused. */
  private destroyed = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    this.sweeper = new FileSweeper(ctx, env, this.db);
    this.outbox = new ChannelOutbox(ctx);
    this.frames = new FrameHandler(ctx, env, this.db, this.outbox, this.sweeper);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    this.tally = socketTally(ctx);
    // Messages from before the search index are indexed a chunk per alarm turn, starting now.
    void ctx.blockConcurrencyWhile(() => this.scheduleBackfill());
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

  // Files: the worker streams the bytes to disk and asks these around it (see routes/files.ts).

  beginUpload(upload: files.NewUpload): Promise<void> {
    return this.rescheduled(files.beginUpload(this.db, upload, Date.now()));
  }

  finishUpload(fileId: string): Promise<UploadedFile> {
    return this.rescheduled(files.finishUpload(this.db, fileId, Date.now()));
  }

  abandonUpload(fileId: string): Promise<void> {
    return this.rescheduled(files.abandonUpload(this.db, fileId, Date.now()));
  }

  removeUpload(fileId: string, userId: string): Promise<void> {
    return this.rescheduled(files.removeUpload(this.db, fileId, userId, Date.now()));
  }

  /** Where a thumbnail for the caller's own unsent upload goes. */
  thumbnailKeyFor(fileId: string, userId: string): string {
    return files.thumbnailKey(files.requireOwnUpload(this.db, fileId, userId).storageKey);
  }

  setThumbnail(fileId: string, userId: string, thumbnail: Thumbnail): UploadedFile {
    return files.setThumbnail(this.db, fileId, userId, thumbnail);
  }

  /** A file the caller may read (the worker has checked they read the channel); not_found otherwise. */
  readableFile(fileId: string, userId: string): files.StoredFile {
    return files.readableFile(this.db, fileId, userId);
  }

  listFiles(query: FilesQuery): FilesPage {
    return listFiles(this.db, query);
  }

  /** The caller's hits here, for a workspace-wide search; nothing once their access was revoked after the grant. */
  search(grant: SearchGrant, query: ChannelSearch): ChannelHits {
    if (this.destroyed || this.recent.revokedSince(grant.userId, grant.issuedAt)) return { hits: [], indexing: false };
    return searchChannel(this.db, grant, query);
  }

  /** The messages of a search's winning hits; the worker asks only for seqs this channel just returned. */
  searchResults(seqs: number[]): Message[] {
    return searchResults(this.db, seqs);
  }

  /** Indexes a chunk of older messages for search, then purges deleted files' bytes and expires uploads nobody sent. */
  override async alarm(): Promise<void> {
    try {
      backfillStep(this.db);
    } catch (error) {
      console.error('search backfill step failed; retrying at the next alarm', error);
    }
    await this.sweeper.run();
    await this.scheduleBackfill();
  }

  private async scheduleBackfill(): Promise<void> {
    if (backfillBefore(this.db) <= 1) return;
    const current = await this.ctx.storage.getAlarm();
    const due = Date.now();
    if (current === null || current > due) await this.ctx.storage.setAlarm(due);
  }

  /** Answers `result` once the alarm is set for the file work the change made due. */
  private async rescheduled<T>(result: T): Promise<T> {
    await this.sweeper.schedule();
    return result;
  }

  /** The workspace changed whether the channel is archived or its slow mode. */
  setPolicy(policy: ChannelPolicy): void {
    savePolicy(this.db, ChannelPolicy.parse(policy));
  }

  /** A person's role, timeout or name changed: their open sockets act as who they are now. */
  applyMember(userId: string, change: MemberChange): void {
    this.recent.changed(userId, change, Date.now());
    applyToSockets(this.ctx, userId, change);
  }

  /** The person lost access to this channel: their sockets close at once and must not reconnect. */
  closeSocketsOf(userId: string, reason: string): void {
    this.recent.revoked(userId, reason, Date.now());
    this.revoke(reason, userId);
  }

  /** Records a rename, a topic, someone added or leaving… as a message in the sequence, and shows it to everyone here. */
  postSystemMessage(event: SystemEvent, author: Author): Message {
    const message = storeSystemMessage(this.db, event, author, Date.now());
    this.outbox.broadcast({ type: 'message', message });
    return message;
  }

  /** An account was deleted: relabel (`soft`) or erase (`hard`) what it wrote here. Returns the erased seqs. */
  forgetAuthor(userId: string, mode: AccountDeletionMode): number[] {
    const { changed, deletedSeqs } = forgetAuthor(this.db, userId, mode, Date.now());
    if (deletedSeqs.length > 0) this.ctx.waitUntil(this.sweeper.schedule());
    if (changed.length > FORGOTTEN_BROADCAST_MAX) this.outbox.broadcast({ type: 'resync', lastSeq: lastSeq(this.db) });
    else for (const message of changed) this.outbox.broadcast({ type: 'message', message });
    return deletedSeqs;
  }

  /** The channel was deleted: everyone here is let go and every message erased. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    this.revoke('This channel was deleted');
    await this.sweeper.purgeAll();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    // Empty tables again, as after a restart, so a late call finds no messages rather than no tables.
    await migrate(this.db, migrations);
  }

  /** Accepts a channel socket; the worker has authorized the caller and names them in a header. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const identity = SocketIdentity.parse(JSON.parse(request.headers.get(IDENTITY_HEADER) ?? 'null'));
    const policy = ChannelPolicy.safeParse(JSON.parse(request.headers.get(POLICY_HEADER) ?? 'null'));
    const query = SocketQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (this.destroyed) {
      return Response.json({ error: { code: 'not_found', message: 'No such channel' } }, { status: 404 });
    }
    if (openSocketCount() >= parseMaxConnections(this.env.MAX_CONNECTIONS)) {
      return Response.json(
        { error: { code: 'server_busy', message: 'The server is at its connection limit; try again shortly' } },
        { status: 503, headers: { 'Retry-After': '10' } },
      );
    }
    adoptPolicy(
      this.db,
      policy.success ? policy.data : { channelId: identity.channelId, workspaceId: identity.workspaceId, archivedAt: null, slowModeSeconds: 0 },
    );

    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const missed = this.recent.since(identity);
    server.serializeAttachment({ ...identity, ...missed.change });
    this.tally.accepted();

    if (missed.revoked) {
      // Removed while the worker was opening this socket: it closes as the person's other sockets did.
      this.revoke(missed.revoked, identity.userId);
    } else if (query.protocol !== PROTOCOL_VERSION) {
      this.outbox.send(server, { type: 'error', code: 'bad_request', message: `This server speaks protocol ${PROTOCOL_VERSION}; reload the page` });
      this.outbox.flush();
      server.close(4400, 'Unsupported protocol version');
    } else {
      this.replay(server, identity.channelId, query.after);
    }
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Closes the person's sockets (or everyone's) for good, after what was queued for them, and counts again. */
  private revoke(reason: string, userId?: string) {
    revokeSockets(this.ctx, this.outbox, reason, userId);
    this.tally.recount();
  }

  /** Sends the hello and then everything after `after`, in order, or asks the client to resync. */
  private replay(ws: WebSocket, channelId: string, after: number) {
    const last = lastSeq(this.db);
    this.outbox.send(ws, { type: 'hello', protocol: PROTOCOL_VERSION, channelId, lastSeq: last });
    if (after === last) return;
    // A client ahead of the server (its data was restored from an older backup) must resync too.
    if (after > last || last - after > LIMITS.resumeReplayMax) {
      this.outbox.send(ws, { type: 'resync', lastSeq: last });
      return;
    }
    for (const message of messages.changesAfter(this.db, after, LIMITS.resumeReplayMax)) {
      this.outbox.send(ws, { type: 'message', message });
    }
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    return this.frames.enqueue(ws, raw);
  }

  override async webSocketClose(ws: WebSocket, code: number) {
    this.tally.closed();
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // already closed
    }
  }

  override async webSocketError() {
    this.tally.closed();
  }
}

