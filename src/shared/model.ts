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

export interface Message {
  /** The message's id in its channel: the sequence number it was posted at. */
  seq: number;
  /** The sequence number of the message's latest change (its post, edit or delete). */
  updatedSeq: number;
  clientId: string;
  authorId: string;
  authorName: string;
  /** Empty once deleted. */
  body: string;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  /** The seq of the message this one replies to. */
  replyTo: number | null;
  /** Set while the message is pinned to its channel. */
  pinnedAt: number | null;
  pinnedBy: string | null;
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
