import { createSignal, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Member } from '../../../../src/shared/model';
import { createAction } from '../../lib/action';
import { useConversations } from '../../stores/conversations';
import { useMembers } from '../../stores/members';
import { FormError } from '../form-error';
import { Modal } from '../modal';
import { PersonPicker } from '../person-picker';

/** "New message": pick one person for a DM, or up to eight for a group DM, and open it. */
export function NewDmDialog(props: { onClose: () => void }): JSX.Element {
  const conversations = useConversations()!;
  const members = useMembers();
  const [picked, setPicked] = createSignal<Member[]>([]);
  const others = () => members.all().filter((m) => m.userId !== conversations.myId);

  const open = createAction(async () => {
    if (picked().length === 0) return;
    await conversations.openDm(picked().map((m) => m.userId));
  });

  return (
    <Modal title="New message" onClose={props.onClose} testId="new-dm-dialog">
      <PersonPicker
        people={others()}
        picked={picked()}
        max={LIMITS.dmMembersMax - 1}
        onChange={setPicked}
        onSubmit={() => void open.run()}
        label="Search people by name or username"
        placeholder="Type a name or @username"
      />
      <FormError message={open.error()} />
      <div class="form-actions">
        <span class="hint">
          <Show when={picked().length > 1} fallback="Only the people you pick will see this conversation.">
            A group of {picked().length + 1}, you included. Nobody can be added later.
          </Show>
        </span>
        <button class="button primary" type="button" disabled={picked().length === 0 || open.busy()} data-testid="open-dm" onClick={() => void open.run()}>
          {picked().length > 1 ? 'Start group conversation' : 'Open conversation'}
        </button>
      </div>
    </Modal>
  );
}
