import { createSignal, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { endpoints } from '../api/endpoints';
import { createAction, formFields } from '../lib/action';
import { FormError } from './form-error';

/** Change the password: the current one, the new one twice, and optionally sign out every other session. */
export function ChangePasswordForm(props: { username: string; onChanged: (signedOutOthers: boolean) => void }): JSX.Element {
  const [done, setDone] = createSignal<string | null>(null);
  let form!: HTMLFormElement;

  const change = createAction(async (event: SubmitEvent) => {
    setDone(null);
    const field = formFields(event);
    if (field('newPassword') !== field('confirmPassword')) throw new Error('The new passwords do not match.');
    const signOutOthers = field('signOutOthers') === 'on';
    await endpoints.changePassword({ currentPassword: field('currentPassword'), newPassword: field('newPassword'), signOutOthers });
    form.reset();
    setDone(signOutOthers ? 'Password changed. Your other sessions are signed out.' : 'Password changed.');
    props.onChanged(signOutOthers);
  });

  return (
    <form class="form settings-form" ref={form} onSubmit={change.run} aria-label="Change password" data-testid="change-password-form">
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autocomplete="username" value={props.username} hidden readOnly />
      <label>
        Current password
        <input type="password" name="currentPassword" required autocomplete="current-password" maxLength={LIMITS.passwordMax} />
      </label>
      <div class="form-row">
        <label>
          New password
          <input type="password" name="newPassword" required autocomplete="new-password" minLength={LIMITS.passwordMin} maxLength={LIMITS.passwordMax} />
        </label>
        <label>
          Confirm new password
          <input type="password" name="confirmPassword" required autocomplete="new-password" minLength={LIMITS.passwordMin} maxLength={LIMITS.passwordMax} />
        </label>
      </div>
      <p class="hint">At least {LIMITS.passwordMin} characters. A few unrelated words make a strong one.</p>
      <label class="checkbox">
        <input type="checkbox" name="signOutOthers" />
        Sign out my other sessions
      </label>
      <FormError message={change.error()} />
      <Show when={done()}>
        <p class="form-success" role="status">
          {done()}
        </p>
      </Show>
      <div class="section-actions">
        <button class="button primary" type="submit" disabled={change.busy()}>
          {change.busy() ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
