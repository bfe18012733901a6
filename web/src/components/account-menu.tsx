import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { useGateway } from '../stores/gateway';
import { useSession } from '../stores/session';
import { NotificationPermission, StatusChoices } from './status-choices';
import { Avatar } from './avatar';
import { ChevronDownIcon, ChevronUpIcon } from './icons';

/** The signed-in person, a one-click switch to the browser's other accounts, add account and sign out. */
export function AccountMenu(props: { placement: 'up' | 'down' }): JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;

  const closeOnOutsideClick = (event: MouseEvent) => {
    if (!root.contains(event.target as Node)) setOpen(false);
  };
  document.addEventListener('mousedown', closeOnOutsideClick);
  onCleanup(() => document.removeEventListener('mousedown', closeOnOutsideClick));

  const gateway = useGateway();
  const others = () => session.accounts().filter((a) => a.id !== session.account()?.id);

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
            <Avatar name={me().displayName} seed={me().id} size="sm" presence={gateway?.presenceOf(me().id)} />
            <span class="account-names">
              <span class="account-display">{me().displayName}</span>
              <span class="account-username">@{me().username}</span>
            </span>
            <span class="chevron">{props.placement === 'up' ? <ChevronUpIcon /> : <ChevronDownIcon />}</span>
          </button>
        )}
      </Show>
      <Show when={open()}>
        <div class="menu" role="menu">
          <Show when={gateway}>
            {(g) => (
              <>
                <StatusChoices gateway={g()} onChosen={() => setOpen(false)} />
                <NotificationPermission />
                <hr />
              </>
            )}
          </Show>
          <Show when={others().length > 0}>
            <div class="menu-label">Switch account</div>
            <For each={others()}>
              {(account) => (
                <button class="menu-item" role="menuitem" type="button" onClick={() => switchTo(account.id)}>
                  <Avatar name={account.displayName} seed={account.id} size="sm" />
                  <span>
                    {account.displayName} <span class="muted">@{account.username}</span>
                  </span>
                </button>
              )}
            </For>
            <hr />
          </Show>
          <button class="menu-item" role="menuitem" type="button" onClick={() => navigate('/signin?next=/')}>
            Add another account
          </button>
          <button class="menu-item" role="menuitem" type="button" onClick={() => navigate('/home')}>
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
