import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Reaction } from '../../../src/shared/model';
import { recordEmojiUse } from '../lib/emoji';
import { listNames } from '../lib/format';
import { EmojiPopover } from './emoji-popover';
import { SmileIcon } from './icons';

/** The reactions under a message: one chip per emoji with its count; a click toggles yours. */
export function Reactions(props: {
  reactions: Reaction[];
  myId: string;
  onToggle: (emoji: string, on: boolean) => void;
  /** Shown but not changeable (an archived channel, a timeout). */
  readOnly?: boolean;
}): JSX.Element {
  const [picking, setPicking] = createSignal(false);
  let addButton!: HTMLButtonElement;
  const mine = (r: Reaction) => r.users.some((u) => u.id === props.myId);
  const who = (r: Reaction) => {
    const names = r.users.map((u) => (u.id === props.myId ? 'You' : u.name));
    return `${listNames(names, 8)} reacted with ${r.emoji}`;
  };

  return (
    <div class="reactions" data-testid="reactions">
      <For each={props.reactions}>
        {(reaction) => (
          <button
            class="reaction"
            classList={{ mine: mine(reaction) }}
            type="button"
            title={who(reaction)}
            aria-label={`${who(reaction)}. ${mine(reaction) ? 'Remove your reaction' : 'React too'}`}
            aria-pressed={mine(reaction)}
            data-testid="reaction"
            data-emoji={reaction.emoji}
            disabled={props.readOnly}
            onClick={() => {
              if (!mine(reaction)) recordEmojiUse(reaction.emoji);
              props.onToggle(reaction.emoji, !mine(reaction));
            }}
          >
            <span class="reaction-emoji">{reaction.emoji}</span>
            <span class="reaction-count">{reaction.users.length}</span>
          </button>
        )}
      </For>
      <Show when={!props.readOnly}>
        <button ref={addButton} class="reaction add" type="button" title="Add reaction" aria-label="Add reaction" aria-expanded={picking()} onClick={() => setPicking(!picking())}>
          <SmileIcon size={15} />
        </button>
      </Show>
      <Show when={picking()}>
        <EmojiPopover
          anchor={addButton}
          onPick={(emoji) => {
            if (!props.reactions.some((r) => r.emoji === emoji && mine(r))) props.onToggle(emoji, true);
          }}
          onClose={() => setPicking(false)}
        />
      </Show>
    </div>
  );
}
