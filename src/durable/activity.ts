/**
 * What the channel object tells the workspace object, over RPC, so that the
 * gateway can keep unread counts and mentions. Internal to the objects.
 */
import type { BroadcastMention } from '../shared/model';

/** A message was posted in a channel. Sent after it is committed; the workspace ignores repeats. */
export interface PostActivity {
  channelId: string;
  seq: number;
  createdAt: number;
  authorId: string;
  authorName: string;
  body: string;
  /** Set on thread replies. */
  threadRoot: number | null;
  /** False for thread-only replies: they do not make the channel unread. */
  inChannel: boolean;
  mentionedUserIds: string[];
  broadcasts: BroadcastMention[];
}

/** A member of a channel as mentions need them. */
export interface RosterEntry {
  userId: string;
  username: string;
  displayName: string;
}

/** Someone deleted another person's message over a channel socket: the workspace records it in the audit log. */
export interface OthersMessageDeleted {
  channelId: string;
  seq: number;
  actorId: string;
  actorName: string;
  authorId: string;
  authorName: string;
  /** The client address the deleter's socket was opened from. */
  address: string;
}
