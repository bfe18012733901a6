/** Every HTTP call the web app makes, typed by the shared schemas. */
import type { ChangeRoleBody, CreateChannelBody, CreateInviteBody, SignInBody, SignUpBody } from '../../../src/shared/api';
import type {
  Account,
  Channel,
  ChannelReadState,
  HistoryPage,
  InstanceInfo,
  Invite,
  InvitePreview,
  Member,
  Message,
  NotificationLevel,
  SavedItem,
  ThreadPage,
  Workspace,
  WorkspaceSummary,
} from '../../../src/shared/model';
import { api } from './client';

/** A channel member as the @mention autocomplete needs them. */
export type ChannelMember = Pick<Member, 'userId' | 'username' | 'displayName'>;

const ws = (id: string) => `/workspaces/${encodeURIComponent(id)}`;

export const endpoints = {
  instance: () => api<InstanceInfo>('GET', '/instance'),
  session: () => api<{ accounts: Account[] }>('GET', '/session'),
  signUp: (body: SignUpBody) => api<{ account: Account; workspaceId: string | null }>('POST', '/auth/signup', body),
  signIn: (body: SignInBody) => api<{ account: Account }>('POST', '/auth/signin', body),
  signOut: () => api<void>('POST', '/auth/signout', {}),

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
  channelMembers: (id: string, channelId: string) => api<{ members: ChannelMember[] }>('GET', `${ws(id)}/channels/${channelId}/members`),
  notificationSettings: (id: string, channelId: string, body: { level?: NotificationLevel; muted?: boolean }) =>
    api<{ state: ChannelReadState }>('PUT', `${ws(id)}/channels/${channelId}/notifications`, body),
  saved: (id: string) => api<{ items: SavedItem[] }>('GET', `${ws(id)}/saved`),
  save: (id: string, channelId: string, seq: number) => api<unknown>('PUT', `${ws(id)}/channels/${channelId}/messages/${seq}/saved`, {}),
  unsave: (id: string, channelId: string, seq: number) => api<unknown>('DELETE', `${ws(id)}/channels/${channelId}/messages/${seq}/saved`),

  pins: (id: string, channelId: string) => api<{ messages: Message[] }>('GET', `${ws(id)}/channels/${channelId}/pins`),
  edits: (id: string, channelId: string, seq: number) =>
    api<{ edits: { body: string; replacedAt: number }[] }>('GET', `${ws(id)}/channels/${channelId}/messages/${seq}/edits`),

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
