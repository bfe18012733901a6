import { createSignal, Show, type JSX } from 'solid-js';
import type { Channel, Member } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction } from '../../lib/action';
import type { ChannelPowers } from '../../lib/channel-powers';
import { useMembers } from '../../stores/members';
import { FormError } from '../form-error';
import { UserPlusIcon } from '../icons';
import { MemberRows } from '../member-rows';
import { AddPeopleDialog } from './add-people-dialog';

/** The Members tab: who is in the conversation, with presence and roles; add people and remove them where allowed. */
export function ChannelMembers(props: {
  workspaceId: string;
  channel: Channel;
  myId: string;
  powers: ChannelPowers;
  /** The channel's members as last fetched; live details (names, roles) come from the workspace's members. */
  members: Member[];
  loading: boolean;
  onChanged: () => void;
}): JSX.Element {
  const workspace = useMembers();
  const [adding, setAdding] = createSignal(false);
  const current = () => props.members.map((m) => workspace.get(m.userId) ?? m).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const remove = createAction(async (userId: string) => {
    await endpoints.removeChannelMember(props.workspaceId, props.channel.id, userId);
    props.onChanged();
  });

  return (
    <>
      <FormError message={remove.error()} />
      <MemberRows
        members={current()}
        loading={props.loading}
        searchLabel="Find members"
        toolbar={
          <Show when={props.powers.add}>
            <button class="button" type="button" data-testid="add-people" onClick={() => setAdding(true)}>
              <UserPlusIcon size={15} /> Add people
            </button>
          </Show>
        }
        actions={(member) => (
          <Show when={props.powers.remove && member.userId !== props.myId}>
            <button
              class="link-button danger"
              type="button"
              aria-label={`Remove ${member.displayName} from the channel`}
              disabled={remove.busy()}
              onClick={() => void remove.run(member.userId)}
            >
              Remove
            </button>
          </Show>
        )}
      />
      <Show when={adding()}>
        <AddPeopleDialog
          workspaceId={props.workspaceId}
          channel={props.channel}
          inChannel={props.members.map((m) => m.userId)}
          onAdded={props.onChanged}
          onClose={() => setAdding(false)}
        />
      </Show>
    </>
  );
}
