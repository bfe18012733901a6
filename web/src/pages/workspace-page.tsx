import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { errorMessage } from '../api/client';
import { ChannelSidebar, type SidebarDialog } from '../components/channel-sidebar';
import { ChannelView } from '../components/channel-view';
import { GatewayProvider } from '../components/gateway-provider';
import { WorkspaceDialogs } from '../components/workspace-dialogs';
import { WorkspaceRail } from '../components/workspace-rail';
import { createSavedStore, SavedContext } from '../stores/saved';
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

  const openChannel = (channelId: string, seq?: number) => {
    setDialog(null);
    navigate(`/w/${params.workspaceId}/${channelId}${seq ? `?m=${seq}` : ''}`);
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
            // The gateway and saved list belong to one workspace and account: new ones when either changes.
            <Show when={`${workspace().id}:${session.account()!.id}`} keyed>
              <GatewayProvider
                workspace={workspace()}
                accountId={session.account()!.id}
                viewingChannelId={channel()?.id}
                onOpenChannel={openChannel}
                onChannelsChanged={() => void store.refetch()}
              >
                <SavedProvider workspaceId={workspace().id}>
                  {(saved) => (
                    <>
                      <ChannelSidebar workspace={workspace()} activeChannelId={channel()?.id} onOpenDialog={setDialog} />
                      <main class="main">
                        <Show when={channelKey()} keyed>
                          {(_id) => (
                            <ChannelView workspaceId={workspace().id} channel={channel()!} me={session.account()!} role={workspace().me.role} focusSeq={focusSeq()} />
                          )}
                        </Show>
                      </main>
                      <WorkspaceDialogs dialog={dialog()} workspace={workspace()} store={store} saved={saved} onOpenChannel={openChannel} onSwitch={setDialog} />
                    </>
                  )}
                </SavedProvider>
              </GatewayProvider>
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** The workspace's saved-messages store, for the message toolbars and the saved list. */
function SavedProvider(props: { workspaceId: string; children: (saved: ReturnType<typeof createSavedStore>) => JSX.Element }): JSX.Element {
  const saved = createSavedStore(props.workspaceId);
  return <SavedContext.Provider value={saved}>{props.children(saved)}</SavedContext.Provider>;
}
