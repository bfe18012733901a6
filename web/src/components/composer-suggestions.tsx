import { createMemo, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { BROADCAST_MENTIONS } from '../../../src/shared/model';
import type { ChannelMember } from '../api/endpoints';
import { shortcodeAtCaret } from '../lib/composer/shortcode-query';
import { insertAtSelection } from '../lib/composer/text-edit';
import { loadEmojiData, preferredSkinTone, recordEmojiUse, withSkinTone, type Emoji, type EmojiData } from '../lib/emoji';
import { BROADCAST_CANDIDATES, mentionAtCaret, rankCandidates, type MentionCandidate } from '../lib/mention-query';
import { Avatar } from './avatar';
import { AtIcon } from './icons';
import { SuggestionMenu } from './suggestion-menu';

/** Emoji offered for a ":partial" at once, as in Slack. */
const EMOJI_OFFERED = 8;

interface Typed {
  kind: 'mention' | 'emoji';
  /** Where the "@" or ":" is. */
  start: number;
  query: string;
}

export interface Suggestions {
  /** Looks again at what is typed before the caret (after input or a click). */
  update(): void;
  close(): void;
  /** The menu's keys (arrows, Enter, Tab, Escape) while it is open; true when the key was used. */
  onKeyDown(event: KeyboardEvent): boolean;
  /** The menu, when there is something to offer. */
  menu(): JSX.Element;
}

/** "@name" offers people in the channel; ":sm" offers emoji from the picker's data, inserted as the emoji. */
export function createSuggestions(options: { textarea: () => HTMLTextAreaElement; members: () => ChannelMember[]; myId: string }): Suggestions {
  const [typed, setTyped] = createSignal<Typed | null>(null);
  const [active, setActive] = createSignal(0);
  const [emojiData, setEmojiData] = createSignal<EmojiData>();

  const people = createMemo((): MentionCandidate[] => {
    const at = typed();
    if (at?.kind !== 'mention') return [];
    const members = options.members()
      .filter((m) => m.userId !== options.myId)
      .map((m) => ({ handle: m.username, label: m.displayName, detail: `@${m.username}`, userId: m.userId }));
    const broadcasts = BROADCAST_MENTIONS.map((b) => ({ handle: b, label: `@${b}`, detail: BROADCAST_CANDIDATES[b], userId: null }));
    return rankCandidates(at.query, [...members, ...broadcasts]);
  });
  const emojis = createMemo((): Emoji[] => {
    const at = typed();
    const data = emojiData();
    return at?.kind === 'emoji' && data ? data.search(at.query, EMOJI_OFFERED) : [];
  });
  const count = () => people().length + emojis().length;

  function update() {
    const textarea = options.textarea();
    const caret = textarea.selectionStart;
    const mention = textarea.selectionEnd === caret ? mentionAtCaret(textarea.value, caret) : null;
    const shortcode = textarea.selectionEnd === caret && !mention ? shortcodeAtCaret(textarea.value, caret) : null;
    if (shortcode && !emojiData()) loadEmojiData().then(setEmojiData, () => undefined);
    setTyped(mention ? { kind: 'mention', ...mention } : shortcode ? { kind: 'emoji', ...shortcode } : null);
    setActive(0);
  }

  /** Replaces what was typed from the "@" or ":" to the caret. */
  function complete(text: string) {
    const at = typed();
    if (!at) return;
    setTyped(null);
    const textarea = options.textarea();
    insertAtSelection(textarea, text, at.start, textarea.selectionStart);
  }

  const pickPerson = (candidate: MentionCandidate) => complete(`@${candidate.handle} `);
  const pickEmoji = (emoji: Emoji) => {
    const text = withSkinTone(emoji, preferredSkinTone());
    recordEmojiUse(text);
    complete(`${text} `);
  };
  const pick = (index: number) => (people().length > 0 ? pickPerson(people()[index]) : pickEmoji(emojis()[index]));

  function onKeyDown(event: KeyboardEvent): boolean {
    const n = count();
    if (n === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      setActive((active() + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.isComposing) {
      pick(active());
    } else if (event.key === 'Escape') {
      setTyped(null);
    } else return false;
    event.preventDefault();
    return true;
  }

  const menu = () => (
    <Switch>
      <Match when={people().length > 0}>
        <SuggestionMenu label="People to mention" kind="mention" items={people()} active={active()} onPick={pickPerson} onHover={setActive}>
          {(candidate) => (
            <>
              <Show when={candidate.userId} fallback={<span class="mention-broadcast-icon"><AtIcon size={16} /></span>}>
                {(id) => <Avatar name={candidate.label} seed={id()} size="sm" />}
              </Show>
              <span class="suggestion-label">{candidate.label}</span>
              <span class="suggestion-detail">{candidate.detail}</span>
            </>
          )}
        </SuggestionMenu>
      </Match>
      <Match when={emojis().length > 0}>
        <SuggestionMenu label="Emoji" kind="emoji" items={emojis()} active={active()} onPick={pickEmoji} onHover={setActive}>
          {(emoji) => (
            <>
              <span class="suggestion-emoji">{withSkinTone(emoji, preferredSkinTone())}</span>
              <span class="suggestion-label">:{shortcodeFor(emoji, typed()?.query ?? '')}:</span>
              <span class="suggestion-detail">{emoji.name}</span>
            </>
          )}
        </SuggestionMenu>
      </Match>
    </Switch>
  );

  return { update, close: () => setTyped(null), onKeyDown, menu };
}

/** The emoji's shortcode that best explains the match: `:tada:` for ":ta", `:hugs:` for ":hug". */
function shortcodeFor(emoji: Emoji, query: string): string {
  const codes = emoji.shortcodes;
  return codes.find((c) => c.startsWith(query)) ?? codes.find((c) => c.includes(query)) ?? codes[0];
}
