import { createSignal, Show, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import { allows, can } from '../../../src/shared/permissions';
import { dismissOnOutside } from '../lib/dismiss';
import type { SidebarDialog } from './channel-sidebar';
import { ChevronDownIcon } from './icons';

/** The workspace's name atop the sidebar, opening its menu: invite, members, channels, audit log, leave. */
export function WorkspaceMenu(props: { workspace: Workspace; onOpenDialog: (dialog: SidebarDialog) => void }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  dismissOnOutside(() => root, () => setOpen(false));
  const role = () => props.workspace.me.role;
  const choose = (dialog: SidebarDialog) => {
    setOpen(false);
    props.onOpenDialog(dialog);
  };
  const item = (dialog: SidebarDialog, label: string, danger = false) => (
    <button class="menu-item" classList={{ danger }} role="menuitem" type="button" onClick={() => choose(dialog)}>
      {label}
    </button>
  );

  return (
    <div class="sidebar-header" ref={root}>
      <button class="workspace-name" type="button" aria-haspopup="menu" aria-expanded={open()} onClick={() => setOpen(!open())}>
        <span>{props.workspace.name}</span>
        <ChevronDownIcon />
      </button>
      <Show when={open()}>
        <div class="menu" role="menu">
          <Show when={can.manageInvites(role())}>{item('invite', 'Invite people')}</Show>
          {item('members', 'Members')}
          {item('browse-channels', 'Browse channels')}
          {item('create-channel', 'Create a channel')}
          {item('new-dm', 'New message')}
          <Show when={allows(role(), 'readAuditLog')}>{item('audit-log', 'Audit log')}</Show>
          <Show when={role() !== 'owner'}>
            <hr />
            {item('leave-workspace', `Leave ${props.workspace.name}`, true)}
          </Show>
        </div>
      </Show>
    </div>
  );
}
