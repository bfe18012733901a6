import { Show, type JSX } from 'solid-js';
import { describeTyping } from '../stores/typing';

/** "Ana is typing…" under a composer; keeps its height when empty so nothing jumps. */
export function TypingLine(props: { names: string[] }): JSX.Element {
  return (
    <div class="typing-line" aria-live="polite" data-testid="typing-line">
      <Show when={props.names.length > 0}>
        <span class="typing-dots" aria-hidden="true">
          <i />
          <i />
          <i />
        </span>
        <span>{describeTyping(props.names)}</span>
      </Show>
    </div>
  );
}
