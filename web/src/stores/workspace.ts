import { createResource, onCleanup } from 'solid-js';
import type { CreateChannelBody } from '../../../src/shared/api';
import type { Channel } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

/** One open workspace: its channels, the caller's membership, its members. */
export function createWorkspaceStore(workspaceId: () => string, accountId: () => string | undefined) {
  const key = () => {
    const account = accountId();
    return account ? { workspaceId: workspaceId(), account } : undefined;
  };
  const [workspace, { refetch, mutate }] = createResource(key, async (k) => (await endpoints.workspace(k.workspaceId)).workspace);
  const [members, { refetch: refetchMembers }] = createResource(key, async (k) => (await endpoints.members(k.workspaceId)).members);

  const replaceChannel = (channel: Channel) =>
    mutate((w) => w && { ...w, channels: [...w.channels.filter((c) => c.id !== channel.id), channel].sort((a, b) => a.name.localeCompare(b.name)) });

  async function createChannel(input: Partial<CreateChannelBody> & { name: string }) {
    const { channel } = await endpoints.createChannel(workspaceId(), input);
    replaceChannel(channel);
    return channel;
  }

  async function joinChannel(channelId: string) {
    const { channel } = await endpoints.joinChannel(workspaceId(), channelId);
    replaceChannel(channel);
    return channel;
  }

  async function refreshChannels() {
    const { channels } = await endpoints.channels(workspaceId());
    mutate((w) => w && { ...w, channels });
  }

  // The gateway pushes channel list changes; member list changes are not pushed yet, so catch up when the tab is shown again.
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || !key()) return;
    void refetch();
    void refetchMembers();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));

  return { workspace, members, refetch, refetchMembers, createChannel, joinChannel, refreshChannels };
}
