import { A, useNavigate } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { AccountMenu } from '../components/account-menu';
import { Avatar } from '../components/avatar';
import { Brand } from '../components/brand';
import { FormError } from '../components/form-error';
import { createAction, formFields } from '../lib/action';
import { useWorkspaces } from '../stores/workspaces';

/** Where someone without a workspace lands: create one, or join one with a code. */
export default function HomePage(): JSX.Element {
  const workspaces = useWorkspaces();
  const navigate = useNavigate();
  const create = createAction(async (event: SubmitEvent) => {
    const { workspace, generalChannelId } = await workspaces.create(formFields(event)('name'));
    navigate(`/w/${workspace.id}/${generalChannelId}`);
  });

  function join(event: SubmitEvent) {
    const code = formFields(event)('code').trim();
    if (code) navigate(`/join/${encodeURIComponent(code.toUpperCase())}`);
  }

  return (
    <main class="home-page">
      <header class="home-header">
        <Brand />
        <AccountMenu placement="down" />
      </header>
      <div class="home-grid">
        <Show when={(workspaces.list() ?? []).length > 0}>
          <section class="card">
            <h2>Your workspaces</h2>
            <ul class="workspace-list">
              <For each={workspaces.list()}>
                {(w) => (
                  <li>
                    <A href={`/w/${w.id}`} class="workspace-link">
                      <Avatar name={w.name} seed={w.id} />
                      <span>{w.name}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
        <section class="card">
          <h2>Create a workspace</h2>
          <p class="hint">A workspace is where a team talks. It starts with a #general channel.</p>
          <form class="form" onSubmit={create.run}>
            <label>
              Workspace name
              <input name="name" required maxLength={LIMITS.workspaceNameMax} placeholder="e.g. Engineering" />
            </label>
            <FormError message={create.error()} />
            <button class="button primary" type="submit" disabled={create.busy()}>
              Create workspace
            </button>
          </form>
        </section>
        <section class="card">
          <h2>Join with an invite code</h2>
          <p class="hint">Ask someone in the workspace for a code.</p>
          <form class="form" onSubmit={join}>
            <label>
              Invite code
              <input name="code" required autocomplete="off" placeholder="e.g. K7QM2XPA9D" class="code-input" />
            </label>
            <button class="button" type="submit">
              Continue
            </button>
          </form>
        </section>
      </div>
    </main>
  );
}
