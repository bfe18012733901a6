import { createMemo, createSelector, createSignal, createUniqueId, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import {
  frequentlyUsed,
  loadEmojiData,
  preferredSkinTone,
  recordEmojiUse,
  setPreferredSkinTone,
  SKIN_TONES,
  withSkinTone,
  type Emoji,
  type EmojiData,
  type SkinTone,
} from '../lib/emoji';
import { layoutGrid, moveInGrid, rowsInView, sectionAt, type GridMove, type GridSection } from '../lib/emoji/grid';
import { SearchIcon } from './icons';

export { recordEmojiUse } from '../lib/emoji';

/** Grid geometry in pixels; emoji.css reads it from the custom properties set on mount. */
const METRICS = { columns: 9, rowHeight: 36, titleHeight: 28 };
/** Rows kept rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN_PX = 4 * METRICS.rowHeight;
const FREQUENT_LIMIT = 24;
/** What "Frequently used" starts with before anything has been used. */
const STARTERS = ['👍', '❤️', '😂', '🎉', '🙏', '👀', '✅', '🔥', '😮'];
const KEY_MOVES: Record<string, GridMove> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

/** Loaded once per page: later pickers open with the grid already filled. */
let loaded: EmojiData | undefined;

/**
 * A full emoji picker panel: search, categories, skin tone and a grid of every emoji.
 * Records its own picks as uses; `onPick` gets the emoji in the chosen skin tone.
 * Escape, a click outside and picking are the caller's to close on.
 */
export function EmojiPicker(props: {
  onPick: (emoji: string) => void;
  onClose: () => void;
  /** The button that opened the picker: a press on it is its own toggle, not an outside click. */
  anchor?: HTMLElement;
}): JSX.Element {
  const id = createUniqueId();
  const [data, setData] = createSignal(loaded);
  const [failed, setFailed] = createSignal(false);
  const [query, setQuery] = createSignal('');
  const [tone, setTone] = createSignal(preferredSkinTone());
  const [active, setActive] = createSignal(0);
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewHeight, setViewHeight] = createSignal(0);
  const isActive = createSelector(active);
  let root!: HTMLDivElement;
  let search!: HTMLInputElement;
  let grid!: HTMLDivElement;

  if (!loaded)
    loadEmojiData().then(
      (value) => setData((loaded = value)),
      () => setFailed(true),
    );

  /** In the current skin tone, whatever tone each was used in; starters fill the last row. */
  const frequent = createMemo(() => {
    const emoji = data();
    if (!emoji) return [];
    const known = (texts: string[]) => texts.map((text) => emoji.byUnicode(text)).filter((e) => e !== undefined);
    const used = [...new Set(known(frequentlyUsed(FREQUENT_LIMIT)))];
    const rows = Math.ceil(Math.max(used.length, 1) / METRICS.columns);
    const starters = known(STARTERS).filter((e) => !used.includes(e));
    return [...used, ...starters].slice(0, Math.max(used.length, Math.min(FREQUENT_LIMIT, rows * METRICS.columns)));
  });

  const sections = createMemo<GridSection[]>(() => {
    const emoji = data();
    if (!emoji) return [];
    if (query().trim()) return [{ key: 'results', title: 'Search results', emojis: emoji.search(query()) }];
    return [{ key: 'frequent', title: 'Frequently used', emojis: frequent() }, ...emoji.groups.map((g) => ({ key: g.key, title: g.name, emojis: g.emojis }))];
  });
  const layout = createMemo(() => layoutGrid(sections(), METRICS));
  const rows = createMemo(() => rowsInView(layout(), scrollTop() - OVERSCAN_PX, scrollTop() + viewHeight() + OVERSCAN_PX));
  const current = createMemo(() => sectionAt(layout(), scrollTop()));
  const activeEmoji = () => layout().emojis[active()];

  /** The title of the section at the top stays pinned there until the next one pushes it up. */
  const sticky = createMemo(() => {
    const section = sections()[current()];
    if (!section) return undefined;
    const next = layout().sectionTops[current() + 1];
    const push = next === undefined ? 0 : Math.min(0, next - scrollTop() - METRICS.titleHeight);
    return { title: section.title, push };
  });

  function scrollGridTo(top: number) {
    grid.scrollTop = top;
    setScrollTop(grid.scrollTop);
  }

  /** Scrolls the grid just enough to show the emoji at `index` below the pinned title. */
  function reveal(index: number) {
    const row = layout().rows[layout().rowOf[index]];
    if (!row) return;
    if (row.top - METRICS.titleHeight < grid.scrollTop) scrollGridTo(row.top - METRICS.titleHeight);
    else if (row.top + METRICS.rowHeight > grid.scrollTop + grid.clientHeight) scrollGridTo(row.top + METRICS.rowHeight - grid.clientHeight);
  }

  function onQuery(text: string) {
    setQuery(text);
    setActive(0);
    scrollGridTo(0);
  }

  function jumpTo(section: number) {
    if (query()) {
      search.value = '';
      onQuery('');
    }
    scrollGridTo(layout().sectionTops[section] ?? 0);
    const first = layout().rows.find((row) => row.section === section && !row.title);
    if (first) setActive(first.first);
  }

  let closedByKey = false;
  function pick(index: number, byKey: boolean) {
    const emoji = layout().emojis[index];
    if (!emoji) return;
    const text = withSkinTone(emoji, tone());
    recordEmojiUse(text);
    closedByKey = byKey;
    props.onPick(text);
  }

  function chooseTone(next: SkinTone) {
    setTone(next);
    setPreferredSkinTone(next);
  }

  function onGridKey(event: KeyboardEvent) {
    const move = KEY_MOVES[event.key];
    if (move) {
      event.preventDefault();
      const next = moveInGrid(layout(), active(), move);
      if (next === undefined) return search.focus();
      setActive(next);
      reveal(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(active(), true);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing while in the grid searches, as it would in Slack's picker.
      search.focus();
    }
  }

  function onSearchKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      grid.focus();
      reveal(active());
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active(), true);
    }
  }

  function onRootKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closedByKey = true;
      props.onClose();
    } else if (event.key === 'Tab') {
      // Focus goes round search, skin tone, categories and grid without leaving the panel.
      const wrapTo = event.shiftKey ? (document.activeElement === search ? grid : null) : document.activeElement === grid ? search : null;
      if (wrapTo) {
        event.preventDefault();
        wrapTo.focus();
      }
    }
  }

  const cellAt = (event: Event) => (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
  let pointer = '';
  function onPointerMove(event: PointerEvent) {
    // Rows moving under a still pointer while the grid scrolls do not count as hovering.
    const at = `${event.clientX},${event.clientY}`;
    if (at === pointer) return;
    pointer = at;
    const cell = cellAt(event);
    if (cell) setActive(Number(cell.dataset.index));
  }

  const closeOnOutsidePointer = (event: PointerEvent) => {
    const target = event.target as Node;
    if (!root.contains(target) && !props.anchor?.contains(target)) props.onClose();
  };
  const opener = document.activeElement;
  onMount(() => {
    root.style.setProperty('--emoji-cell', `${METRICS.rowHeight}px`);
    root.style.setProperty('--emoji-title', `${METRICS.titleHeight}px`);
    root.style.setProperty('--emoji-columns', String(METRICS.columns));
    search.focus({ preventScroll: true });
    setViewHeight(grid.clientHeight);
    const resized = new ResizeObserver(() => setViewHeight(grid.clientHeight));
    resized.observe(grid);
    document.addEventListener('pointerdown', closeOnOutsidePointer, true);
    onCleanup(() => {
      resized.disconnect();
      document.removeEventListener('pointerdown', closeOnOutsidePointer, true);
    });
  });
  onCleanup(() => {
    // A keyboard user goes back to where they opened the picker from.
    const focus = document.activeElement;
    if (closedByKey && opener instanceof HTMLElement && opener.isConnected && (focus === document.body || root.contains(focus))) {
      opener.focus({ preventScroll: true });
    }
  });

  return (
    <div class="emoji-picker" ref={root} role="dialog" aria-label="Emoji picker" data-testid="emoji-picker" onKeyDown={onRootKey}>
      <div class="emoji-header">
        <label class="emoji-search">
          <SearchIcon size={15} />
          <input
            ref={search}
            type="search"
            placeholder="Search emoji"
            aria-label="Search emoji"
            aria-controls={`${id}-grid`}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => onQuery(event.currentTarget.value)}
            onKeyDown={onSearchKey}
          />
        </label>
        <SkinToneChooser tone={tone()} onChange={chooseTone} />
      </div>

      <CategoryTabs groups={data()?.groups ?? []} current={query().trim() ? -1 : current()} onJump={jumpTo} />

      <div
        ref={grid}
        id={`${id}-grid`}
        class="emoji-grid"
        role="grid"
        tabindex="0"
        aria-label={query().trim() ? 'Search results' : 'Emoji'}
        aria-rowcount={layout().rows.length}
        aria-colcount={METRICS.columns}
        aria-activedescendant={activeEmoji() ? `${id}-${active()}` : undefined}
        onScroll={() => setScrollTop(grid.scrollTop)}
        onKeyDown={onGridKey}
        onPointerMove={onPointerMove}
        onClick={(event) => {
          const cell = cellAt(event);
          if (cell) pick(Number(cell.dataset.index), false);
        }}
      >
        <Show when={sticky()}>
          {(title) => (
            <div class="emoji-sticky" aria-hidden="true" style={{ transform: `translateY(${title().push}px)` }}>
              {title().title}
            </div>
          )}
        </Show>
        <div class="emoji-canvas" style={{ height: `${layout().height}px` }}>
          <For each={rows()}>
            {(row) => (
              <div class="emoji-row" classList={{ 'emoji-title': !!row.title }} role="row" aria-rowindex={row.index + 1} style={{ transform: `translateY(${row.top}px)` }}>
                <Show
                  when={!row.title}
                  fallback={
                    <span role="columnheader" aria-colspan={METRICS.columns}>
                      {row.title}
                    </span>
                  }
                >
                  <For each={row.emojis}>
                    {(emoji, column) => (
                      <span
                        id={`${id}-${row.first + column()}`}
                        class="emoji-cell"
                        classList={{ active: isActive(row.first + column()) }}
                        role="gridcell"
                        aria-label={emoji.name}
                        aria-selected={isActive(row.first + column())}
                        data-index={row.first + column()}
                      >
                        {withSkinTone(emoji, tone())}
                      </span>
                    )}
                  </For>
                </Show>
              </div>
            )}
          </For>
        </div>
        <Show when={data() && layout().emojis.length === 0}>
          <p class="emoji-empty">
            <span class="emoji-empty-glyph" aria-hidden="true">
              🔍
            </span>
            No emoji match “{query().trim()}”
          </p>
        </Show>
        <Show when={!data()}>
          <p class="emoji-empty">{failed() ? 'The emoji could not be loaded. Close this and try again.' : 'Loading emoji…'}</p>
        </Show>
      </div>

      <Preview emoji={activeEmoji()} tone={tone()} />
    </div>
  );
}

/** One button per category, its first emoji as the icon; a click scrolls the grid there. */
function CategoryTabs(props: { groups: EmojiData['groups']; current: number; onJump: (section: number) => void }): JSX.Element {
  const [focused, setFocused] = createSignal<number | null>(null);
  const buttons: HTMLButtonElement[] = [];
  const count = () => props.groups.length + 1;
  const stop = () => focused() ?? Math.max(0, props.current);

  function onKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (stop() + step + count()) % count();
    setFocused(next);
    buttons[next]?.focus();
  }

  const tab = (index: number, name: string, icon: JSX.Element) => (
    <button
      ref={(el) => (buttons[index] = el)}
      class="emoji-tab"
      classList={{ current: props.current === index }}
      type="button"
      title={name}
      aria-label={name}
      aria-current={props.current === index ? 'true' : undefined}
      tabindex={stop() === index ? 0 : -1}
      onFocus={() => setFocused(index)}
      onBlur={() => setFocused(null)}
      onClick={() => props.onJump(index)}
    >
      {icon}
    </button>
  );

  return (
    <div class="emoji-tabs" role="toolbar" aria-label="Emoji categories" onKeyDown={onKey}>
      {tab(0, 'Frequently used', <ClockIcon />)}
      <For each={props.groups}>{(group, i) => tab(i() + 1, group.name, <span class="emoji-tab-glyph">{group.emojis[0]?.unicode}</span>)}</For>
    </div>
  );
}

/** Raised hands in each tone: the chooser's button and its options. */
const TONE_SAMPLES = ['✋', '✋🏻', '✋🏼', '✋🏽', '✋🏾', '✋🏿'];

function SkinToneChooser(props: { tone: SkinTone; onChange: (tone: SkinTone) => void }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  let toggle!: HTMLButtonElement;
  const options: HTMLButtonElement[] = [];

  function close() {
    setOpen(false);
    toggle.focus();
  }

  function onKey(event: KeyboardEvent) {
    const at = options.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      options[(at + step + options.length) % options.length]?.focus();
    } else if (event.key === 'Escape') {
      // Closes this menu only, not the picker around it.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      // Tab then moves on from the chooser's button, as if the menu had not been opened.
      close();
    }
  }

  return (
    <div
      class="emoji-tone"
      onFocusOut={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        class="emoji-tone-toggle"
        type="button"
        title="Skin tone"
        aria-label={`Skin tone: ${SKIN_TONES[props.tone].name}`}
        aria-haspopup="listbox"
        aria-expanded={open()}
        onClick={() => {
          setOpen(!open());
          if (open()) options[props.tone]?.focus();
        }}
      >
        {TONE_SAMPLES[props.tone]}
      </button>
      <Show when={open()}>
        <div class="emoji-tone-list" role="listbox" aria-label="Skin tone" onKeyDown={onKey}>
          <For each={SKIN_TONES}>
            {(option) => (
              <button
                ref={(el) => (options[option.tone] = el)}
                class="emoji-tone-option"
                classList={{ selected: option.tone === props.tone }}
                type="button"
                role="option"
                title={option.name}
                aria-label={option.name}
                aria-selected={option.tone === props.tone}
                onClick={() => {
                  props.onChange(option.tone);
                  close();
                }}
              >
                {TONE_SAMPLES[option.tone]}
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}

/** The footer: the emoji under the pointer or keyboard, large, with its name and shortcode. */
function Preview(props: { emoji: Emoji | undefined; tone: SkinTone }): JSX.Element {
  return (
    <div class="emoji-preview" aria-hidden="true">
      <Show when={props.emoji} fallback={<span class="emoji-preview-hint">Pick an emoji</span>}>
        {(emoji) => (
          <>
            <span class="emoji-preview-glyph">{withSkinTone(emoji(), props.tone)}</span>
            <span class="emoji-preview-text">
              <span class="emoji-preview-name">{emoji().name.charAt(0).toUpperCase() + emoji().name.slice(1)}</span>
              <span class="emoji-preview-code">:{emoji().shortcodes[0]}:</span>
            </span>
          </>
        )}
      </Show>
    </div>
  );
}

const ClockIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </svg>
);
