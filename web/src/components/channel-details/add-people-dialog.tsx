import { createSignal, type JSX } from 'solid-js';
import type { Channel, Member } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction } from '../../lib/action';
import { useMembers } from '../../stores/members';
import { DialogActions } from '../dialog-actions';
import { Modal } from '../modal';
import { PersonPicker } from '../person-picker';

/** Adds workspace members to a channel, picked by name; they see it (and its history) at once. */
export function AddPeopleDialog(props: { workspaceId: string; channel: Channel; inChannel: string[]; onAdded: () => void; onClose: () => void }): JSX.Element {
  const members = useMembers();
  const [picked, setPicked] = createSignal<Member[]>([]);
  const candidates = () => members.all().filter((m) => !props.inChannel.includes(m.userId));

  const add = createAction(async () => {
    // One at a time: each one added leaves the picker, so a refusal names who is left.
    for (const member of picked()) {
      await endpoints.addChannelMember(props.workspaceId, props.channel.id, member.userId);
      setPicked(picked().filter((m) => m.userId !== member.userId));
    }
    props.onAdded();
    props.onClose();
  });

  return (
    <Modal title={`Add people to #${props.channel.name}`} onClose={props.onClose} testId="add-people-dialog">
      <PersonPicker
        people={candidates()}
        picked={picked()}
        max={50}
        onChange={setPicked}
        onSubmit={() => void add.run()}
        label="Search people to add"
        prefix="Add:"
        placeholder="Type a name or @username"
      />
      <p class="hint">
        {props.channel.kind === 'private' ? 'They will see this private channel and all of its history.' : 'They join the channel and can read its history.'}
      </p>
      <DialogActions action={add} onCancel={props.onClose} onConfirm={() => void add.run()} disabled={picked().length === 0} testId="confirm-add-people">
        Add
      </DialogActions>
    </Modal>
  );
}
