import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, Match, Show, Switch, type JSX } from 'solid-js';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import { Avatar } from '../components/avatar';
import { Brand } from '../components/brand';
import { FormError } from '../components/form-error';
import { createAction } from '../lib/action';
import { useSession } from '../stores/session';
import { useWorkspaces } from '../stores/workspaces';

/** /join/:code — shows which workspace an invite leads to, then joins it. */
export default function JoinPage(): JSX.Element {
  const params = useParams<{ code: string }>();
  const navigate = useNavigate();
  const session = useSession();
  const workspaces = useWorkspaces();
  const code = () => params.code.trim().toUpperCase();
  const [preview] = createResource(code, (c) => endpoints.previewInvite(c));
  const here = () => encodeURIComponent(`/join/${code()}`);

  const join = createAction(async () => {
    const { workspaceId } = await workspaces.join(code());
    navigate(`/w/${workspaceId}`, { replace: true });
  });

  return (
    <main class="auth-page">
      <div class="auth-card" data-testid="join-card">
        <Brand />
        <Switch>
          <Match when={preview.loading}>
            <p class="hint">Checking the invite…</p>
          </Match>
          <Match when={preview.error}>
            <h1>This invite cannot be used</h1>
            <FormError message={errorMessage(preview.error)} />
            <A class="button" href="/">
              Go to Hearth
            </A>
          </Match>
          <Match when={preview()}>
            {(p) => (
              <>
                <p class="hint">You have been invited to join</p>
                <div class="invite-target">
                  <Avatar name={p().workspace.name} seed={p().workspace.id} size="lg" />
                  <h1>{p().workspace.name}</h1>
                  <p class="hint">
                    {p().memberCount} {p().memberCount === 1 ? 'member' : 'members'}
                  </p>
                </div>
                <FormError message={join.error()} />
                <Show
                  when={session.account()}
                  fallback={
                    <div class="stack">
                      <A class="button primary" href={`/signup?invite=${code()}&next=${here()}`}>
                        Create an account to join
                      </A>
                      <A class="button" href={`/signin?next=${here()}`}>
                        I have an account
                      </A>
                    </div>
                  }
                >
                  <button class="button primary" type="button" disabled={join.busy()} onClick={() => join.run()}>
                    Join as {session.account()!.displayName}
                  </button>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </main>
  );
}
