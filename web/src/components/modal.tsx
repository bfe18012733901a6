import { onCleanup, onMount, type JSX } from 'solid-js';
import { CloseIcon } from './icons';

/** A modal dialog on the native <dialog> element: focus trap, Escape and backdrop close come with it. */
export function Modal(props: { title: string; onClose: () => void; children: JSX.Element; wide?: boolean; testId?: string }) {
  let dialog!: HTMLDialogElement;
  let disposed = false;
  onMount(() => dialog.showModal());
  onCleanup(() => {
    // Closing because the owner unmounted us is not the person closing the dialog.
    disposed = true;
    if (dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class={`modal ${props.wide ? 'modal-wide' : ''}`}
      data-testid={props.testId}
      aria-label={props.title}
      onClose={() => !disposed && props.onClose()}
      onClick={(e) => e.target === dialog && dialog.close()}
    >
      <header class="modal-header">
        <h2>{props.title}</h2>
        <button class="icon-button" type="button" aria-label="Close" onClick={() => dialog.close()}>
          <CloseIcon size={18} />
        </button>
      </header>
      <div class="modal-body">{props.children}</div>
    </dialog>
  );
}
