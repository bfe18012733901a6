import { createSignal, createUniqueId, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { placeBeside } from '../lib/place-popover';
import { UserCardProfile } from './user-card-profile';

export { UserCardProvider, type UserCardHooks } from './user-card-hooks';

/**
 * A person's card, floating beside what was clicked (see UserCardProfile for
 * what it shows). Escape, a click outside or tabbing away closes it.
 */
export function UserCard(props: { userId: string; fallbackName: string; anchor: HTMLElement; onClose: () => void }): JSX.Element {
  const titleId = createUniqueId();
  let card!: HTMLDivElement;

  const closeAndReturn = () => {
    props.onClose();
    props.anchor.focus();
  };
  // Listened to while capturing, so a menu or dialog opened from the card's actions is seen before it closes itself.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const dialog = (event.target as Element).closest?.('dialog');
    if ((dialog && card.contains(dialog)) || card.querySelector('[role=menu]')) return;
    // Handled here, so a dialog the card sits in stays open.
    event.preventDefault();
    closeAndReturn();
  };
  const onPointer = (event: PointerEvent) => {
    const target = event.target as Node;
    if (!card.contains(target) && !props.anchor.contains(target)) props.onClose();
  };
  onMount(() => {
    placeBeside(card, props.anchor);
    card.focus();
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('pointerdown', onPointer, true);
  });

  return (
    // Inside an open modal dialog (a member list) everything outside it is inert: the card goes in the dialog.
    <Portal mount={props.anchor.closest('dialog') ?? document.body}>
      <div
        ref={card}
        class="user-card"
        role="dialog"
        aria-labelledby={titleId}
        tabindex="-1"
        data-testid="user-card"
        data-user-id={props.userId}
        onFocusOut={(e) => {
          const next = e.relatedTarget as Node | null;
          if (next && !card.contains(next) && next !== props.anchor) props.onClose();
        }}
      >
        <UserCardProfile userId={props.userId} fallbackName={props.fallbackName} titleId={titleId} onClose={props.onClose} />
      </div>
    </Portal>
  );
}

/**
 * Wraps a name or avatar so a click (or Enter) opens that person's card beside
 * it. Member lists use it too.
 */
export function UserCardButton(props: {
  userId: string;
  /** The name to show when the person is no longer a member (a message's stored author name). */
  fallbackName: string;
  /** The button's accessible name when its content has no text (an avatar). */
  label?: string;
  class?: string;
  children: JSX.Element;
  testId?: string;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  return (
    <>
      <button
        ref={button}
        type="button"
        class={`user-card-trigger ${props.class ?? ''}`}
        aria-haspopup="dialog"
        aria-expanded={open()}
        aria-label={props.label}
        data-testid={props.testId}
        onClick={() => setOpen(!open())}
      >
        {props.children}
      </button>
      <Show when={open()}>
        <UserCard userId={props.userId} fallbackName={props.fallbackName} anchor={button} onClose={() => setOpen(false)} />
      </Show>
    </>
  );
}
