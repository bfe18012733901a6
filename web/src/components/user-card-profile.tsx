import { Show, useContext, type JSX } from 'solid-js';
import { DELETED_USER_NAME, type Member, type ProfileFields } from '../../../src/shared/model';
import { allows } from '../../../src/shared/permissions';
import { createAction } from '../lib/action';
import { activeStatus, avatarSrc, formatUntil, nameColorClass, ROLE_LABEL } from '../lib/profile';
import { useGateway } from '../stores/gateway';
import { MembersContext } from '../stores/members';
import { profileEditor } from '../stores/profile-editor';
import { useSession } from '../stores/session';
import { Avatar, PRESENCE_LABEL } from './avatar';
import { FormError } from './form-error';
import { EditIcon, ThreadIcon } from './icons';
import { useUserCardHooks } from './user-card-hooks';

interface Person extends ProfileFields {
  displayName: string;
  username: string | null;
  role: Member['role'] | null;
  timedOutUntil: number | null;
}

/**
 * What the user card shows of a person: picture, name in their colour,
 * @username, role, presence, status and timeout, with "Message" (or "Edit
 * profile" on one's own) and, for moderators, the member's moderation menu.
 */
export function UserCardProfile(props: { userId: string; fallbackName: string; titleId: string; onClose: () => void }): JSX.Element {
  const members = useContext(MembersContext);
  const hooks = useUserCardHooks();
  const session = useSession();
  const gateway = useGateway();

  const member = () => members?.get(props.userId);
  const isMe = () => props.userId === session.account()?.id;
  const gone = () => !member() && !isMe();
  const person = (): Person => {
    const m = member();
    if (m) return m;
    const me = isMe() ? session.account() : null;
    if (me) return { ...me, role: null, timedOutUntil: null };
    return { displayName: props.fallbackName, username: null, role: null, timedOutUntil: null, avatarVersion: null, status: null, nameColor: null };
  };
  const status = () => activeStatus(person().status);
  const presence = () => (gateway && !gone() ? gateway.presenceOf(props.userId) : undefined);
  const myRole = () => members?.get(session.account()?.id ?? '')?.role;
  const moderated = () => {
    const role = myRole();
    return !isMe() && !!hooks.memberActions && !!role && allows(role, 'timeoutMember') ? member() : undefined;
  };
  const message = createAction(async () => {
    await hooks.onMessage?.(props.userId);
    props.onClose();
  });
  const timedOut = () => {
    const until = person().timedOutUntil;
    return until !== null && until > Date.now() ? until : null;
  };

  return (
    <>
      <div class="user-card-banner" classList={{ [`banner-${person().nameColor}`]: !!person().nameColor, gone: gone() }} />
      <div class="user-card-head">
        <Avatar
          name={person().displayName}
          seed={props.userId}
          size="xl"
          src={avatarSrc(props.userId, person())}
          presence={presence()}
          class={`user-card-avatar ${gone() ? 'avatar-gone' : ''}`}
        />
      </div>
      <div class="user-card-body">
        <h2 id={props.titleId} class={`user-card-name ${nameColorClass(person().nameColor)}`} data-testid="user-card-name">
          {person().displayName}
        </h2>
        <div class="user-card-handle">
          <Show when={person().username}>{(username) => <span data-testid="user-card-username">@{username()}</span>}</Show>
          <Show when={person().role}>
            {(role) => (
              <span class={`role-badge role-${role()}`} data-testid="user-card-role">
                {ROLE_LABEL[role()]}
              </span>
            )}
          </Show>
        </div>
        <Show when={presence()}>
          {(p) => (
            <div class="user-card-presence" data-testid="user-card-presence">
              <span class={`status-swatch ${p()}`} />
              {PRESENCE_LABEL[p()]}
            </div>
          )}
        </Show>
        <Show when={gone()}>
          <p class="hint" data-testid="user-card-gone">
            {props.fallbackName === DELETED_USER_NAME ? 'This account was deleted.' : 'Not in this workspace any more.'}
          </p>
        </Show>
        <Show when={status()}>
          {(s) => (
            <div class="user-card-status" data-testid="user-card-status">
              <Show when={s().emoji}>{(emoji) => <span class="status-emoji">{emoji()}</span>}</Show>
              <span class="user-card-status-text">
                {s().text}
                <Show when={s().expiresAt}>{(at) => <span class="muted"> · {formatUntil(at())}</span>}</Show>
              </span>
            </div>
          )}
        </Show>
        <Show when={timedOut()}>
          {(until) => (
            <p class="user-card-timeout" data-testid="user-card-timeout">
              Timed out {formatUntil(until())}
            </p>
          )}
        </Show>
        <div class="user-card-actions">
          <Show when={isMe()}>
            <button
              class="button"
              type="button"
              data-testid="user-card-edit-profile"
              onClick={() => {
                props.onClose();
                profileEditor.show();
              }}
            >
              <EditIcon size={15} /> Edit profile
            </button>
          </Show>
          <Show when={!isMe() && member() && hooks.onMessage}>
            <button class="button primary" type="button" disabled={message.busy()} data-testid="user-card-message" onClick={() => void message.run()}>
              <ThreadIcon size={15} /> Message
            </button>
          </Show>
          {/* Rendered once per card (the member is a live store record), so a dialog it opens survives profile updates. */}
          <Show when={moderated()}>{(m) => hooks.memberActions!(m(), props.onClose)}</Show>
        </div>
        <FormError message={message.error()} />
      </div>
    </>
  );
}
