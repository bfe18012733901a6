import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Channel } from '../../../../src/shared/model';
import { createAction } from '../../lib/action';
import { FormError } from '../form-error';
import { Modal } from '../modal';

/** The workspace's public channels (private ones are found only by their members); join one or open one you are in. */
export function BrowseChannelsDialog(props: {
  channels: Channel[];
  onJoin: (channelId: string) => Promise<unknown>;
  onOpen: (channelId: string) => void;
  onCreate: () => void;
  onClose: () => void;
}): JSX.Element {
  const [filter, setFilter] = createSignal('');
  const shown = () =>
    props.channels.filter((c) => c.kind === 'public' && c.name.includes(filter().trim().toLowerCase().replace(/^#/, ''))).sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));

  const join = createAction(async (channelId: string) => {
    await props.onJoin(channelId);
    props.onOpen(channelId);
  });

  return (
    <Modal title="Browse channels" onClose={props.onClose} wide testId="browse-channels-dialog">
      <div class="browse-toolbar">
        <input type="search" placeholder="Search channels" aria-label="Search channels" onInput={(e) => setFilter(e.currentTarget.value)} autofocus />
        <button class="button" type="button" onClick={() => props.onCreate()}>
          Create channel
        </button>
      </div>
      <FormError message={join.error()} />
      <ul class="browse-list">
        <For each={shown()} fallback={<li class="hint">No channel matches.</li>}>
          {(channel) => (
            <li class="browse-item" data-testid="browse-item">
              <div>
                <div class="browse-name">
                  <span class="hash">#</span>
                  {channel.name}
                  <Show when={channel.joined}>
                    <span class="badge">Joined</span>
                  </Show>
                  <Show when={channel.archivedAt !== null}>
                    <span class="pill">Archived</span>
                  </Show>
                </div>
                <div class="hint">
                  {channel.memberCount} {channel.memberCount === 1 ? 'member' : 'members'}
                  {channel.topic ? ` · ${channel.topic}` : ''}
                </div>
              </div>
              <Show
                when={channel.joined}
                fallback={
                  <button class="button primary" type="button" disabled={join.busy()} onClick={() => join.run(channel.id)}>
                    Join
                  </button>
                }
              >
                <button class="button" type="button" onClick={() => props.onOpen(channel.id)}>
                  Open
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Modal>
  );
}
