import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import type { AuditQuery } from '../../../../src/shared/api';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type Channel } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { AUDIT_ACTION_LABELS, auditDetail } from '../../lib/audit-words';
import { formatFull, formatTime, formatDay } from '../../lib/format';
import { useMembers } from '../../stores/members';
import { FormError } from '../form-error';
import { Modal } from '../modal';

type Filter = Pick<AuditQuery, 'action' | 'actorId' | 'targetId'>;

/** The workspace's audit log for admins: newest first, filtered by action, actor or target, older pages on demand. */
export function AuditLogDialog(props: { workspaceId: string; channels: Channel[]; onClose: () => void }): JSX.Element {
  const members = useMembers();
  const [filter, setFilter] = createSignal<Filter>({});
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  // Each load belongs to one filter: a slow answer for an old filter is dropped.
  let generation = 0;
  async function load(before?: number) {
    const mine = ++generation;
    setLoading(true);
    setError(null);
    try {
      const page = await endpoints.audit(props.workspaceId, { ...filter(), before });
      if (mine !== generation) return;
      setEntries(before ? [...entries(), ...page.entries] : page.entries);
      setNextBefore(page.nextBefore);
    } catch (e) {
      if (mine === generation) setError(errorMessage(e));
    } finally {
      if (mine === generation) setLoading(false);
    }
  }
  createEffect(on(filter, () => void load()));

  const set = (key: keyof Filter, value: string) => setFilter({ ...filter(), [key]: value || undefined });
  const channelName = (id: string | null) => {
    if (!id) return '';
    const channel = props.channels.find((c) => c.id === id);
    return channel ? (channel.kind === 'dm' ? 'a direct message' : `#${channel.name}`) : 'a deleted channel';
  };
  // Channel actions name the channel itself as their target.
  const targetOf = (entry: AuditEntry) =>
    entry.targetName === null ? '' : entry.action.startsWith('channel.') && !entry.action.startsWith('channel.member') ? `#${entry.targetName}` : entry.targetName;
  // Current members, and anyone (or any channel) the loaded entries name, so former members can be filtered too.
  const [seen, setSeen] = createSignal<{ actors: Map<string, string>; targets: Map<string, string> }>({ actors: new Map(), targets: new Map() });
  createEffect(() => {
    const { actors, targets } = seen();
    const nextActors = new Map(actors);
    const nextTargets = new Map(targets);
    for (const m of members.all()) {
      nextActors.set(m.userId, m.displayName);
      nextTargets.set(m.userId, m.displayName);
    }
    for (const e of entries()) {
      nextActors.set(e.actorId, e.actorName);
      if (e.targetId) nextTargets.set(e.targetId, targetOf(e));
    }
    if (nextActors.size !== actors.size || nextTargets.size !== targets.size) setSeen({ actors: nextActors, targets: nextTargets });
  });
  const options = (names: Map<string, string>) => [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Modal title="Audit log" onClose={props.onClose} wide testId="audit-log-dialog">
      <div class="audit-filters">
        <label>
          Action
          <select aria-label="Filter by action" data-testid="audit-filter-action" onChange={(e) => set('action', e.currentTarget.value)}>
            <option value="">All actions</option>
            <For each={AUDIT_ACTIONS as readonly AuditAction[]}>{(a) => <option value={a}>{AUDIT_ACTION_LABELS[a]}</option>}</For>
          </select>
        </label>
        <label>
          Done by
          <select aria-label="Filter by who did it" data-testid="audit-filter-actor" onChange={(e) => set('actorId', e.currentTarget.value)}>
            <option value="">Anyone</option>
            <For each={options(seen().actors)}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </label>
        <label>
          Done to
          <select aria-label="Filter by who it was done to" data-testid="audit-filter-target" onChange={(e) => set('targetId', e.currentTarget.value)}>
            <option value="">Anyone or anything</option>
            <For each={options(seen().targets)}>{(t) => <option value={t.id}>{t.name}</option>}</For>
          </select>
        </label>
      </div>
      <FormError message={error()} />
      <Show when={entries().length > 0} fallback={<p class="hint">{loading() ? 'Loading…' : 'Nothing recorded matches.'}</p>}>
        <div class="table-scroll">
          <table class="table audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Channel</th>
                <th>Details</th>
                <th>Address</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {(entry) => (
                  <tr data-testid="audit-row" data-action={entry.action}>
                    <td class="nowrap" title={formatFull(entry.at)}>
                      <span class="audit-day">{formatDay(entry.at)}</span> {formatTime(entry.at)}
                    </td>
                    <td class="nowrap">
                      <strong>{entry.actorName}</strong>
                    </td>
                    <td class="nowrap">{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</td>
                    <td class="nowrap">{targetOf(entry)}</td>
                    <td class="nowrap">{channelName(entry.channelId)}</td>
                    <td class="wrap audit-detail">{auditDetail(entry).join(' · ')}</td>
                    <td class="mono nowrap">{entry.address || '—'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={nextBefore()}>
        {(before) => (
          <button class="button load-older" type="button" disabled={loading()} onClick={() => void load(before())}>
            {loading() ? 'Loading…' : 'Load older'}
          </button>
        )}
      </Show>
    </Modal>
  );
}
