import { createResource, Show, type JSX } from 'solid-js';
import type { AdminUser } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { AdminUserList } from '../components/admin-user-list';
import { InstanceSettingsForm } from '../components/instance-settings-form';
import { SettingsLayout } from '../components/settings-layout';
import { useSession } from '../stores/session';

/** /admin — for instance administrators: the server's name, who may sign up, and every account. */
export default function AdminPage(): JSX.Element {
  const session = useSession();
  const [instance, { mutate: setInstance }] = createResource(() => endpoints.instance());
  const [users, { mutate: setUsers }] = createResource(
    () => session.account()?.isAdmin,
    async () => (await endpoints.adminUsers()).users,
  );
  const replaceUser = (user: AdminUser) => setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)));

  return (
    <SettingsLayout title="Administration" intro="Settings for this Hearth server and everyone who has an account on it." testId="admin-page">
      <Show
        when={session.account()?.isAdmin}
        fallback={<p class="notice">Only the server’s administrators can see this page.</p>}
      >
        <section class="settings-section" aria-labelledby="instance-heading">
          <h2 id="instance-heading">Server</h2>
          <Show when={instance()} fallback={<p class="hint">Loading…</p>}>
            {(info) => <InstanceSettingsForm instance={info()} onSaved={setInstance} />}
          </Show>
        </section>
        <section class="settings-section" aria-labelledby="users-heading">
          <h2 id="users-heading">People</h2>
          <p class="hint">A deactivated account is signed out at once and cannot sign in; nothing it wrote is removed.</p>
          <AdminUserList users={users} myId={session.account()!.id} onChanged={replaceUser} />
        </section>
      </Show>
    </SettingsLayout>
  );
}
