/** The shapes of things Hearth returns; one definition for worker, objects and web app. */
export const ROLES = ['owner', 'admin', 'moderator', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const REGISTRATION_MODES = ['open', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export interface Account {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
}

export interface InstanceInfo {
  name: string;
  registrationMode: RegistrationMode;
  /** True until the first account exists; that account may always be created and becomes admin. */
  needsFirstAccount: boolean;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
}

export interface Member {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  joinedAt: number;
}

export interface Channel {
  id: string;
  name: string;
  topic: string;
  createdAt: number;
  memberCount: number;
  /** Whether the caller is a member. */
  joined: boolean;
}

export interface Workspace extends WorkspaceSummary {
  createdAt: number;
  me: Member;
  channels: Channel[];
}

/** One emoji on a message and who reacted with it, in the order they reacted. */
export interface Reaction {
  emoji: string;
  users: Array<{ id: string; name: string }>;
}

/** A person the server found named with `@username` in a message. */
export interface Mention {
  userId: string;
  username: string;
}

/** `@channel` and `@everyone` reach every member of the channel; `@here` those online. */
export const BROADCAST_MENTIONS = ['channel', 'everyone', 'here'] as const;
export type BroadcastMention = (typeof BROADCAST_MENTIONS)[number];

/** Shown on a thread's root message in the channel. */
export interface ThreadSummary {
  replyCount: number;
  lastReplyAt: number;
  /** Up to five people who replied, most recent first. */
  participants: Array<{ id: string; name: string }>;
}

export interface Message {
  /** The message's id in its channel: the sequence number it was posted at. */
  seq: number;
  /** The sequence number of the message's latest change (post, edit, delete, pin, reaction, thread reply). */
  updatedSeq: number;
  clientId: string;
  authorId: string;
  authorName: string;
  /** Empty once deleted. */
  body: string;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  /** The seq of the message this one replies to (quoted above it). */
  replyTo: number | null;
  /** Set while the message is pinned to its channel. */
  pinnedAt: number | null;
  pinnedBy: string | null;
  /** Set on a thread reply: the seq of the thread's root message. */
  threadRoot: number | null;
  /** A thread reply that is also shown in the channel. */
  alsoInChannel: boolean;
  /** Set on a root message once its thread has a reply. */
  thread: ThreadSummary | null;
  reactions: Reaction[];
  /** People named with @username who are members of the channel, resolved by the server when posted or edited. */
  mentions: Mention[];
  /** Broadcast mentions the message used. */
  broadcasts: BroadcastMention[];
}

/** A thread: its root and every reply, oldest first. */
export interface ThreadPage {
  root: Message;
  replies: Message[];
  lastSeq: number;
}

export const PRESENCE = ['online', 'away', 'dnd', 'offline'] as const;
export type Presence = (typeof PRESENCE)[number];

/** What a person chose: `auto` follows their activity, the others override it. */
export const STATUS_OVERRIDES = ['auto', 'away', 'dnd'] as const;
export type StatusOverride = (typeof STATUS_OVERRIDES)[number];

export const NOTIFICATION_LEVELS = ['all', 'mentions', 'nothing'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/** One person's read position and notification settings in one channel they belong to. */
export interface ChannelReadState {
  channelId: string;
  /** Seq of the channel's newest message shown in the channel (thread-only replies excluded). */
  lastPostSeq: number;
  lastPostAt: number | null;
  /** The newest seq this person has seen; messages after it (by others) are unread. */
  readSeq: number;
  /** Unread messages that mention this person (by name or broadcast). */
  mentionCount: number;
  level: NotificationLevel;
  muted: boolean;
}

/** A message someone saved for later, with its channel. */
export interface SavedItem {
  channelId: string;
  channelName: string;
  savedAt: number;
  message: Message;
}

export type InviteStatus = 'active' | 'expired' | 'used_up' | 'revoked';

export interface Invite {
  code: string;
  createdBy: string;
  createdAt: number;
  maxUses: number | null;
  uses: number;
  expiresAt: number | null;
  revokedAt: number | null;
  status: InviteStatus;
}

export interface InvitePreview {
  workspace: WorkspaceSummary;
  memberCount: number;
}

export interface HistoryPage {
  messages: Message[];
  /** True when messages older than the first one returned exist. */
  hasMore: boolean;
  /**
   * The channel's last event when the page was read. The page shows every change
   * up to it, so a client resumes its socket after this.
   */
  lastSeq: number;
}
