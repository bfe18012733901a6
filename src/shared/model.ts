/** The shapes of things Hearth returns; one definition for worker, objects and web app. */
import type { FileKind } from './files';

export const ROLES = ['owner', 'admin', 'moderator', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const REGISTRATION_MODES = ['open', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** Colours a person may give their name; each is a theme variable readable in light and dark. */
export const NAME_COLORS = ['red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink'] as const;
export type NameColor = (typeof NAME_COLORS)[number];

/** A short status a person sets ("In the lab 🧪"), optionally until a time. */
export interface UserStatus {
  text: string;
  /** One emoji, or null. */
  emoji: string | null;
  /** When it clears by itself; null keeps it until changed. Clients hide an expired status. */
  expiresAt: number | null;
}

/** What a person shows others about themselves; the directory holds it, workspaces keep a copy for their members. */
export interface ProfileFields {
  /** Changes whenever the avatar does; null means initials. The image is at /api/users/:id/avatar?v=<avatarVersion>. */
  avatarVersion: string | null;
  status: UserStatus | null;
  /** null: the theme's default text colour. */
  nameColor: NameColor | null;
}

export interface Account extends ProfileFields {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
}

/** One signed-in device of the caller's account, for "Active sessions". */
export interface SessionInfo {
  /** Opaque; names the session for signing it out. Never the token. */
  id: string;
  userAgent: string;
  address: string;
  createdAt: number;
  lastSeenAt: number;
  /** The session this request came with. */
  current: boolean;
}

/** An account as instance administrators see it in the user list. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: number;
  /** Set while the account is deactivated: it cannot sign in and its sessions are gone. */
  deactivatedAt: number | null;
  /** Newest activity of any of its sessions; null when it has none. */
  lastSeenAt: number | null;
}

/** Instance-wide settings an administrator may change; environment variables give the defaults. */
export interface InstanceSettings {
  name: string;
  registrationMode: RegistrationMode;
}

/** How an account is deleted: `soft` keeps its messages under "Deleted user", `hard` removes them. */
export const ACCOUNT_DELETION_MODES = ['soft', 'hard'] as const;
export type AccountDeletionMode = (typeof ACCOUNT_DELETION_MODES)[number];

/** The name a soft-deleted account's messages show. */
export const DELETED_USER_NAME = 'Deleted user';

export interface InstanceInfo {
  name: string;
  registrationMode: RegistrationMode;
  /** True until the first account exists; that account may always be created and becomes admin. */
  needsFirstAccount: boolean;
}

/** A PlantUML diagram as the operator's server drew it: unsanitized SVG text, for the client to clean before showing. */
export interface PlantUmlDiagram {
  svg: string;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
}

export interface Member extends ProfileFields {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  joinedAt: number;
  /** Set while a moderator's timeout lasts: the member reads but cannot post, react or edit until then. */
  timedOutUntil: number | null;
}

/** A person in a DM, as the sidebar and header name the conversation. */
export interface PersonRef {
  userId: string;
  username: string;
  displayName: string;
}

/**
 * `public`: every workspace member sees and may join it. `private`: only its
 * members know it exists. `dm`: a direct conversation of 2–9 people, fixed at creation.
 */
export const CHANNEL_KINDS = ['public', 'private', 'dm'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Channel {
  id: string;
  kind: ChannelKind;
  /** Empty for DMs: clients name them after `dmMembers`. */
  name: string;
  topic: string;
  createdAt: number;
  createdBy: string;
  memberCount: number;
  /** Whether the caller is a member. */
  joined: boolean;
  /** Set while archived: readable (and searchable) but nobody posts, edits or reacts. */
  archivedAt: number | null;
  /** Minimum seconds between one person's messages; 0 is off. Moderators and above are exempt. */
  slowModeSeconds: number;
  /** For DMs: everyone in it, the caller included. Null for channels. */
  dmMembers: PersonRef[] | null;
  /** The caller hid this DM from the sidebar; it shows again when a new message arrives. */
  hidden: boolean;
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

/** What a system message in a channel records; the channel shows it as a line, not as someone's post. */
export type SystemEvent =
  | { type: 'renamed'; from: string; to: string }
  | { type: 'topic'; topic: string }
  | { type: 'archived' }
  | { type: 'unarchived' }
  | { type: 'slow-mode'; seconds: number }
  | { type: 'added'; userId: string; name: string }
  | { type: 'removed'; userId: string; name: string }
  | { type: 'left' };

/** A small preview image the uploader's browser made for a file, at …/thumbnails/:fileId. */
export interface Thumbnail {
  type: string;
  width: number | null;
  height: number | null;
}

/**
 * A file as messages carry it. The bytes are at
 * /api/workspaces/:workspaceId/channels/:channelId/files/:id (or …/files/:id/:name).
 */
export interface Attachment {
  id: string;
  /** The uploader's name for it, without control and bidirectional-override characters; at most 255 characters. */
  name: string;
  /** In bytes. */
  size: number;
  /** The Content-Type it was uploaded with, normalized; application/octet-stream when none was given. */
  type: string;
  kind: FileKind;
  /** Pixels, as the uploader's browser measured an image or video; null when not given. */
  width: number | null;
  height: number | null;
  thumbnail: Thumbnail | null;
}

/** An upload of the caller's that no message carries yet. */
export interface UploadedFile extends Attachment {
  createdAt: number;
  /** When it is deleted unless a message carries it by then. */
  expiresAt: number;
}

/** A file shared in a channel, as the channel's files view lists it. */
export interface ChannelFile extends Attachment {
  messageSeq: number;
  /** Set when the message is a thread reply: the seq of the thread's root. */
  threadRoot: number | null;
  uploaderId: string;
  uploaderName: string;
  createdAt: number;
}

export interface FilesPage {
  files: ChannelFile[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: string | null;
}

/** A person's file storage and the server's limits, for the client's checks before upload and a quota display. */
export interface StorageUsage {
  /** Bytes of the caller's files (and uploads under way) on this server, in every channel. */
  usedBytes: number;
  quotaBytes: number;
  maxFileBytes: number;
  maxAttachments: number;
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
  /** Set on a system message: what happened (the author is who did it). Nobody edits, reacts to or replies to these. */
  system: SystemEvent | null;
  /** Files sent with the message, in the order the sender gave; empty once the message is deleted. */
  attachments: Attachment[];
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

/** A person barred from the workspace: removed, and refused when they try an invite again. */
export interface Ban {
  userId: string;
  username: string;
  displayName: string;
  bannedBy: string;
  bannedByName: string;
  bannedAt: number;
  reason: string;
}

/** Every moderation action and role change the workspace records (see AuditEntry). */
export const AUDIT_ACTIONS = [
  'member.role',
  'member.remove',
  'member.ban',
  'member.unban',
  'member.timeout',
  'member.timeout_clear',
  'channel.create',
  'channel.rename',
  'channel.topic',
  'channel.archive',
  'channel.unarchive',
  'channel.delete',
  'channel.slow_mode',
  'channel.member_add',
  'channel.member_remove',
  'message.delete',
  'invite.create',
  'invite.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the workspace audit log: who did what to whom, when, from which address. */
export interface AuditEntry {
  id: number;
  at: number;
  action: AuditAction;
  actorId: string;
  actorName: string;
  /** The member, channel or invite acted on, when there is one. */
  targetId: string | null;
  targetName: string | null;
  /** The channel it happened in, for channel and message actions. */
  channelId: string | null;
  /** Action-specific facts: the new role, the timeout's end, the old name, the reason. */
  detail: Record<string, string | number | boolean | null>;
  /** The client address the request came from, as the worker saw it. */
  address: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
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

/** One search result: a message and where it is. */
export interface SearchHit {
  channelId: string;
  /** Empty for a DM, as the API shows DMs. */
  channelName: string;
  channelKind: ChannelKind;
  message: Message;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Pass as `cursor` for the next page; null on the last. */
  next: string | null;
  /** Channels whose older messages are still being indexed, so some hits may be missing. */
  indexing: string[];
  /** The words searched for (exclusions left out), for highlighting. */
  terms: string[];
}
