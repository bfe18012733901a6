import type { JSX } from 'solid-js';
import { createAction } from '../../lib/action';
import { DialogActions } from '../dialog-actions';
import { Modal } from '../modal';

/** Asks before something that cannot be taken back; shows the server's refusal if it comes. */
export function ConfirmDialog(props: {
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}): JSX.Element {
  const confirm = createAction(async (event: SubmitEvent) => {
    event.preventDefault();
    await props.onConfirm();
    props.onClose();
  });
  return (
    <Modal title={props.title} onClose={props.onClose} testId={props.testId}>
      <form class="form" onSubmit={confirm.run}>
        {props.children}
        <DialogActions action={confirm} onCancel={props.onClose} danger={props.danger} autofocus>
          {props.confirmLabel}
        </DialogActions>
      </form>
    </Modal>
  );
}
