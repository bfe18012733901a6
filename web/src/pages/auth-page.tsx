import { A, useLocation, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { endpoints } from '../api/endpoints';
import { Brand } from '../components/brand';
import { FormError } from '../components/form-error';
import { createAction, formFields } from '../lib/action';
import { useSession } from '../stores/session';

/** Sign in and sign up, on /signin and /signup. `?next=` is where to go after; `?invite=` pre-fills a code. */
export default function AuthPage(): JSX.Element {
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; invite?: string }>();
  const session = useSession();
  const [instance] = createResource(() => endpoints.instance());
  const isSignUp = () => location.pathname === '/signup';
  const inviteMode = () => instance()?.registrationMode === 'invite' && !instance()?.needsFirstAccount;
  const closed = () => instance()?.registrationMode === 'closed' && !instance()?.needsFirstAccount;
  const switchLink = (path: string) => `${path}${location.search}`;

  const safeNext = () => {
    const next = params.next;
    return next && /^\/(?![/\\])/.test(next) ? next : '/';
  };

  const submit = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    if (isSignUp()) {
      const result = await session.signUp({
        username: field('username'),
        password: field('password'),
        displayName: field('displayName').trim() || undefined,
        inviteCode: field('inviteCode').trim() || undefined,
      });
      navigate(result.workspaceId ? `/w/${result.workspaceId}` : safeNext(), { replace: true });
    } else {
      await session.signIn({ username: field('username'), password: field('password') });
      navigate(safeNext(), { replace: true });
    }
  });

  return (
    <main class="auth-page">
      <div class="auth-card">
        <Brand name={instance()?.name} />
        <h1>{isSignUp() ? 'Create your account' : 'Sign in'}</h1>
        <Show when={session.account()}>
          <p class="hint">
            You are signed in as <strong>{session.account()!.displayName}</strong>. This adds another account to this
            browser; switch between them from the account menu. <A href="/">Back</A>
          </p>
        </Show>
        <Show when={isSignUp() && instance()?.needsFirstAccount}>
          <p class="hint">This is the first account on this server: it will be the administrator.</p>
        </Show>
        <Show
          when={!(isSignUp() && closed())}
          fallback={<p class="notice">Sign-up is closed on this server. Ask an administrator for an account.</p>}
        >
          <form class="form" onSubmit={submit.run} novalidate={false}>
            <label>
              Username
              <input
                name="username"
                autocomplete="username"
                required
                minLength={isSignUp() ? LIMITS.usernameMin : 1}
                maxLength={LIMITS.usernameMax}
                pattern={isSignUp() ? '[A-Za-z0-9][A-Za-z0-9._\\-]*' : undefined}
                title="Letters, digits, dots, dashes and underscores"
                autofocus
              />
            </label>
            <Show when={isSignUp()}>
              <label>
                <span>
                  Display name <span class="optional">optional</span>
                </span>
                <input name="displayName" autocomplete="name" maxLength={LIMITS.displayNameMax} />
              </label>
            </Show>
            <label>
              Password
              <input
                name="password"
                type="password"
                autocomplete={isSignUp() ? 'new-password' : 'current-password'}
                required
                minLength={isSignUp() ? LIMITS.passwordMin : 1}
                maxLength={LIMITS.passwordMax}
              />
            </label>
            <Show when={isSignUp() && (inviteMode() || params.invite)}>
              <label>
                <span>
                  Invite code <Show when={!inviteMode()}>{<span class="optional">optional</span>}</Show>
                </span>
                <input name="inviteCode" required={inviteMode()} value={params.invite ?? ''} autocomplete="off" />
              </label>
            </Show>
            <FormError message={submit.error()} />
            <button class="button primary" type="submit" disabled={submit.busy()}>
              {submit.busy() ? 'Please wait…' : isSignUp() ? 'Create account' : 'Sign in'}
            </button>
          </form>
        </Show>
        <p class="auth-switch">
          <Show
            when={isSignUp()}
            fallback={
              <Show when={!closed()}>
                New here? <A href={switchLink('/signup')}>Create an account</A>
              </Show>
            }
          >
            Have an account? <A href={switchLink('/signin')}>Sign in</A>
          </Show>
        </p>
      </div>
    </main>
  );
}
