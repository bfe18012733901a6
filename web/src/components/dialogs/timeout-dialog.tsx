import { For, type JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Member } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction, formFields } from '../../lib/action';
import { TIMEOUT_CHOICES } from '../../lib/durations';
import { DialogActions } from '../dialog-actions';
import { Modal } from '../modal';

/** Times a member out: they keep reading but cannot post, react or edit until it ends. */
export function TimeoutDialog(props: { workspaceId: string; member: Member; onDone: (member: Member) => void; onClose: () => void }): JSX.Element {
  const submit = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    const { member } = await endpoints.timeOut(props.workspaceId, props.member.userId, { seconds: Number(field('seconds')), reason: field('reason').trim() });
    props.onDone(member);
    props.onClose();
  });
  return (
    <Modal title={`Time out ${props.member.displayName}`} onClose={props.onClose} testId="timeout-dialog">
      <form class="form" onSubmit={submit.run}>
        <p class="hint">
          They can still read, but cannot post, react or edit until the time is up. You can clear a timeout early.
        </p>
        <fieldset class="choice-grid">
          <legend>Duration</legend>
          <For each={TIMEOUT_CHOICES}>
            {(choice, i) => (
              <label class="choice">
                <input type="radio" name="seconds" value={choice.seconds} checked={i() === 1} />
                <span>{choice.label}</span>
              </label>
            )}
          </For>
        </fieldset>
        <label>
          <span>
            Reason <span class="optional">optional, kept in the audit log</span>
          </span>
          <input name="reason" maxLength={LIMITS.banReasonMax} placeholder="e.g. Spamming #general" />
        </label>
        <DialogActions action={submit} onCancel={props.onClose}>
          Time out
        </DialogActions>
      </form>
    </Modal>
  );
}
