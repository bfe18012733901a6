import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { NotificationLevel } from '../../../src/shared/model';
import type { Gateway } from '../stores/gateway';
import { BellIcon, BellOffIcon } from './icons';

const LEVELS: Array<{ value: NotificationLevel; label: string }> = [
  { value: 'all', label: 'All new messages' },
  { value: 'mentions', label: 'Mentions only' },
  { value: 'nothing', label: 'Nothing' },
];

/** The channel header's bell: notification level (all / mentions / nothing) and mute. */
export function NotificationMenu(props: { gateway: Gateway; channelId: string; channelName: string }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const state = () => props.gateway.state.channels[props.channelId];
  let root!: HTMLDivElement;

  const closeOnOutsideClick = (event: MouseEvent) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  };
  document.addEventListener('mousedown', closeOnOutsideClick);
  onCleanup(() => document.removeEventListener('mousedown', closeOnOutsideClick));

  const change = async (update: { level?: NotificationLevel; muted?: boolean }) => {
    setError(await props.gateway.setNotifications(props.channelId, update));
  };

  return (
    <div class="pins" ref={root}>
      <button
        class="icon-button"
        type="button"
        title="Notifications"
        aria-label={`Notification settings for #${props.channelName}`}
        aria-expanded={open()}
        data-testid="notification-menu-button"
        onClick={() => setOpen(!open())}
      >
        {state()?.muted ? <BellOffIcon size={18} /> : <BellIcon size={18} />}
      </button>
      <Show when={open() && state()}>
        {(s) => (
          <div class="menu pins-menu notification-menu" role="menu" data-testid="notification-menu">
            <div class="menu-label">Notify me about</div>
            <For each={LEVELS}>
              {(level) => (
                <button
                  class="menu-item"
                  classList={{ selected: s().level === level.value }}
                  role="menuitemradio"
                  aria-checked={s().level === level.value}
                  type="button"
                  onClick={() => void change({ level: level.value })}
                >
                  {level.label}
                  <Show when={s().level === level.value}>
                    <span class="check">✓</span>
                  </Show>
                </button>
              )}
            </For>
            <hr />
            <button class="menu-item" role="menuitemcheckbox" aria-checked={s().muted} type="button" onClick={() => void change({ muted: !s().muted })}>
              {s().muted ? `Unmute #${props.channelName}` : `Mute #${props.channelName}`}
            </button>
            <Show when={error()}>
              <p class="form-error notification-error">{error()}</p>
            </Show>
            <p class="hint notification-hint">
              Desktop notifications and sounds need Hearth open in a browser tab or an installed window. A muted channel stays quiet and
              does not show as unread.
            </p>
          </div>
        )}
      </Show>
    </div>
  );
}
