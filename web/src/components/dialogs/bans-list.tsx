import { createResource, For, Show, type JSX } from 'solid-js';
import { endpoints } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { createAction } from '../../lib/action';
import { formatFull } from '../../lib/format';
import { FormError } from '../form-error';

/** The workspace's bans, newest first, each with who banned whom, when and why; admins lift them here. */
export function BansList(props: { workspaceId: string }): JSX.Element {
  const [bans, { refetch }] = createResource(async () => (await endpoints.bans(props.workspaceId)).bans.sort((a, b) => b.bannedAt - a.bannedAt));
  const unban = createAction(async (userId: string) => {
    await endpoints.unban(props.workspaceId, userId);
    await refetch();
  });

  return (
    <>
      <FormError message={unban.error() ?? (bans.error ? errorMessage(bans.error) : null)} />
      <Show when={(bans() ?? []).length > 0} fallback={<p class="hint">{bans.loading ? 'Loading…' : 'Nobody is banned.'}</p>}>
        <table class="table" data-testid="bans-table">
          <thead>
            <tr>
              <th>Person</th>
              <th>Banned by</th>
              <th>When</th>
              <th>Reason</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={bans()}>
              {(ban) => (
                <tr data-testid="ban-row">
                  <td>
                    <strong>{ban.displayName}</strong> <span class="muted">@{ban.username}</span>
                  </td>
                  <td>{ban.bannedByName}</td>
                  <td class="nowrap">{formatFull(ban.bannedAt)}</td>
                  <td class="wrap">{ban.reason || <span class="muted">—</span>}</td>
                  <td class="actions">
                    <button class="link-button" type="button" aria-label={`Unban ${ban.displayName}`} disabled={unban.busy()} onClick={() => unban.run(ban.userId)}>
                      Unban
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
