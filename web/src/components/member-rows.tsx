import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Member } from '../../../src/shared/model';
import { formatLocalMoment } from '../lib/durations';
import { searchPeople } from '../lib/person-search';
import { avatarSrc, ROLE_LABEL } from '../lib/profile';
import { useConversations } from '../stores/conversations';
import { useGateway } from '../stores/gateway';
import { Avatar } from './avatar';
import { MemberActions } from './member-actions';
import { ThreadIcon } from './icons';
import { UserCardButton } from './user-card';

/**
 * A searchable list of members: picture with presence, names, role and
 * timeout, a "Message" button, and per-member actions (moderation by default).
 */
export function MemberRows(props: {
  members: Member[];
  searchLabel: string;
  loading?: boolean;
  workspaceName?: string;
  actions?: (member: Member) => JSX.Element;
  toolbar?: JSX.Element;
}): JSX.Element {
  const conversations = useConversations();
  const gateway = useGateway();
  const [query, setQuery] = createSignal('');
  const shown = () => searchPeople(query(), props.members);
  const isMe = (m: Member) => m.userId === conversations?.myId;
  const timedOut = (m: Member) => (m.timedOutUntil !== null && m.timedOutUntil > Date.now() ? m.timedOutUntil : null);

  return (
    <>
      <div class="browse-toolbar">
        <input type="search" placeholder={props.searchLabel} aria-label={props.searchLabel} onInput={(e) => setQuery(e.currentTarget.value)} autofocus />
        {props.toolbar}
      </div>
      <ul class="member-list" data-testid="member-list">
        <For each={shown()} fallback={<li class="hint member-empty">{props.loading ? 'Loading…' : 'Nobody matches.'}</li>}>
          {(member) => (
            <li class="member-row" data-testid="member-row" data-user-id={member.userId}>
              <UserCardButton userId={member.userId} fallbackName={member.displayName} class="member-person" label={`Profile of ${member.displayName}`}>
                <Avatar name={member.displayName} seed={member.userId} src={avatarSrc(member.userId, member)} presence={gateway?.presenceOf(member.userId)} />
                <span class="member-names">
                  <span class="member-display">
                    {member.displayName}
                    <Show when={isMe(member)}>
                      <span class="muted"> (you)</span>
                    </Show>
                  </span>
                  <span class="muted">@{member.username}</span>
                </span>
              </UserCardButton>
              <span class="member-badges">
                <Show when={timedOut(member)}>
                  {(until) => (
                    <span class="pill pill-warning" data-testid="timed-out-badge" title="Cannot post until then">
                      Timed out until {formatLocalMoment(until())}
                    </span>
                  )}
                </Show>
                <Show when={member.role !== 'member'}>
                  <span class={`role-badge role-${member.role}`} data-testid="role-badge">
                    {ROLE_LABEL[member.role]}
                  </span>
                </Show>
              </span>
              <Show when={conversations && !isMe(member)}>
                <button
                  class="icon-button"
                  type="button"
                  title="Message"
                  aria-label={`Message ${member.displayName}`}
                  onClick={() => void conversations!.openDmWith(member.userId)}
                >
                  <ThreadIcon size={17} />
                </button>
              </Show>
              {props.actions ? props.actions(member) : <MemberActions member={member} workspaceName={props.workspaceName} />}
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
