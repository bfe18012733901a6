import { createSignal, For, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { formatUntil } from '../lib/profile';
import { EXPIRY_CHOICES, STATUS_PRESETS, type ExpiryChoice, type StatusDraft } from '../lib/status-draft';
import { EmojiPopover } from './emoji-popover';
import { CloseIcon, SmileIcon } from './icons';

/** A status like Slack's: an emoji, a line of text, and when it clears; suggestions while it is empty. */
export function StatusEditor(props: { draft: StatusDraft }): JSX.Element {
  const [picking, setPicking] = createSignal(false);
  let emojiButton!: HTMLButtonElement;
  const empty = () => !props.draft.text().trim() && !props.draft.emoji();

  return (
    <fieldset class="status-editor" data-testid="status-editor">
      <legend>Status</legend>
      <div class="status-input">
        <button
          ref={emojiButton}
          class="status-emoji-button"
          type="button"
          aria-label={props.draft.emoji() ? `Status emoji ${props.draft.emoji()}, change it` : 'Choose a status emoji'}
          aria-expanded={picking()}
          data-testid="status-emoji"
          onClick={() => setPicking(!picking())}
        >
          <Show when={props.draft.emoji()} fallback={<SmileIcon size={18} />}>
            {(emoji) => <span class="status-emoji">{emoji()}</span>}
          </Show>
        </button>
        <input
          type="text"
          name="statusText"
          aria-label="Status text"
          placeholder="What’s your status?"
          maxLength={LIMITS.statusTextMax}
          value={props.draft.text()}
          onInput={(e) => props.draft.setText(e.currentTarget.value)}
          data-testid="status-text"
        />
        <Show when={!empty()}>
          <button class="icon-button" type="button" aria-label="Clear status" title="Clear status" onClick={() => props.draft.clear()} data-testid="status-clear">
            <CloseIcon size={15} />
          </button>
        </Show>
      </div>
      <Show
        when={!empty()}
        fallback={
          <ul class="status-presets" aria-label="Suggested statuses">
            <For each={STATUS_PRESETS}>
              {(preset) => (
                <li>
                  <button
                    class="status-preset"
                    type="button"
                    onClick={() => {
                      props.draft.setEmoji(preset.emoji);
                      props.draft.setText(preset.text);
                      props.draft.setExpiry(preset.expiry);
                    }}
                  >
                    <span class="status-emoji">{preset.emoji}</span>
                    {preset.text}
                    <span class="muted">— {EXPIRY_CHOICES.find((c) => c.value === preset.expiry)?.label}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        }
      >
        <label class="inline-label">
          Clear after
          <select value={props.draft.expiry()} onChange={(e) => props.draft.setExpiry(e.currentTarget.value as ExpiryChoice)} data-testid="status-expiry">
            <Show when={props.draft.initialExpiresAt}>{(at) => <option value="keep">Keep: {formatUntil(at())}</option>}</Show>
            <For each={EXPIRY_CHOICES}>{(choice) => <option value={choice.value}>{choice.label}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={picking()}>
        <EmojiPopover anchor={emojiButton} onPick={(emoji) => props.draft.setEmoji(emoji)} onClose={() => setPicking(false)} />
      </Show>
    </fieldset>
  );
}
