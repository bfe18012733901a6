import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import type { Invite } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { formatRelativeExpiry } from '../../lib/format';
import { createAction, formFields } from '../../lib/action';
import { FormError } from '../form-error';
import { Modal } from '../modal';

const USE_LIMITS = [null, 1, 5, 10, 25, 100] as const;
const LIFETIMES: { label: string; seconds: number | null }[] = [
  { label: 'Never', seconds: null },
  { label: '30 minutes', seconds: 30 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: 7 * 86_400 },
  { label: '30 days', seconds: 30 * 86_400 },
];

const STATUS_LABEL: Record<Invite['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  used_up: 'Used up',
  revoked: 'Revoked',
};

/** Create invite codes with optional use limit and expiry; see every code with its uses; revoke any. */
export function InviteDialog(props: { workspaceId: string; workspaceName: string; onClose: () => void }): JSX.Element {
  const [invites, { refetch }] = createResource(async () => (await endpoints.invites(props.workspaceId)).invites);
  const [created, setCreated] = createSignal<Invite | null>(null);
  const [copied, setCopied] = createSignal(false);

  const link = (code: string) => `${location.origin}/join/${code}`;

  const create = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    const { invite } = await endpoints.createInvite(props.workspaceId, {
      maxUses: field('maxUses') ? Number(field('maxUses')) : null,
      expiresInSeconds: field('expires') ? Number(field('expires')) : null,
    });
    setCreated(invite);
    setCopied(false);
    await refetch();
  });

  const revoke = createAction(async (code: string) => {
    await endpoints.revokeInvite(props.workspaceId, code);
    await refetch();
  });

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Modal title={`Invite people to ${props.workspaceName}`} onClose={props.onClose} wide testId="invite-dialog">
      <form class="invite-form" onSubmit={create.run}>
        <label>
          Uses
          <select name="maxUses">
            <For each={USE_LIMITS}>{(n) => <option value={n ?? ''}>{n === null ? 'No limit' : `${n} ${n === 1 ? 'use' : 'uses'}`}</option>}</For>
          </select>
        </label>
        <label>
          Expires after
          <select name="expires">
            <For each={LIFETIMES}>{(l) => <option value={l.seconds ?? ''}>{l.label}</option>}</For>
          </select>
        </label>
        <button class="button primary" type="submit" disabled={create.busy()}>
          Create invite code
        </button>
      </form>
      <FormError message={create.error() ?? revoke.error()} />
      <Show when={created()}>
        {(invite) => (
          <div class="invite-created">
            <p class="hint">Share this code, or the link. They will see the workspace's name before they join.</p>
            <div class="invite-code" data-testid="invite-code">
              {invite().code}
            </div>
            <div class="invite-link">
              <input readonly value={link(invite().code)} aria-label="Invite link" onFocus={(e) => e.currentTarget.select()} />
              <button class="button" type="button" onClick={() => copy(link(invite().code))}>
                {copied() ? 'Copied' : 'Copy link'}
              </button>
            </div>
          </div>
        )}
      </Show>
      <h3 class="section-title">Invite codes</h3>
      <Show when={(invites() ?? []).length > 0} fallback={<p class="hint">No invite codes yet.</p>}>
        <table class="table" data-testid="invite-table">
          <thead>
            <tr>
              <th>Code</th>
              <th>Uses</th>
              <th>Expires</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={invites()}>
              {(invite) => (
                <tr>
                  <td class="mono">{invite.code}</td>
                  <td>
                    {invite.uses}
                    {invite.maxUses === null ? '' : ` / ${invite.maxUses}`}
                  </td>
                  <td>{formatRelativeExpiry(invite.expiresAt)}</td>
                  <td>
                    <span class={`status status-${invite.status}`}>{STATUS_LABEL[invite.status]}</span>
                  </td>
                  <td class="actions">
                    <Show when={invite.status === 'active'}>
                      <button class="link-button danger" type="button" onClick={() => revoke.run(invite.code)}>
                        Revoke
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </Modal>
  );
}
