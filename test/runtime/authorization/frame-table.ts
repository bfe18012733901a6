/**
 * Every WebSocket frame type × every kind of caller that can hold the socket.
 * Callers who cannot open the socket at all are the HTTP table's socket rows.
 * The matrix test fails when a frame type has no row.
 */
import type { ErrorCode } from '../../../src/shared/errors';
import type { GatewayClientFrame } from '../../../src/shared/gateway';
import type { ClientFrame } from '../../../src/shared/protocol';
import { allows } from '../../../src/shared/permissions';
import type { ChannelSocket } from '../helpers';
import { CHANNEL_MEMBERS, ROLE_OF, type SignedInCaller, type World } from './world';

export type FrameCaller = (typeof CHANNEL_MEMBERS)[number];
/** `ok`: handled as asked; `silent`: dropped without an answer; else the error code the sender gets. */
export type FrameOutcome = 'ok' | 'silent' | ErrorCode;

/** Where a channel frame is sent: the private channel, or an archived one (read-only for everyone). */
export type FrameChannel = 'private' | 'archived';

export interface ChannelFrameRow {
  type: ClientFrame['type'];
  channel: FrameChannel;
  /** Builds the frame for `caller`. */
  frame: (ctx: FrameContext) => Promise<ClientFrame> | ClientFrame;
  expect: (caller: FrameCaller) => FrameOutcome;
}

export interface FrameContext {
  world: World;
  caller: FrameCaller;
  /** The caller's own socket (to make a message of theirs first). */
  own: ChannelSocket;
  /** Posts as a plain member who is none of the callers, to make someone else's message. */
  postAsBystander: (body: string) => Promise<number>;
  /** A message of the caller's own in this channel (made before any timeout). */
  ownSeq: number;
}

const timedOutElse =
  (outcome: (caller: FrameCaller) => FrameOutcome, whenTimedOut: FrameOutcome = 'timed_out') =>
  (caller: FrameCaller): FrameOutcome =>
    caller === 'timedOut' ? whenTimedOut : outcome(caller);
const archived = (code: FrameOutcome) => () => code;

const send = (): ClientFrame => ({ type: 'send', clientId: crypto.randomUUID(), body: 'matrix message' });

export const CHANNEL_FRAME_ROWS: ChannelFrameRow[] = [
  { type: 'send', channel: 'private', frame: send, expect: timedOutElse(() => 'ok') },
  { type: 'edit', channel: 'private', frame: ({ ownSeq }) => ({ type: 'edit', seq: ownSeq, body: 'edited in the matrix' }), expect: timedOutElse(() => 'ok') },
  { type: 'pin', channel: 'private', frame: ({ ownSeq }) => ({ type: 'pin', seq: ownSeq, pinned: true }), expect: timedOutElse(() => 'ok') },
  { type: 'react', channel: 'private', frame: ({ ownSeq }) => ({ type: 'react', seq: ownSeq, emoji: '👍', on: true }), expect: timedOutElse(() => 'ok') },
  {
    type: 'delete',
    channel: 'private',
    // Someone else's message: only those allowed to delete others' messages may.
    frame: async ({ postAsBystander }) => ({ type: 'delete', seq: await postAsBystander('to be deleted') }),
    expect: timedOutElse((caller) => (allows(ROLE_OF[caller], 'deleteOthersMessages') ? 'ok' : 'forbidden')),
  },
  { type: 'typing', channel: 'private', frame: () => ({ type: 'typing' }), expect: timedOutElse(() => 'ok', 'silent') },

  { type: 'send', channel: 'archived', frame: send, expect: archived('channel_archived') },
  { type: 'edit', channel: 'archived', frame: ({ ownSeq }) => ({ type: 'edit', seq: ownSeq, body: 'edited' }), expect: archived('channel_archived') },
  { type: 'pin', channel: 'archived', frame: ({ ownSeq }) => ({ type: 'pin', seq: ownSeq, pinned: true }), expect: archived('channel_archived') },
  { type: 'react', channel: 'archived', frame: ({ ownSeq }) => ({ type: 'react', seq: ownSeq, emoji: '👍', on: true }), expect: archived('channel_archived') },
  { type: 'delete', channel: 'archived', frame: ({ ownSeq }) => ({ type: 'delete', seq: ownSeq }), expect: archived('channel_archived') },
  { type: 'typing', channel: 'archived', frame: () => ({ type: 'typing' }), expect: archived('silent') },
];

export type GatewayCaller = Exclude<SignedInCaller, 'outsider' | 'banned'>;

export interface GatewayFrameRow {
  type: GatewayClientFrame['type'];
  /** What the row is about, for the test name. */
  about: string;
  frame: (world: World) => GatewayClientFrame;
  /**
   * The frame types the sender gets back (presence frames aside) before the
   * echo of the `status: auto` frame that ends each probe; or an error code.
   */
  expect: (caller: GatewayCaller) => string[] | ErrorCode;
}

const inPrivate = (caller: GatewayCaller) => (CHANNEL_MEMBERS as readonly string[]).includes(caller);

/**
 * Gateway frames are asked of every workspace member (the gateway socket row
 * covers everyone else). Before each `read` probe someone posts in the private
 * channel, and its members wait for that activity, so there is something to read.
 */
export const GATEWAY_FRAME_ROWS: GatewayFrameRow[] = [
  {
    type: 'read',
    about: 'the private channel',
    frame: (w) => ({ type: 'read', channelId: w.privateId, seq: Number.MAX_SAFE_INTEGER }),
    // A non-member hears what any unknown channel gets: not_found.
    expect: (caller) => (inPrivate(caller) ? ['state'] : 'not_found'),
  },
  { type: 'activity', about: 'going idle', frame: () => ({ type: 'activity', state: 'idle' }), expect: () => [] },
  { type: 'status', about: 'do not disturb', frame: () => ({ type: 'status', override: 'dnd' }), expect: () => ['status'] },
];
