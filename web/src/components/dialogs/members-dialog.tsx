import { For, Show, type JSX } from 'solid-js';
import { ROLES, type Member, type Role } from '../../../../src/shared/model';
import { mayChangeRole } from '../../../../src/shared/permissions';
import { endpoints } from '../../api/endpoints';
import { createAction } from '../../lib/action';
import { Avatar } from '../avatar';
import { FormError } from '../form-error';
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
  const assignable = (target: Member) => ROLES.filter((r) => r === target.role || mayChangeRole(props.myRole, target.role, r));

  const change = createAction(async (member: Member, role: Role) => {
    await endpoints.changeRole(props.workspaceId, member.userId, { role });
    props.onChanged();
  });

  return (
    <Modal title={`Members (${props.members.length})`} onClose={props.onClose} wide testId="members-dialog">
      <FormError message={change.error()} />
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
                  onChange={(e) => change.run(member, e.currentTarget.value as Role)}
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
