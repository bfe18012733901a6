import { createSignal, type JSX } from 'solid-js';
import type { Channel } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction } from '../../lib/action';
import { DialogActions } from '../dialog-actions';
import { Modal } from '../modal';

/** Deleting a channel for good, confirmed by typing its name. */
export function DeleteChannelDialog(props: { workspaceId: string; channel: Channel; onDeleted: () => void; onClose: () => void }): JSX.Element {
  const [typed, setTyped] = createSignal('');
  const matches = () => typed().trim().toLowerCase().replace(/^#/, '') === props.channel.name;
  const submit = createAction(async (event: SubmitEvent) => {
    event.preventDefault();
    if (!matches()) return;
    await endpoints.deleteChannel(props.workspaceId, props.channel.id, typed());
    props.onDeleted();
  });
  return (
    <Modal title={`Delete #${props.channel.name}?`} onClose={props.onClose} testId="delete-channel-dialog">
      <form class="form" onSubmit={submit.run}>
        <p class="hint">
          Every message in <strong>#{props.channel.name}</strong> is deleted for everyone, and this cannot be undone. To keep the messages readable,
          archive the channel instead.
        </p>
        <label>
          Type the channel's name to confirm
          <input
            name="confirmName"
            autocomplete="off"
            placeholder={props.channel.name}
            aria-label="Channel name to confirm"
            onInput={(e) => setTyped(e.currentTarget.value)}
            autofocus
          />
        </label>
        <DialogActions action={submit} onCancel={props.onClose} danger disabled={!matches()}>
          Delete channel
        </DialogActions>
      </form>
    </Modal>
  );
}
