import { createSignal, For, Show, type JSX } from 'solid-js';
import type { StatusOverride } from '../../../src/shared/model';
import { notificationPermission, requestNotificationPermission } from '../lib/desktop-notifications';
import type { Gateway } from '../stores/gateway';

const CHOICES: Array<{ value: StatusOverride; label: string; swatch: string; hint: string }> = [
  { value: 'auto', label: 'Automatic', swatch: 'online', hint: 'Active while you use Hearth, away when idle' },
  { value: 'away', label: 'Appear away', swatch: 'away', hint: 'Others see you as away' },
  { value: 'dnd', label: 'Do not disturb', swatch: 'dnd', hint: 'No notifications or sounds' },
];

/** The presence override: automatic, appear away, do not disturb. */
export function StatusChoices(props: { gateway: Gateway; onChosen: () => void }): JSX.Element {
  return (
    <>
      <div class="menu-label">Status</div>
      <For each={CHOICES}>
        {(choice) => (
          <button
            class="menu-item"
            classList={{ selected: props.gateway.state.override === choice.value }}
            role="menuitemradio"
            aria-checked={props.gateway.state.override === choice.value}
            type="button"
            title={choice.hint}
            data-testid={`status-${choice.value}`}
            onClick={() => {
              props.gateway.setOverride(choice.value);
              props.onChosen();
            }}
          >
            <span class="status-label">
              <span class={`status-swatch ${choice.swatch}`} />
              {choice.label}
            </span>
            <Show when={props.gateway.state.override === choice.value}>
              <span class="check">✓</span>
            </Show>
          </button>
        )}
      </For>
    </>
  );
}

/** Asks for the browser's permission to show desktop notifications, and says what they need. */
export function NotificationPermission(): JSX.Element {
  const [permission, setPermission] = createSignal(notificationPermission());
  return (
    <div class="notification-permission">
      <Show
        when={permission() === 'default'}
        fallback={
          <p class="hint">
            {permission() === 'granted'
              ? 'Desktop notifications are on.'
              : permission() === 'denied'
                ? 'Desktop notifications are blocked in this browser’s site settings.'
                : 'This browser cannot show desktop notifications.'}{' '}
            They need Hearth open in a tab or an installed window.
          </p>
        }
      >
        <button class="menu-item" type="button" onClick={async () => setPermission(await requestNotificationPermission())}>
          Enable desktop notifications
        </button>
        <p class="hint">Notifications need Hearth open in a tab or an installed window; nothing is sent through the internet.</p>
      </Show>
    </div>
  );
}
