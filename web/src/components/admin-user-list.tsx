import { createSignal, For, Show, type JSX, type Resource } from 'solid-js';
import type { AdminUser } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';
import { formatAgo, formatFull } from '../lib/format';
import { searchPeople } from '../lib/person-search';
import { Avatar } from './avatar';
import { ConfirmDialog } from './dialogs/confirm-dialog';
import { FormError } from './form-error';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Every account on the server, searchable; administrators make others administrators, and deactivate and reactivate accounts (never their own). */
export function AdminUserList(props: { users: Resource<AdminUser[]>; myId: string; onChanged: (user: AdminUser) => void }): JSX.Element {
  const [query, setQuery] = createSignal('');
  const [confirming, setConfirming] = createSignal<AdminUser | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const all = () => [...(props.users() ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const shown = () => searchPeople(query(), all());
  const deactivatedCount = () => all().filter((u) => u.deactivatedAt !== null).length;

  async function change(request: Promise<{ user: AdminUser }>) {
    setError(null);
    try {
      props.onChanged((await request).user);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const reactivate = (user: AdminUser) => change(endpoints.setDeactivated(user.id, false));
  const toggleAdmin = (user: AdminUser) => change(endpoints.setInstanceAdmin(user.id, !user.isAdmin));

  return (
    <div class="admin-users">
      <div class="admin-users-toolbar">
        <input type="search" placeholder="Search by name or username" aria-label="Search people" onInput={(e) => setQuery(e.currentTarget.value)} data-testid="admin-user-search" />
        <span class="hint admin-users-count">
          {all().length} {all().length === 1 ? 'account' : 'accounts'}
          <Show when={deactivatedCount()}>{(n) => <>, {n()} deactivated</>}</Show>
        </span>
      </div>
      <FormError message={props.users.error ? 'The accounts could not be loaded.' : error()} />
      <table class="table admin-table" aria-label="Accounts" data-testid="admin-user-list">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Created</th>
            <th scope="col">Last seen</th>
            <th scope="col">Status</th>
            <th scope="col" class="actions">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For
            each={shown()}
            fallback={
              <tr>
                <td colSpan={5} class="hint">
                  {props.users.loading ? 'Loading…' : 'Nobody matches.'}
                </td>
              </tr>
            }
          >
            {(user) => (
              <tr data-testid="admin-user-row" data-user-id={user.id} classList={{ deactivated: user.deactivatedAt !== null }}>
                <td>
                  <div class="admin-person">
                    <Avatar name={user.displayName} seed={user.id} size="sm" />
                    <span class="admin-person-names">
                      <span class="admin-person-name">
                        {user.displayName}
                        <Show when={user.id === props.myId}>
                          <span class="muted"> (you)</span>
                        </Show>
                        <Show when={user.isAdmin}>
                          <span class="tag tag-accent" data-testid="admin-badge">
                            Admin
                          </span>
                        </Show>
                      </span>
                      <span class="muted">@{user.username}</span>
                    </span>
                  </div>
                </td>
                <td title={formatFull(user.createdAt)}>{dateOnly.format(user.createdAt)}</td>
                <td title={user.lastSeenAt ? formatFull(user.lastSeenAt) : undefined}>{user.lastSeenAt ? formatAgo(user.lastSeenAt) : <span class="muted">Never</span>}</td>
                <td>
                  <Show when={user.deactivatedAt} fallback={<span class="status status-active">Active</span>}>
                    {(at) => (
                      <span class="status status-deactivated" title={`Deactivated ${formatFull(at())}`}>
                        Deactivated
                      </span>
                    )}
                  </Show>
                </td>
                <td class="actions">
                  <Show when={user.id !== props.myId && user.deactivatedAt === null}>
                    <button
                      class="button small"
                      type="button"
                      aria-label={user.isAdmin ? `Remove ${user.displayName} as administrator` : `Make ${user.displayName} an administrator`}
                      onClick={() => void toggleAdmin(user)}
                    >
                      {user.isAdmin ? 'Remove admin' : 'Make admin'}
                    </button>
                  </Show>
                  <Show
                    when={user.deactivatedAt === null}
                    fallback={
                      <button class="button small" type="button" onClick={() => void reactivate(user)} aria-label={`Reactivate ${user.displayName}`}>
                        Reactivate
                      </button>
                    }
                  >
                    <button
                      class="button small danger-outline"
                      type="button"
                      disabled={user.id === props.myId}
                      title={user.id === props.myId ? 'You cannot deactivate your own account' : undefined}
                      aria-label={`Deactivate ${user.displayName}`}
                      onClick={() => setConfirming(user)}
                    >
                      Deactivate
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={confirming()}>
        {(user) => (
          <ConfirmDialog
            title={`Deactivate ${user().displayName}?`}
            confirmLabel="Deactivate"
            danger
            testId="deactivate-dialog"
            onConfirm={async () => props.onChanged((await endpoints.setDeactivated(user().id, true)).user)}
            onClose={() => setConfirming(null)}
          >
            <p class="hint">
              <strong>@{user().username}</strong> is signed out everywhere at once and cannot sign in until an administrator reactivates the account. Their
              workspaces, roles and messages stay as they are.
            </p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}
