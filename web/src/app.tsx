import { Navigate, Route, Router, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, lazy, onMount, Show, type JSX } from 'solid-js';
import { profileEditor } from './stores/profile-editor';
import { useSession } from './stores/session';
import { useWorkspaces } from './stores/workspaces';

const AuthPage = lazy(() => import('./pages/auth-page'));
const HomePage = lazy(() => import('./pages/home-page'));
const JoinPage = lazy(() => import('./pages/join-page'));
const loadWorkspacePage = () => import('./pages/workspace-page');
const WorkspacePage = lazy(loadWorkspacePage);
// Most first loads end on a channel: fetch its page (the biggest chunk) while the session is checked, not after.
if (location.pathname === '/' || location.pathname.startsWith('/w/')) loadWorkspacePage().catch(() => undefined); // the route's own load reports a failure
const AccountSettingsPage = lazy(() => import('./pages/account-settings-page'));
const AdminPage = lazy(() => import('./pages/admin-page'));
const ProfileDialog = lazy(() => import('./components/profile-dialog'));

/** Pages that need a signed-in account send everyone else to sign in, keeping where they were going. */
function SignedIn(props: RouteSectionProps): JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  createEffect(() => {
    if (session.ready() && !session.account()) {
      navigate(`/signin?next=${encodeURIComponent(props.location.pathname)}`, { replace: true });
    }
  });
  return <Show when={session.account()}>{props.children}</Show>;
}

/** "/" opens the last workspace used, or the home page to create or join one. */
function Start(): JSX.Element {
  const workspaces = useWorkspaces();
  const navigate = useNavigate();
  createEffect(() => {
    // Right after an account switch the list still holds the previous account's workspaces while it refetches.
    if (workspaces.list.state !== 'ready') return;
    const list = workspaces.list()!;
    const last = localStorage.getItem('hearth.lastWorkspace');
    const target = list.find((w) => w.id === last) ?? list[0];
    navigate(target ? `/w/${target.id}` : '/home', { replace: true });
  });
  return <div class="splash" aria-busy="true" />;
}

export function App(): JSX.Element {
  const session = useSession();
  onMount(() => void session.refresh().catch(() => undefined));
  return (
    <Show when={session.ready()} fallback={<div class="splash" aria-busy="true" />}>
      <Router>
        <Route path="/signin" component={AuthPage} />
        <Route path="/signup" component={AuthPage} />
        <Route path="/join/:code" component={JoinPage} />
        <Route path="/" component={SignedIn}>
          <Route path="/" component={Start} />
          <Route path="/home" component={HomePage} />
          <Route path="/w/:workspaceId/:channelId?" component={WorkspacePage} />
          <Route path="/settings/account" component={AccountSettingsPage} />
          <Route path="/admin" component={AdminPage} />
        </Route>
        <Route path="*" component={() => <Navigate href="/" />} />
      </Router>
      <Show when={profileEditor.open() && session.account()}>
        {(account) => <ProfileDialog account={account()} onClose={profileEditor.close} />}
      </Show>
    </Show>
  );
}
