import type { JSX } from 'solid-js';
import { FormError } from './form-error';

/**
 * The foot of a dialog: the action's error, Cancel, and the one thing the
 * dialog is for, held off while it runs. That button submits the form it sits
 * in, unless `onConfirm` is given for a dialog that is not a form.
 */
export function DialogActions(props: {
  action: { busy: () => boolean; error: () => string | null };
  children: JSX.Element;
  onCancel: () => void;
  onConfirm?: () => void;
  danger?: boolean;
  /** Held off for another reason too, such as nothing picked yet. */
  disabled?: boolean;
  autofocus?: boolean;
  testId?: string;
}): JSX.Element {
  return (
    <>
      <FormError message={props.action.error()} />
      <div class="form-actions">
        <button class="button" type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button
          class="button"
          classList={{ primary: !props.danger, danger: !!props.danger }}
          type={props.onConfirm ? 'button' : 'submit'}
          disabled={props.disabled || props.action.busy()}
          autofocus={props.autofocus}
          data-testid={props.testId}
          onClick={() => props.onConfirm?.()}
        >
          {props.children}
        </button>
      </div>
    </>
  );
}
