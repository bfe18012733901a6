import { createEffect, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import type { SocketStatus } from '../api/live-socket';

/** Brief blips are not worth a banner: show it only when a reconnect takes longer than this. */
const SHOW_AFTER_MS = 1500;

export function ConnectionBanner(props: { status: SocketStatus; online: boolean; pending: number; onRetry: () => void }): JSX.Element {
  const [visible, setVisible] = createSignal(false);
  createEffect(() => {
    if (props.status === 'open') {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), props.online ? SHOW_AFTER_MS : 0);
    onCleanup(() => clearTimeout(timer));
  });

  const queued = () => (props.pending > 0 ? ` ${props.pending} unsent ${props.pending === 1 ? 'message' : 'messages'} will go out when it is back.` : '');

  return (
    <Show when={visible()}>
      <div class="banner warning" role="status" data-testid="connection-banner">
        <span>
          {props.online ? 'Connection lost. Reconnecting…' : 'You are offline.'}
          {queued()}
        </span>
        <Show when={props.online}>
          <button class="link-button" type="button" onClick={() => props.onRetry()}>
            Retry now
          </button>
        </Show>
      </div>
    </Show>
  );
}
