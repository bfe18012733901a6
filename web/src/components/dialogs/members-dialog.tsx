import { createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import type { Role } from '../../../../src/shared/model';
import { allows } from '../../../../src/shared/permissions';
import { useMembers } from '../../stores/members';
import { MemberRows } from '../member-rows';
import { Modal } from '../modal';
import { Tabs } from '../tabs';
import { BansList } from './bans-list';

type Tab = 'members' | 'bans';

/** The workspace's members with roles, presence and search; moderators act on them here, admins also see bans. */
export function MembersDialog(props: { workspaceId: string; workspaceName: string; myRole: Role; onClose: () => void }): JSX.Element {
  const members = useMembers();
  const [tab, setTab] = createSignal<Tab>('members');
  const tabs = () => [
    { id: 'members' as const, label: `Members (${members.all().length})` },
    ...(allows(props.myRole, 'banMember') ? [{ id: 'bans' as const, label: 'Bans' }] : []),
  ];

  return (
    <Modal title={`Members of ${props.workspaceName}`} onClose={props.onClose} wide testId="members-dialog">
      <Show when={tabs().length > 1}>
        <Tabs label="Members" tabs={tabs()} active={tab()} onChange={setTab} />
      </Show>
      <Switch>
        <Match when={tab() === 'members'}>
          <MemberRows members={members.all()} workspaceName={props.workspaceName} loading={members.loaded.loading} searchLabel="Search members" />
        </Match>
        <Match when={tab() === 'bans'}>
          <BansList workspaceId={props.workspaceId} />
        </Match>
      </Switch>
    </Modal>
  );
}
