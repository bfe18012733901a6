import { Match, Switch, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import type { SavedStore } from '../stores/saved';
import type { WorkspaceStore } from '../stores/workspace';
import type { SidebarDialog } from './channel-sidebar';
import { AuditLogDialog } from './dialogs/audit-log-dialog';
import { BrowseChannelsDialog } from './dialogs/browse-channels-dialog';
import { ConfirmDialog } from './dialogs/confirm-dialog';
import { CreateChannelDialog } from './dialogs/create-channel-dialog';
import { InviteDialog } from './dialogs/invite-dialog';
import { MembersDialog } from './dialogs/members-dialog';
import { NewDmDialog } from './dialogs/new-dm-dialog';
import { SavedDialog } from './dialogs/saved-dialog';
import { SearchDialog } from './dialogs/search-dialog';

/** Whichever of the workspace's dialogs the sidebar opened. */
export function WorkspaceDialogs(props: {
  dialog: SidebarDialog | null;
  workspace: Workspace;
  store: WorkspaceStore;
  saved: SavedStore;
  myId: string;
  onOpenChannel: (channelId: string, seq?: number) => void;
  onSwitch: (dialog: SidebarDialog | null) => void;
  onLeftWorkspace: () => void;
}): JSX.Element {
  const close = () => props.onSwitch(null);
  return (
    <Switch>
      <Match when={props.dialog === 'invite'}>
        <InviteDialog workspaceId={props.workspace.id} workspaceName={props.workspace.name} onClose={close} />
      </Match>
      <Match when={props.dialog === 'create-channel'}>
        <CreateChannelDialog onCreate={props.store.createChannel} onCreated={(c) => props.onOpenChannel(c.id)} onClose={close} />
      </Match>
      <Match when={props.dialog === 'browse-channels'}>
        <BrowseChannelsDialog
          channels={props.workspace.channels}
          onJoin={props.store.joinChannel}
          onOpen={(id) => props.onOpenChannel(id)}
          onCreate={() => props.onSwitch('create-channel')}
          onClose={close}
        />
      </Match>
      <Match when={props.dialog === 'members'}>
        <MembersDialog workspaceId={props.workspace.id} workspaceName={props.workspace.name} myRole={props.workspace.me.role} onClose={close} />
      </Match>
      <Match when={props.dialog === 'saved'}>
        <SavedDialog saved={props.saved} onOpen={(channelId, seq) => props.onOpenChannel(channelId, seq)} onClose={close} />
      </Match>
      <Match when={props.dialog === 'search'}>
        <SearchDialog
          workspaceId={props.workspace.id}
          channels={props.workspace.channels}
          myId={props.myId}
          onOpen={(channelId, seq) => props.onOpenChannel(channelId, seq)}
          onClose={close}
        />
      </Match>
      <Match when={props.dialog === 'new-dm'}>
        <NewDmDialog onClose={close} />
      </Match>
      <Match when={props.dialog === 'audit-log'}>
        <AuditLogDialog workspaceId={props.workspace.id} channels={props.workspace.channels} onClose={close} />
      </Match>
      <Match when={props.dialog === 'leave-workspace'}>
        <ConfirmDialog
          title={`Leave ${props.workspace.name}?`}
          confirmLabel="Leave workspace"
          danger
          testId="leave-workspace-dialog"
          onConfirm={async () => {
            await endpoints.removeMember(props.workspace.id, props.workspace.me.userId);
            props.onLeftWorkspace();
          }}
          onClose={close}
        >
          <p class="hint">You will no longer see its channels or messages. To come back you need a new invite.</p>
        </ConfirmDialog>
      </Match>
    </Switch>
  );
}
