import { A } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import { useWorkspaces } from '../stores/workspaces';
import { Avatar } from './avatar';
import { PlusIcon } from './icons';

/** The narrow column of the account's workspaces, like Slack's and Discord's. */
export function WorkspaceRail(props: { activeId: string }): JSX.Element {
  const workspaces = useWorkspaces();
  return (
    <nav class="rail" aria-label="Workspaces">
      <For each={workspaces.list()}>
        {(w) => (
          <A
            href={`/w/${w.id}`}
            class="rail-item"
            classList={{ active: w.id === props.activeId }}
            title={w.name}
            aria-label={w.name}
            aria-current={w.id === props.activeId ? 'page' : undefined}
          >
            <Avatar name={w.name} seed={w.id} size="lg" />
          </A>
        )}
      </For>
      <A href="/home" class="rail-item rail-add" title="Create or join a workspace" aria-label="Create or join a workspace">
        <PlusIcon size={20} />
      </A>
    </nav>
  );
}
