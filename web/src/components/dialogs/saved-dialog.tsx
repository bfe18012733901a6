import { For, onMount, Show, type JSX } from 'solid-js';
import { formatFull } from '../../lib/format';
import type { SavedStore } from '../../stores/saved';
import { Avatar } from '../avatar';
import { Modal } from '../modal';

/** The person's saved messages, newest saved first; a click opens the message in its channel. */
export function SavedDialog(props: { saved: SavedStore; onOpen: (channelId: string, seq: number) => void; onClose: () => void }): JSX.Element {
  onMount(() => void props.saved.refetch());
  const items = () => props.saved.items() ?? [];
  return (
    <Modal title="Saved for later" onClose={props.onClose} wide testId="saved-dialog">
      <Show
        when={items().length > 0}
        fallback={<p class="hint">{props.saved.items.loading ? 'Loading…' : 'Nothing saved yet. Save a message from its toolbar to find it here.'}</p>}
      >
        <ul class="saved-list">
          <For each={items()}>
            {(item) => (
              <li>
                <button class="saved-item" type="button" onClick={() => props.onOpen(item.channelId, item.message.seq)} data-testid="saved-item">
                  <Avatar name={item.message.authorName} seed={item.message.authorId} size="sm" />
                  <span class="saved-main">
                    <span class="saved-meta">
                      <strong>{item.message.authorName}</strong> in #{item.channelName}
                      <time title={formatFull(item.message.createdAt)}>{formatFull(item.message.createdAt)}</time>
                    </span>
                    <span class="saved-text">{item.message.deletedAt ? 'This message was deleted.' : item.message.body}</span>
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Modal>
  );
}
