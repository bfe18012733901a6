import { createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { formatFull } from '../lib/format';
import { Avatar } from './avatar';
import { PinIcon } from './icons';

/** The channel header's pin button and the list of pinned messages it opens. */
export function PinsPanel(props: {
  load: () => Promise<Message[]>;
  onJump: (seq: number) => void;
  onUnpin: (seq: number) => void;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [pins, { refetch, mutate }] = createResource(open, () => props.load());
  let root!: HTMLDivElement;

  const closeOnOutsideClick = (event: MouseEvent) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
  };
  document.addEventListener('mousedown', closeOnOutsideClick);
  document.addEventListener('keydown', closeOnEscape);
  onCleanup(() => {
    document.removeEventListener('mousedown', closeOnOutsideClick);
    document.removeEventListener('keydown', closeOnEscape);
  });

  const toggle = () => {
    setOpen(!open());
    if (open()) void refetch();
  };

  return (
    <div class="pins" ref={root}>
      <button class="icon-button" type="button" title="Pinned messages" aria-label="Pinned messages" aria-expanded={open()} onClick={toggle}>
        <PinIcon size={18} />
      </button>
      <Show when={open()}>
        <div class="menu pins-menu" data-testid="pins-panel">
          <div class="menu-label">Pinned messages</div>
          <Show when={(pins() ?? []).length > 0} fallback={<p class="hint pins-empty">{pins.loading ? 'Loading…' : 'Nothing is pinned yet. Pin a message from its toolbar.'}</p>}>
            <ul class="pins-list">
              <For each={pins()}>
                {(message) => (
                  <li class="pin-item">
                    <Avatar name={message.authorName} seed={message.authorId} size="sm" />
                    <button
                      class="pin-body"
                      type="button"
                      title={`Pinned by ${message.pinnedBy} on ${formatFull(message.pinnedAt!)}`}
                      onClick={() => {
                        setOpen(false);
                        props.onJump(message.seq);
                      }}
                    >
                      <span class="reply-author">{message.authorName}</span>
                      <span class="pin-text">{message.body}</span>
                    </button>
                    <button
                      class="link-button"
                      type="button"
                      onClick={() => {
                        props.onUnpin(message.seq);
                        mutate((list) => list?.filter((m) => m.seq !== message.seq));
                      }}
                    >
                      Unpin
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </Show>
    </div>
  );
}
