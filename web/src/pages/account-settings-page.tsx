import { useNavigate } from '@solidjs/router';
import { createResource, Show, type JSX } from 'solid-js';
import { endpoints } from '../api/endpoints';
import { Avatar } from '../components/avatar';
import { ChangePasswordForm } from '../components/change-password-form';
import { DeleteAccountForm } from '../components/delete-account-form';
import { SessionsList } from '../components/sessions-list';
import { StorageUsageMeter } from '../components/storage-usage';
import { SettingsLayout } from '../components/settings-layout';
import { activeStatus, avatarSrc, nameColorClass } from '../lib/profile';
import { profileEditor } from '../stores/profile-editor';
import { useSession } from '../stores/session';

/** /settings/account — profile at a glance, password, where you are signed in, and deleting the account. */
export default function AccountSettingsPage(): JSX.Element {
  const session = useSession();
  const navigate = useNavigate();
  // Per account: switching accounts in this tab shows the other one's sessions.
  const [sessions, { refetch }] = createResource(
    () => session.account()?.id,
    async () => (await endpoints.accountSessions()).sessions,
  );

  async function deleted() {
    await session.refresh();
    navigate(session.account() ? '/' : '/signin', { replace: true });
  }

  return (
    <SettingsLayout title="Account and security" intro="Your password, the devices signed in as you, and your account itself." testId="account-settings">
      <Show when={session.account()}>
        {(me) => (
          <>
            <section class="settings-section" aria-labelledby="profile-heading">
              <h2 id="profile-heading">Profile</h2>
              <div class="profile-summary">
                <Avatar name={me().displayName} seed={me().id} size="xl" src={avatarSrc(me().id, me())} />
                <div class="profile-summary-names">
                  <span class={`profile-summary-name ${nameColorClass(me().nameColor)}`}>{me().displayName}</span>
                  <span class="muted">@{me().username}</span>
                  <Show when={activeStatus(me().status)}>
                    {(s) => (
                      <span class="hint">
                        {s().emoji ? `${s().emoji} ` : ''}
                        {s().text}
                      </span>
                    )}
                  </Show>
                </div>
                <button class="button" type="button" onClick={() => profileEditor.show()} data-testid="settings-edit-profile">
                  Edit profile
                </button>
              </div>
            </section>

            <section class="settings-section" aria-labelledby="storage-heading">
              <h2 id="storage-heading">File storage</h2>
              <StorageUsageMeter />
            </section>

            <section class="settings-section" aria-labelledby="password-heading">
              <h2 id="password-heading">Password</h2>
              <ChangePasswordForm username={me().username} onChanged={() => void refetch()} />
            </section>

            <section class="settings-section" aria-labelledby="sessions-heading">
              <h2 id="sessions-heading">Where you’re signed in</h2>
              <p class="hint">Sign out a device you no longer use or do not recognise.</p>
              <SessionsList sessions={sessions} onChanged={() => void refetch()} />
            </section>

            <section class="settings-section danger-zone" aria-labelledby="delete-heading" data-testid="danger-zone">
              <h2 id="delete-heading">Delete account</h2>
              <DeleteAccountForm username={me().username} onDeleted={deleted} />
            </section>
          </>
        )}
      </Show>
    </SettingsLayout>
  );
}
