import { For, Show, type JSX } from 'solid-js';
import type { MentionCandidate } from '../lib/mention-query';
import { Avatar } from './avatar';
import { AtIcon } from './icons';

/** The list of people offered while typing "@name" in a composer; the composer drives the keys. */
export function MentionMenu(props: { candidates: MentionCandidate[]; active: number; onPick: (c: MentionCandidate) => void; onHover: (i: number) => void }): JSX.Element {
  return (
    <ul class="mention-menu" role="listbox" aria-label="People to mention" data-testid="mention-menu">
      <For each={props.candidates}>
        {(candidate, i) => (
          <li
            role="option"
            aria-selected={i() === props.active}
            classList={{ active: i() === props.active }}
            data-testid="mention-option"
            // mousedown, not click: the textarea must keep its focus and caret.
            onMouseDown={(e) => {
              e.preventDefault();
              props.onPick(candidate);
            }}
            onMouseEnter={() => props.onHover(i())}
          >
            <Show when={candidate.userId} fallback={<span class="mention-broadcast-icon"><AtIcon size={16} /></span>}>
              {(id) => <Avatar name={candidate.label} seed={id()} size="sm" />}
            </Show>
            <span class="mention-label">{candidate.label}</span>
            <span class="mention-detail">{candidate.detail}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
