import { lazy, onMount, Suspense, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';

// The picker and its emoji data load on first use, not with the app.
const EmojiPicker = lazy(() => import('./emoji-picker').then((m) => ({ default: m.EmojiPicker })));

const PANEL_WIDTH = 352;
const PANEL_HEIGHT = 430;
const MARGIN = 8;

/** The emoji picker in a floating panel beside `anchor`, kept inside the window. */
export function EmojiPopover(props: { anchor: HTMLElement; onPick: (emoji: string) => void; onClose: () => void }): JSX.Element {
  let panel!: HTMLDivElement;
  onMount(() => {
    const rect = props.anchor.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(rect.right - PANEL_WIDTH, window.innerWidth - PANEL_WIDTH - MARGIN));
    const below = rect.bottom + MARGIN + PANEL_HEIGHT <= window.innerHeight;
    const top = below ? rect.bottom + MARGIN : Math.max(MARGIN, rect.top - PANEL_HEIGHT - MARGIN);
    // CSSOM, not a style attribute: the CSP forbids inline styles.
    panel.style.setProperty('left', `${left}px`);
    panel.style.setProperty('top', `${top}px`);
  });
  return (
    // Inside an open modal dialog everything outside it is inert: the panel goes in the dialog.
    <Portal mount={props.anchor.closest('dialog') ?? document.body}>
      <div class="emoji-popover" ref={panel} data-testid="emoji-popover">
        <Suspense fallback={<div class="emoji-popover-loading">Loading emoji…</div>}>
          <EmojiPicker
            onPick={(emoji: string) => {
              props.onPick(emoji);
              props.onClose();
            }}
            onClose={props.onClose}
            anchor={props.anchor}
          />
        </Suspense>
      </div>
    </Portal>
  );
}
