import { createResource, onCleanup } from 'solid-js';
import type { CreateChannelBody } from '../../../src/shared/api';
import type { Channel, Member } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

const byName = (a: Channel, b: Channel) => a.name.localeCompare(b.name);

/** One open workspace: its channels and DMs, and the caller's membership. Members live in the members store. */
export function createWorkspaceStore(workspaceId: () => string, accountId: () => string | undefined) {
  const key = () => {
    const account = accountId();
    return account ? { workspaceId: workspaceId(), account } : undefined;
  };
  const [workspace, { refetch, mutate }] = createResource(key, async (k) => (await endpoints.workspace(k.workspaceId)).workspace);

  const replaceChannel = (channel: Channel) =>
    mutate((w) => w && { ...w, channels: [...w.channels.filter((c) => c.id !== channel.id), channel].sort(byName) });

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

  /** Opens the DM with these people (creating it the first time) and shows it in the sidebar even if it was closed. */
  async function openDm(userIds: string[]) {
    let { channel } = await endpoints.openDm(workspaceId(), userIds);
    if (channel.hidden) ({ channel } = await endpoints.setHidden(workspaceId(), channel.id, false));
    replaceChannel(channel);
    return channel;
  }

  /** "Close conversation": the DM leaves the sidebar until its next message. */
  async function hideDm(channelId: string) {
    const { channel } = await endpoints.setHidden(workspaceId(), channelId, true);
    replaceChannel(channel);
  }

  /** The caller's own membership changed (role, timeout, profile), pushed by the gateway. */
  const applyMe = (me: Member) => mutate((w) => w && { ...w, me });

  // The gateway pushes changes while connected; catch up when the tab is shown again in case a reconnect missed some.
  const onVisible = () => {
    if (document.visibilityState === 'visible' && key()) void refetch();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));

  return { workspace, refetch, replaceChannel, createChannel, joinChannel, refreshChannels, openDm, hideDm, applyMe };
}
