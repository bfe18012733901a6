import { For, Show, type JSX } from 'solid-js';
import type { Channel } from '../../../src/shared/model';
import { dmOthers } from '../lib/conversation-name';
import { formatSeconds } from '../lib/durations';
import { avatarSrc } from '../lib/profile';
import { useGateway } from '../stores/gateway';
import { useMembers } from '../stores/members';
import { Avatar } from './avatar';
import { ChevronDownIcon, ClockIcon } from './icons';
import { InlineTopic } from './inline-topic';
import { channelIcon } from './sidebar-channels';

export type DetailsTab = 'about' | 'members';

/** A conversation's header: its name (opening the details), topic, member count, and the caller's controls (bell, pins). */
export function ChannelHeader(props: {
  channel: Channel;
  title: string;
  myId: string;
  /** A few of its members, for the faces on the member count. */
  faces: Array<{ userId: string; displayName: string }>;
  onOpenDetails: (tab: DetailsTab) => void;
  onSaveTopic: (topic: string) => Promise<unknown>;
  children: JSX.Element;
}): JSX.Element {
  const members = useMembers();
  const gateway = useGateway();
  const isDm = () => props.channel.kind === 'dm';
  const others = () => dmOthers(props.channel, props.myId);
  const oneToOne = () => (isDm() && others().length === 1 ? others()[0] : null);
  const count = () => props.channel.memberCount;

  return (
    <header class="channel-header">
      <h1>
        <button class="channel-title" type="button" aria-label={`Details of ${props.title}`} data-testid="channel-title" onClick={() => props.onOpenDetails('about')}>
          <Show
            when={oneToOne()}
            fallback={
              <Show when={!isDm()}>
                <span class="hash">{channelIcon(props.channel, 18)}</span>
              </Show>
            }
          >
            {(person) => (
              <Avatar
                name={members.nameOf(person().userId, person().displayName)}
                seed={person().userId}
                src={avatarSrc(person().userId, members.get(person().userId))}
                size="sm"
                presence={gateway?.presenceOf(person().userId)}
              />
            )}
          </Show>
          <span class="channel-title-name">{isDm() ? props.title : props.channel.name}</span>
          <ChevronDownIcon size={14} />
        </button>
      </h1>
      <Show when={props.channel.archivedAt !== null}>
        <span class="pill" data-testid="archived-pill">
          Archived
        </span>
      </Show>
      <Show when={props.channel.slowModeSeconds > 0}>
        <span class="pill" title="Slow mode" data-testid="slow-mode-pill">
          <ClockIcon size={12} /> {formatSeconds(props.channel.slowModeSeconds)}
        </span>
      </Show>
      <div class="channel-topic-slot">
        <Show when={!isDm()}>
          <InlineTopic topic={props.channel.topic} editable={props.channel.joined && props.channel.archivedAt === null} onSave={props.onSaveTopic} />
        </Show>
      </div>
      <button
        class="member-count"
        type="button"
        title="Members"
        aria-label={`${count()} ${count() === 1 ? 'member' : 'members'}`}
        data-testid="member-count"
        onClick={() => props.onOpenDetails('members')}
      >
        <span class="member-count-faces">
          <For each={props.faces.slice(0, 3)}>
            {(p) => <Avatar name={members.nameOf(p.userId, p.displayName)} seed={p.userId} src={avatarSrc(p.userId, members.get(p.userId))} size="sm" />}
          </For>
        </span>
        {count()}
      </button>
      {props.children}
    </header>
  );
}
