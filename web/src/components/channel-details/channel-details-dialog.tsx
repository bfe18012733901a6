import { createSignal, Match, Switch, type JSX } from 'solid-js';
import type { Channel, Member, Role } from '../../../../src/shared/model';
import { channelPowers } from '../../lib/channel-powers';
import type { DetailsTab } from '../channel-header';
import { Modal } from '../modal';
import { Tabs } from '../tabs';
import { ChannelAbout } from './channel-about';
import { ChannelMembers } from './channel-members';

/** A conversation's details: About (name, topic, settings) for channels, and Members. */
export function ChannelDetailsDialog(props: {
  workspaceId: string;
  channel: Channel;
  title: string;
  myId: string;
  role: Role;
  tab: DetailsTab;
  members: Member[];
  membersLoading: boolean;
  onMembersChanged: () => void;
  onChanged: (channel: Channel) => void;
  onGone: () => void;
  onClose: () => void;
}): JSX.Element {
  const isDm = () => props.channel.kind === 'dm';
  const [tab, setTab] = createSignal<DetailsTab>(isDm() ? 'members' : props.tab);
  const powers = () => channelPowers(props.channel, props.role, props.myId);
  const tabs = () => [
    ...(isDm() ? [] : [{ id: 'about' as const, label: 'About' }]),
    { id: 'members' as const, label: `Members (${props.channel.memberCount})` },
  ];

  return (
    <Modal title={props.title} onClose={props.onClose} wide testId="channel-details">
      <Tabs label="Channel details" tabs={tabs()} active={tab()} onChange={setTab} />
      <Switch>
        <Match when={tab() === 'about'}>
          <ChannelAbout workspaceId={props.workspaceId} channel={props.channel} myId={props.myId} powers={powers()} onChanged={props.onChanged} onGone={props.onGone} />
        </Match>
        <Match when={tab() === 'members'}>
          <ChannelMembers
            workspaceId={props.workspaceId}
            channel={props.channel}
            myId={props.myId}
            powers={powers()}
            members={props.members}
            loading={props.membersLoading}
            onChanged={props.onMembersChanged}
          />
        </Match>
      </Switch>
    </Modal>
  );
}
