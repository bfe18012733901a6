import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { Channel } from '../../../src/shared/model';
import { isUnread, useGateway } from '../stores/gateway';
import { BellOffIcon } from './icons';

/** One conversation in the sidebar: its icon and name, bold when unread, with a mention count. */
export function SidebarLink(props: {
  href: string;
  channel: Channel;
  active: boolean;
  icon: JSX.Element;
  label: string;
  /** Shown after the name (a member count); hidden behind the badges. */
  trailing?: JSX.Element;
  onContextMenu?: (event: MouseEvent) => void;
  testId: string;
}): JSX.Element {
  const gateway = useGateway();
  const state = () => gateway?.state.channels[props.channel.id];
  const unread = () => isUnread(state());
  return (
    <A
      href={props.href}
      class="channel-link"
      classList={{
        active: props.active,
        unread: !props.active && unread() && !state()?.muted,
        muted: !!state()?.muted,
        archived: props.channel.archivedAt !== null,
      }}
      data-unread={unread() ? 'true' : undefined}
      data-testid={props.testId}
      data-channel-id={props.channel.id}
      aria-current={props.active ? 'page' : undefined}
      onContextMenu={(e) => props.onContextMenu?.(e)}
    >
      <span class="hash">{props.icon}</span>
      <span class="channel-link-name">{props.label}</span>
      {props.trailing}
      <Show when={state()?.muted}>
        <span class="muted-icon" title="Muted">
          <BellOffIcon size={13} />
        </span>
      </Show>
      <Show when={state()?.mentionCount}>
        {(count) => (
          <span class="mention-badge" data-testid="mention-badge" aria-label={`${count()} ${count() === 1 ? 'mention' : 'mentions'}`}>
            {count()}
          </span>
        )}
      </Show>
    </A>
  );
}
