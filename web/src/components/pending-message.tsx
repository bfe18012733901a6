import { Show, useContext, type JSX } from 'solid-js';
import { nameColorClass } from '../lib/profile';
import { MembersContext } from '../stores/members';
import type { OutboxEntry } from '../stores/outbox';
import { PersonAvatar } from './avatar';

/** A message in the outbox: "Sending…", or "Not sent" with Retry and Discard. */
export function PendingMessage(props: {
  entry: OutboxEntry;
  me: { id: string; displayName: string };
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}): JSX.Element {
  const failed = () => props.entry.status === 'failed';
  const members = useContext(MembersContext);
  return (
    <li class="message pending" classList={{ failed: failed() }} data-testid="pending-message">
      <PersonAvatar name={props.me.displayName} userId={props.me.id} />
      <div class="message-main">
        <div class="message-meta">
          <span class={`message-author ${nameColorClass(members?.get(props.me.id)?.nameColor)}`}>{props.me.displayName}</span>
          <span class="pending-status">{failed() ? 'Not sent' : 'Sending…'}</span>
        </div>
        <div class="message-body">{props.entry.body}</div>
        <Show when={props.entry.attachments?.length}>
          {(count) => <div class="pending-files hint">{count() === 1 ? '1 file' : `${count()} files`}</div>}
        </Show>
        <Show when={failed()}>
          <div class="pending-actions">
            <span class="form-error">{props.entry.error}</span>
            <button class="link-button" type="button" onClick={() => props.onRetry(props.entry.clientId)}>
              Retry
            </button>
            <button class="link-button" type="button" onClick={() => props.onDiscard(props.entry.clientId)}>
              Discard
            </button>
          </div>
        </Show>
      </div>
    </li>
  );
}
