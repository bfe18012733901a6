import { For, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { mentionSegments } from '../lib/mention-segments';

/** A message's text with its resolved mentions drawn as chips; yours stand out. */
export function MessageText(props: { message: Message; myId: string }): JSX.Element {
  const segments = () => mentionSegments(props.message.body, props.message.mentions, props.message.broadcasts);
  return (
    <span data-testid="message-body">
      <For each={segments()}>
        {(segment) => (
          <Show when={'mention' in segment && segment.mention} fallback={segment.text}>
            {(mention) => (
              <span class="mention" classList={{ me: mention().broadcast || mention().userId === props.myId }} data-testid="mention">
                {segment.text}
              </span>
            )}
          </Show>
        )}
      </For>
    </span>
  );
}

/** Whether a message calls on this person: by name, or @channel/@everyone/@here. Never their own. */
export function mentionsMe(message: Message, myId: string): boolean {
  if (message.authorId === myId || message.deletedAt !== null) return false;
  return message.broadcasts.length > 0 || message.mentions.some((m) => m.userId === myId);
}
