import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import { can } from '../../../src/shared/permissions';
import { AccountMenu } from './account-menu';
import { ChevronDownIcon, HashIcon, PlusIcon, SearchIcon, UserPlusIcon } from './icons';

export type SidebarDialog = 'invite' | 'create-channel' | 'browse-channels' | 'members';

/** The workspace's name with its menu, the channels the person is in, and their account. */
export function ChannelSidebar(props: {
  workspace: Workspace;
  activeChannelId?: string;
  onOpenDialog: (dialog: SidebarDialog) => void;
}): JSX.Element {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const joined = () => props.workspace.channels.filter((c) => c.joined);
  const role = () => props.workspace.me.role;
  const open = (dialog: SidebarDialog) => {
    setMenuOpen(false);
    props.onOpenDialog(dialog);
  };

  return (
    <aside class="sidebar">
      <div class="sidebar-header">
        <button
          class="workspace-name"
          type="button"
          aria-haspopup="menu"
          aria-expanded={menuOpen()}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <span>{props.workspace.name}</span>
          <ChevronDownIcon />
        </button>
        <Show when={menuOpen()}>
          <div class="menu" role="menu">
            <Show when={can.manageInvites(role())}>
              <button class="menu-item" role="menuitem" type="button" onClick={() => open('invite')}>
                Invite people
              </button>
            </Show>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('members')}>
              Members
            </button>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('browse-channels')}>
              Browse channels
            </button>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('create-channel')}>
              Create a channel
            </button>
          </div>
        </Show>
      </div>
      <nav class="sidebar-scroll" aria-label="Channels">
        <div class="sidebar-section">
          <span>Channels</span>
          <button class="icon-button small" type="button" title="Create a channel" aria-label="Create a channel" onClick={() => open('create-channel')}>
            <PlusIcon />
          </button>
        </div>
        <For each={joined()}>
          {(channel) => (
            <A
              href={`/w/${props.workspace.id}/${channel.id}`}
              class="channel-link"
              classList={{ active: channel.id === props.activeChannelId }}
              aria-current={channel.id === props.activeChannelId ? 'page' : undefined}
            >
              <span class="hash">
                <HashIcon size={15} />
              </span>
              {channel.name}
            </A>
          )}
        </For>
        <button class="channel-link subtle" type="button" onClick={() => open('browse-channels')}>
          <span class="hash">
            <SearchIcon size={15} />
          </span>
          Browse channels
        </button>
        <Show when={can.manageInvites(role())}>
          <button class="channel-link subtle" type="button" onClick={() => open('invite')}>
            <span class="hash">
              <UserPlusIcon size={15} />
            </span>
            Invite people
          </button>
        </Show>
      </nav>
      <div class="sidebar-footer">
        <AccountMenu placement="up" />
      </div>
    </aside>
  );
}
