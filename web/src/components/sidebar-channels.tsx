import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Channel, Workspace } from '../../../src/shared/model';
import { ChevronDownIcon, HashIcon, LockIcon, PlusIcon, SearchIcon } from './icons';
import { SidebarLink } from './sidebar-link';

export const channelIcon = (channel: Channel, size = 15) => (channel.kind === 'private' ? <LockIcon size={size - 1} /> : <HashIcon size={size} />);

/** The sidebar's "Channels" section: public and private channels the person is in, archived ones behind a toggle. */
export function SidebarChannels(props: {
  workspace: Workspace;
  activeChannelId?: string;
  onCreate: () => void;
  onBrowse: () => void;
}): JSX.Element {
  const [showArchived, setShowArchived] = createSignal(false);
  const joined = () => props.workspace.channels.filter((c) => c.joined && c.kind !== 'dm');
  const live = () => joined().filter((c) => c.archivedAt === null);
  // The archived channel being read stays in view even with the toggle off.
  const archived = () => joined().filter((c) => c.archivedAt !== null && (showArchived() || c.id === props.activeChannelId));
  const archivedCount = () => joined().filter((c) => c.archivedAt !== null).length;

  const link = (channel: Channel) => (
    <SidebarLink
      href={`/w/${props.workspace.id}/${channel.id}`}
      channel={channel}
      active={channel.id === props.activeChannelId}
      icon={channelIcon(channel)}
      label={channel.name}
      testId="sidebar-channel"
    />
  );

  return (
    <div class="sidebar-group" role="group" aria-label="Channels">
      <div class="sidebar-section">
        <span>Channels</span>
        <button class="icon-button small" type="button" title="Create a channel" aria-label="Create a channel" onClick={() => props.onCreate()}>
          <PlusIcon />
        </button>
      </div>
      <For each={live()}>{link}</For>
      <For each={archived()}>{link}</For>
      <Show when={archivedCount() > 0}>
        <button
          class="channel-link subtle"
          type="button"
          aria-expanded={showArchived()}
          data-testid="toggle-archived"
          onClick={() => setShowArchived(!showArchived())}
        >
          <span class="hash" classList={{ flipped: showArchived() }}>
            <ChevronDownIcon size={15} />
          </span>
          {showArchived() ? 'Hide archived channels' : `Archived channels (${archivedCount()})`}
        </button>
      </Show>
      <button class="channel-link subtle" type="button" onClick={() => props.onBrowse()}>
        <span class="hash">
          <SearchIcon size={15} />
        </span>
        Browse channels
      </button>
    </div>
  );
}
