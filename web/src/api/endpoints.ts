/** Every HTTP call the web app makes, typed by the shared schemas. */
import type {
  AuditQuery,
  BanBody,
  ChangePasswordBody,
  ChangeRoleBody,
  CreateChannelBody,
  CreateInviteBody,
  DeleteAccountBody,
  SignInBody,
  SignUpBody,
  TimeoutBody,
  UpdateChannelBody,
  UpdateInstanceSettingsBody,
  UpdateProfileBody,
} from '../../../src/shared/api';
import type {
  Account,
  AdminUser,
  AuditPage,
  Ban,
  Channel,
  ChannelReadState,
  FilesPage,
  StorageUsage,
  UploadedFile,
  HistoryPage,
  InstanceInfo,
  Invite,
  InvitePreview,
  Member,
  Message,
  NotificationLevel,
  SavedItem,
  SearchPage,
  SessionInfo,
  ThreadPage,
  Workspace,
  WorkspaceSummary,
} from '../../../src/shared/model';
import { api } from './client';

/** A channel member as the @mention autocomplete needs them. */
export type ChannelMember = Pick<Member, 'userId' | 'username' | 'displayName'>;

const ws = (id: string) => `/workspaces/${encodeURIComponent(id)}`;
const ch = (id: string, channelId: string) => `${ws(id)}/channels/${channelId}`;

function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return defined.length ? `?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : '';
}

/** Where an avatar image is served; the version in the query makes it cacheable forever. */
export function avatarUrl(userId: string, version: string): string {
  return `/api/users/${encodeURIComponent(userId)}/avatar?v=${encodeURIComponent(version)}`;
}

export const endpoints = {
  instance: () => api<InstanceInfo>('GET', '/instance'),
  session: () => api<{ accounts: Account[] }>('GET', '/session'),
  signUp: (body: SignUpBody) => api<{ account: Account; workspaceId: string | null }>('POST', '/auth/signup', body),
  signIn: (body: SignInBody) => api<{ account: Account }>('POST', '/auth/signin', body),
  signOut: () => api<void>('POST', '/auth/signout', {}),

  account: () => api<{ account: Account }>('GET', '/account'),
  updateProfile: (body: UpdateProfileBody) => api<{ account: Account }>('PATCH', '/account/profile', body),
  /** The image is already resized to a square in the browser (see LIMITS.avatarPixels). */
  uploadAvatar: (image: Blob) => api<{ account: Account }>('PUT', '/account/avatar', image),
  removeAvatar: () => api<{ account: Account }>('DELETE', '/account/avatar'),
  changePassword: (body: ChangePasswordBody) => api<void>('PUT', '/account/password', body),
  accountSessions: () => api<{ sessions: SessionInfo[] }>('GET', '/account/sessions'),
  endSession: (sessionId: string) => api<void>('DELETE', `/account/sessions/${encodeURIComponent(sessionId)}`),
  /** Signs out every session of the account but this one. */
  endOtherSessions: () => api<void>('DELETE', '/account/sessions'),
  deleteAccount: (body: DeleteAccountBody) => api<void>('DELETE', '/account', body),

  updateInstance: (body: UpdateInstanceSettingsBody) => api<InstanceInfo>('PATCH', '/instance', body),
  adminUsers: () => api<{ users: AdminUser[] }>('GET', '/admin/users'),
  setInstanceAdmin: (userId: string, isAdmin: boolean) =>
    api<{ user: AdminUser }>(isAdmin ? 'PUT' : 'DELETE', `/admin/users/${userId}/admin`, isAdmin ? {} : undefined),
  setDeactivated: (userId: string, deactivated: boolean) =>
    api<{ user: AdminUser }>(deactivated ? 'PUT' : 'DELETE', `/admin/users/${userId}/deactivated`, deactivated ? {} : undefined),

  workspaces: () => api<{ workspaces: WorkspaceSummary[] }>('GET', '/workspaces'),
  createWorkspace: (name: string) =>
    api<{ workspace: WorkspaceSummary; generalChannelId: string }>('POST', '/workspaces', { name }),
  workspace: (id: string) => api<{ workspace: Workspace }>('GET', ws(id)),
  members: (id: string) => api<{ members: Member[] }>('GET', `${ws(id)}/members`),
  changeRole: (id: string, userId: string, body: ChangeRoleBody) =>
    api<{ member: Member }>('PATCH', `${ws(id)}/members/${userId}`, body),

  channels: (id: string) => api<{ channels: Channel[] }>('GET', `${ws(id)}/channels`),
  createChannel: (id: string, body: Partial<CreateChannelBody> & { name: string }) =>
    api<{ channel: Channel }>('POST', `${ws(id)}/channels`, body),
  joinChannel: (id: string, channelId: string) => api<{ channel: Channel }>('POST', `${ws(id)}/channels/${channelId}/members`, {}),
  history: (id: string, channelId: string, before?: number) =>
    api<HistoryPage>('GET', `${ws(id)}/channels/${channelId}/messages${before ? `?before=${before}` : ''}`),

  message: (id: string, channelId: string, seq: number) =>
    api<{ message: Message }>('GET', `${ws(id)}/channels/${channelId}/messages/${seq}`),

  thread: (id: string, channelId: string, seq: number) =>
    api<ThreadPage>('GET', `${ws(id)}/channels/${channelId}/messages/${seq}/thread`),
  channelMembers: (id: string, channelId: string) => api<{ members: Member[] }>('GET', `${ch(id, channelId)}/members`),
  channel: (id: string, channelId: string) => api<{ channel: Channel }>('GET', ch(id, channelId)),
  updateChannel: (id: string, channelId: string, body: UpdateChannelBody) => api<{ channel: Channel }>('PATCH', ch(id, channelId), body),
  deleteChannel: (id: string, channelId: string, confirmName: string) => api<void>('DELETE', ch(id, channelId), { confirmName }),
  archiveChannel: (id: string, channelId: string, archived: boolean) =>
    api<{ channel: Channel }>(archived ? 'PUT' : 'DELETE', `${ch(id, channelId)}/archived`, archived ? {} : undefined),
  setSlowMode: (id: string, channelId: string, seconds: number) =>
    api<{ channel: Channel }>('PUT', `${ch(id, channelId)}/slow-mode`, { seconds }),
  /** Hides a DM from the sidebar (it returns with the next message) or shows it again. */
  setHidden: (id: string, channelId: string, hidden: boolean) =>
    api<{ channel: Channel }>(hidden ? 'PUT' : 'DELETE', `${ch(id, channelId)}/hidden`, hidden ? {} : undefined),
  addChannelMember: (id: string, channelId: string, userId: string) =>
    api<{ channel: Channel }>('PUT', `${ch(id, channelId)}/members/${userId}`, {}),
  /** Removes someone from a channel; your own id leaves it. */
  removeChannelMember: (id: string, channelId: string, userId: string) => api<void>('DELETE', `${ch(id, channelId)}/members/${userId}`),
  openDm: (id: string, userIds: string[]) => api<{ channel: Channel }>('POST', `${ws(id)}/dms`, { userIds }),

  member: (id: string, userId: string) => api<{ member: Member }>('GET', `${ws(id)}/members/${userId}`),
  timeOut: (id: string, userId: string, body: Partial<TimeoutBody> & { seconds: number }) =>
    api<{ member: Member }>('PUT', `${ws(id)}/members/${userId}/timeout`, body),
  clearTimeout: (id: string, userId: string) => api<{ member: Member }>('DELETE', `${ws(id)}/members/${userId}/timeout`),
  /** Removes a member from the workspace; your own id leaves it. */
  removeMember: (id: string, userId: string) => api<void>('DELETE', `${ws(id)}/members/${userId}`),
  bans: (id: string) => api<{ bans: Ban[] }>('GET', `${ws(id)}/bans`),
  ban: (id: string, userId: string, body: Partial<BanBody>) => api<{ ban: Ban }>('PUT', `${ws(id)}/bans/${userId}`, body),
  unban: (id: string, userId: string) => api<void>('DELETE', `${ws(id)}/bans/${userId}`),
  audit: (id: string, filter: Partial<AuditQuery>) => api<AuditPage>('GET', `${ws(id)}/audit${query(filter)}`),
  notificationSettings: (id: string, channelId: string, body: { level?: NotificationLevel; muted?: boolean }) =>
    api<{ state: ChannelReadState }>('PUT', `${ws(id)}/channels/${channelId}/notifications`, body),
  search: (id: string, params: { q: string; sort: 'newest' | 'relevance'; tz: string; cursor?: string }) =>
    api<SearchPage>('GET', `${ws(id)}/search?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))}`),
  saved: (id: string) => api<{ items: SavedItem[] }>('GET', `${ws(id)}/saved`),
  save: (id: string, channelId: string, seq: number) => api<unknown>('PUT', `${ws(id)}/channels/${channelId}/messages/${seq}/saved`, {}),
  unsave: (id: string, channelId: string, seq: number) => api<unknown>('DELETE', `${ws(id)}/channels/${channelId}/messages/${seq}/saved`),

  pins: (id: string, channelId: string) => api<{ messages: Message[] }>('GET', `${ws(id)}/channels/${channelId}/pins`),
  edits: (id: string, channelId: string, seq: number) =>
    api<{ edits: { body: string; replacedAt: number }[] }>('GET', `${ws(id)}/channels/${channelId}/messages/${seq}/edits`),

  storage: () => api<{ storage: StorageUsage }>('GET', '/account/storage'),
  /** The channel's shared files, newest message first. */
  files: (id: string, channelId: string, filter: { kind?: string; before?: string; limit?: number }) =>
    api<FilesPage>('GET', `${ch(id, channelId)}/files${query(filter)}`),
  /** Removes an upload not sent yet (taken out of the composer). */
  deleteUpload: (id: string, channelId: string, fileId: string) => api<void>('DELETE', `${ch(id, channelId)}/files/${fileId}`),
  /** A thumbnail made in the browser, for the caller's own upload before it is sent. */
  uploadThumbnail: (id: string, channelId: string, fileId: string, image: Blob) =>
    api<{ file: UploadedFile }>('PUT', `${ch(id, channelId)}/thumbnails/${fileId}`, image),

  invites: (id: string) => api<{ invites: Invite[] }>('GET', `${ws(id)}/invites`),
  createInvite: (id: string, body: Partial<CreateInviteBody>) => api<{ invite: Invite }>('POST', `${ws(id)}/invites`, body),
  revokeInvite: (id: string, code: string) => api<{ invite: Invite }>('DELETE', `${ws(id)}/invites/${code}`),
  previewInvite: (code: string) => api<InvitePreview>('GET', `/invites/${encodeURIComponent(code)}`),
  redeemInvite: (code: string) =>
    api<{ workspaceId: string; alreadyMember: boolean }>('POST', `/invites/${encodeURIComponent(code)}/redemptions`, {}),
};

function socketUrl(path: string, query: Record<string, string>) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api${path}?${new URLSearchParams(query)}`;
}

export function channelSocketUrl(workspaceId: string, channelId: string, accountId: string, after: number, protocol: number) {
  return socketUrl(`${ws(workspaceId)}/channels/${channelId}/socket`, { account: accountId, after: String(after), protocol: String(protocol) });
}

export function gatewaySocketUrl(workspaceId: string, accountId: string, protocol: number) {
  return socketUrl(`${ws(workspaceId)}/gateway`, { account: accountId, protocol: String(protocol) });
}
