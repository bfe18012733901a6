import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { errorMessage } from '../api/client';
import { ChannelSidebar, type SidebarDialog } from '../components/channel-sidebar';
import { ChannelView } from '../components/channel-view';
import { BrowseChannelsDialog } from '../components/dialogs/browse-channels-dialog';
import { CreateChannelDialog } from '../components/dialogs/create-channel-dialog';
import { InviteDialog } from '../components/dialogs/invite-dialog';
import { MembersDialog } from '../components/dialogs/members-dialog';
import { WorkspaceRail } from '../components/workspace-rail';
import { useSession } from '../stores/session';
import { createWorkspaceStore } from '../stores/workspace';

/** /w/:workspaceId/:channelId? — the rail, the channel sidebar and the open channel. */
export default function WorkspacePage(): JSX.Element {
  const params = useParams<{ workspaceId: string; channelId?: string }>();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ m?: string }>();
  const focusSeq = () => (search.m && /^\d+$/.test(search.m) ? Number(search.m) : undefined);
  const session = useSession();
  const store = createWorkspaceStore(
    () => params.workspaceId,
    () => session.account()?.id,
  );
  const [dialog, setDialog] = createSignal<SidebarDialog | null>(null);
  // Reading a resource that failed throws its error; the page shows that error below instead.
  const loaded = () => (store.workspace.error ? undefined : store.workspace());

  const channel = createMemo(() => loaded()?.channels.find((c) => c.id === params.channelId && c.joined));
  const channelKey = createMemo(() => channel()?.id);

  // Without a (joined) channel in the address, open #general or the first channel the person is in.
  createEffect(() => {
    const workspace = loaded();
    if (!workspace) return;
    localStorage.setItem('hearth.lastWorkspace', workspace.id);
    if (channel()) return;
    const joined = workspace.channels.filter((c) => c.joined);
    const fallback = joined.find((c) => c.name === 'general') ?? joined[0];
    if (fallback) navigate(`/w/${workspace.id}/${fallback.id}`, { replace: true });
  });

  const openChannel = (channelId: string) => {
    setDialog(null);
    navigate(`/w/${params.workspaceId}/${channelId}`);
  };

  return (
    <div class="workspace-layout">
      <WorkspaceRail activeId={params.workspaceId} />
      <Switch>
        <Match when={store.workspace.error}>
          <main class="workspace-missing">
            <h1>This workspace is not available</h1>
            <p class="hint">{errorMessage(store.workspace.error)}</p>
            <a class="button" href="/home">
              Go to your workspaces
            </a>
          </main>
        </Match>
        <Match when={store.workspace()}>
          {(workspace) => (
            <>
              <ChannelSidebar workspace={workspace()} activeChannelId={channel()?.id} onOpenDialog={setDialog} />
              <main class="main">
                <Show when={channelKey()} keyed>
                  {(_id) => <ChannelView workspaceId={workspace().id} channel={channel()!} me={session.account()!} role={workspace().me.role} focusSeq={focusSeq()} />}
                </Show>
              </main>
              <Switch>
                <Match when={dialog() === 'invite'}>
                  <InviteDialog workspaceId={workspace().id} workspaceName={workspace().name} onClose={() => setDialog(null)} />
                </Match>
                <Match when={dialog() === 'create-channel'}>
                  <CreateChannelDialog onCreate={store.createChannel} onCreated={(c) => openChannel(c.id)} onClose={() => setDialog(null)} />
                </Match>
                <Match when={dialog() === 'browse-channels'}>
                  <BrowseChannelsDialog
                    channels={workspace().channels}
                    onJoin={store.joinChannel}
                    onOpen={openChannel}
                    onCreate={() => setDialog('create-channel')}
                    onClose={() => setDialog(null)}
                  />
                </Match>
                <Match when={dialog() === 'members'}>
                  <MembersDialog
                    workspaceId={workspace().id}
                    members={store.members() ?? []}
                    myRole={workspace().me.role}
                    myId={workspace().me.userId}
                    onChanged={() => void store.refetchMembers()}
                    onClose={() => setDialog(null)}
                  />
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
