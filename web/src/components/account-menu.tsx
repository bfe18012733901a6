import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { activeStatus, avatarSrc, formatUntil } from '../lib/profile';
import { useGateway } from '../stores/gateway';
import { profileEditor } from '../stores/profile-editor';
import { useSession } from '../stores/session';
import { NotificationPermission, StatusChoices } from './status-choices';
import { Avatar } from './avatar';
import { ChevronDownIcon, ChevronUpIcon, SmileIcon } from './icons';

/**
 * The signed-in person: their status, profile, account settings and (for
 * instance admins) administration, a one-click switch to the browser's other
 * accounts, add account and sign out.
 */
export function AccountMenu(props: { placement: 'up' | 'down' }): JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;

  const closeOnOutsideClick = (event: MouseEvent) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open()) {
      setOpen(false);
      root.querySelector<HTMLElement>('.account-button')?.focus();
    }
  };
  document.addEventListener('mousedown', closeOnOutsideClick);
  document.addEventListener('keydown', closeOnEscape);
  onCleanup(() => {
    document.removeEventListener('mousedown', closeOnOutsideClick);
    document.removeEventListener('keydown', closeOnEscape);
  });

  const gateway = useGateway();
  const others = () => session.accounts().filter((a) => a.id !== session.account()?.id);
  const status = () => activeStatus(session.account()?.status);

  function go(path: string) {
    setOpen(false);
    navigate(path);
  }

  function editProfile() {
    setOpen(false);
    profileEditor.show();
  }

  function switchTo(id: string) {
    setOpen(false);
    session.switchTo(id);
    navigate('/');
  }

  async function signOut() {
    setOpen(false);
    await session.signOut();
    navigate(session.account() ? '/' : '/signin');
  }

  return (
    <div class={`account-menu ${props.placement}`} ref={root}>
      <Show when={session.account()}>
        {(me) => (
          <button
            class="account-button"
            type="button"
            aria-haspopup="menu"
            aria-expanded={open()}
            data-testid="account-button"
            onClick={() => setOpen(!open())}
          >
            <Avatar name={me().displayName} seed={me().id} size="sm" src={avatarSrc(me().id, me())} presence={gateway?.presenceOf(me().id)} />
            <span class="account-names">
              <span class="account-display">{me().displayName}</span>
              <span class="account-username">@{me().username}</span>
            </span>
            <Show when={status()?.emoji}>
              {(emoji) => (
                <span class="status-emoji" title={status()?.text || undefined}>
                  {emoji()}
                </span>
              )}
            </Show>
            <span class="chevron">{props.placement === 'up' ? <ChevronUpIcon /> : <ChevronDownIcon />}</span>
          </button>
        )}
      </Show>
      <Show when={open()}>
        <div class="menu account-menu-panel" role="menu" aria-label="Account">
          <Show when={session.account()}>
            {(me) => (
              <div class="account-menu-head">
                <Avatar name={me().displayName} seed={me().id} size="lg" src={avatarSrc(me().id, me())} />
                <span class="account-names">
                  <span class="account-display">{me().displayName}</span>
                  <span class="account-username">@{me().username}</span>
                </span>
              </div>
            )}
          </Show>
          <button class="status-button" role="menuitem" type="button" onClick={editProfile} data-testid="account-menu-status">
            <Show
              when={status()}
              fallback={
                <>
                  <SmileIcon size={16} /> <span class="muted">Update your status</span>
                </>
              }
            >
              {(s) => (
                <>
                  <span class="status-emoji">{s().emoji ?? '💬'}</span>
                  <span class="status-button-text">
                    {s().text}
                    <Show when={s().expiresAt}>{(at) => <span class="muted"> · {formatUntil(at())}</span>}</Show>
                  </span>
                </>
              )}
            </Show>
          </button>
          <Show when={gateway}>
            {(g) => (
              <>
                <StatusChoices gateway={g()} onChosen={() => setOpen(false)} />
                <NotificationPermission />
              </>
            )}
          </Show>
          <hr />
          <button class="menu-item" role="menuitem" type="button" onClick={editProfile} data-testid="menu-profile">
            Profile
          </button>
          <button class="menu-item" role="menuitem" type="button" onClick={() => go('/settings/account')} data-testid="menu-account-settings">
            Account settings
          </button>
          <Show when={session.account()?.isAdmin}>
            <button class="menu-item" role="menuitem" type="button" onClick={() => go('/admin')} data-testid="menu-admin">
              Instance administration
            </button>
          </Show>
          <hr />
          <Show when={others().length > 0}>
            <div class="menu-label">Switch account</div>
            <For each={others()}>
              {(account) => (
                <button class="menu-item" role="menuitem" type="button" onClick={() => switchTo(account.id)}>
                  <Avatar name={account.displayName} seed={account.id} size="sm" src={avatarSrc(account.id, account)} />
                  <span>
                    {account.displayName} <span class="muted">@{account.username}</span>
                  </span>
                </button>
              )}
            </For>
            <hr />
          </Show>
          <button class="menu-item" role="menuitem" type="button" onClick={() => go('/signin?next=/')}>
            Add another account
          </button>
          <button class="menu-item" role="menuitem" type="button" onClick={() => go('/home')}>
            Create or join a workspace
          </button>
          <hr />
          <button class="menu-item danger" role="menuitem" type="button" onClick={signOut}>
            Sign out {session.account()?.displayName}
          </button>
        </div>
      </Show>
    </div>
  );
}
