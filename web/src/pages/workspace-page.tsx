import { useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Match, on, Show, Switch, type JSX } from 'solid-js';
import { errorMessage } from '../api/client';
import { AccessLost, type AccessLoss } from '../components/access-lost';
import { WorkspaceRail } from '../components/workspace-rail';
import { WorkspaceShell } from '../components/workspace-shell';
import { useSession } from '../stores/session';
import { createWorkspaceStore } from '../stores/workspace';
import { useWorkspaces } from '../stores/workspaces';

/** /w/:workspaceId/:channelId? — the rail, the channel sidebar and the open conversation. */
export default function WorkspacePage(): JSX.Element {
  const params = useParams<{ workspaceId: string; channelId?: string }>();
  const [search] = useSearchParams<{ m?: string }>();
  const focusSeq = () => (search.m && /^\d+$/.test(search.m) ? Number(search.m) : undefined);
  const session = useSession();
  const workspaces = useWorkspaces();
  const store = createWorkspaceStore(
    () => params.workspaceId,
    () => session.account()?.id,
  );
  const [lost, setLost] = createSignal<AccessLoss | null>(null);
  createEffect(on(() => [params.workspaceId, session.account()?.id], () => setLost(null), { defer: true }));

  const loseWorkspace = (loss: Omit<AccessLoss, 'workspaceName'>) => {
    setLost({ ...loss, workspaceName: store.workspace()?.name ?? 'this workspace' });
    void workspaces.refetch();
  };

  return (
    <div class="workspace-layout">
      <WorkspaceRail activeId={params.workspaceId} />
      <Switch>
        <Match when={lost()}>{(loss) => <AccessLost loss={loss()} />}</Match>
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
            // Everything live belongs to one workspace and account: new ones when either changes.
            <Show when={`${workspace().id}:${session.account()!.id}`} keyed>
              <WorkspaceShell
                workspace={workspace()}
                store={store}
                account={session.account()!}
                channelId={params.channelId}
                focusSeq={focusSeq()}
                onAccessLost={(reason, message) => loseWorkspace({ reason, message })}
              />
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}
