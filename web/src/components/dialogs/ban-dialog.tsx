import type { JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Member } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction, formFields } from '../../lib/action';
import { DialogActions } from '../dialog-actions';
import { Modal } from '../modal';

/** Bans a member: removed at once, and refused if they try an invite again until unbanned. */
export function BanDialog(props: { workspaceId: string; workspaceName?: string; member: Member; onDone: () => void; onClose: () => void }): JSX.Element {
  const submit = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    await endpoints.ban(props.workspaceId, props.member.userId, { reason: field('reason').trim() });
    props.onDone();
    props.onClose();
  });
  return (
    <Modal title={`Ban ${props.member.displayName}?`} onClose={props.onClose} testId="ban-dialog">
      <form class="form" onSubmit={submit.run}>
        <p class="hint">
          <strong>@{props.member.username}</strong> is removed from {props.workspaceName ?? 'the workspace'} right away, their open windows close, and
          invites will not let them back in. Admins can lift the ban later under Members → Bans.
        </p>
        <label>
          <span>
            Reason <span class="optional">optional, kept with the ban</span>
          </span>
          <input name="reason" maxLength={LIMITS.banReasonMax} placeholder="e.g. Harassment after two warnings" />
        </label>
        <DialogActions action={submit} onCancel={props.onClose} danger>
          Ban {props.member.displayName}
        </DialogActions>
      </form>
    </Modal>
  );
}
