import { createSignal, For, Show, type JSX } from 'solid-js';
import { ROLES, type Member, type Role } from '../../../../src/shared/model';
import { mayChangeRole } from '../../../../src/shared/permissions';
import { errorMessage } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { Avatar } from '../avatar';
import { Modal } from '../modal';

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', admin: 'Admin', moderator: 'Moderator', member: 'Member' };

/** The workspace's members and their roles; admins and the owner change roles here. */
export function MembersDialog(props: {
  workspaceId: string;
  members: Member[];
  myRole: Role;
  myId: string;
  onChanged: () => void;
  onClose: () => void;
}): JSX.Element {
  const [error, setError] = createSignal<string | null>(null);
  const assignable = (target: Member) => ROLES.filter((r) => r === target.role || mayChangeRole(props.myRole, target.role, r));

  async function change(member: Member, role: Role) {
    setError(null);
    try {
      await endpoints.changeRole(props.workspaceId, member.userId, { role });
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Modal title={`Members (${props.members.length})`} onClose={props.onClose} wide testId="members-dialog">
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <ul class="member-list">
        <For each={props.members}>
          {(member) => (
            <li class="member-row">
              <Avatar name={member.displayName} seed={member.userId} />
              <div class="member-names">
                <span>
                  {member.displayName}
                  {member.userId === props.myId ? ' (you)' : ''}
                </span>
                <span class="muted">@{member.username}</span>
              </div>
              <Show when={assignable(member).length > 1} fallback={<span class={`role role-${member.role}`}>{ROLE_LABEL[member.role]}</span>}>
                <select
                  aria-label={`Role of ${member.displayName}`}
                  value={member.role}
                  onChange={(e) => change(member, e.currentTarget.value as Role)}
                >
                  <For each={assignable(member)}>{(role) => <option value={role}>{ROLE_LABEL[role]}</option>}</For>
                </select>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Modal>
  );
}
