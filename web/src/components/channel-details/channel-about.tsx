import { createSignal, For, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Channel } from '../../../../src/shared/model';
import { endpoints } from '../../api/endpoints';
import { createAction, formFields } from '../../lib/action';
import type { ChannelPowers } from '../../lib/channel-powers';
import { formatDurationLong, SLOW_MODE_CHOICES } from '../../lib/durations';
import { formatFull } from '../../lib/format';
import { useMembers } from '../../stores/members';
import { DialogActions } from '../dialog-actions';
import { FormError } from '../form-error';
import { DeleteChannelDialog } from './delete-channel-dialog';

/** The About tab: name, topic, who created it and when, slow mode, archive, leave, delete — each only for those allowed. */
export function ChannelAbout(props: {
  workspaceId: string;
  channel: Channel;
  myId: string;
  powers: ChannelPowers;
  onChanged: (channel: Channel) => void;
  onGone: () => void;
}): JSX.Element {
  const members = useMembers();
  const [editing, setEditing] = createSignal<'name' | 'topic' | null>(null);
  const [deleting, setDeleting] = createSignal(false);
  const id = () => props.channel.id;

  const update = createAction(async (event: SubmitEvent) => {
    const value = formFields(event)('value');
    const body = editing() === 'name' ? { name: value } : { topic: value };
    props.onChanged((await endpoints.updateChannel(props.workspaceId, id(), body)).channel);
    setEditing(null);
  });
  const slowMode = createAction(async (seconds: number) => props.onChanged((await endpoints.setSlowMode(props.workspaceId, id(), seconds)).channel));
  const archive = createAction(async (archived: boolean) =>
    props.onChanged((await endpoints.archiveChannel(props.workspaceId, id(), archived)).channel),
  );
  const leave = createAction(async () => {
    await endpoints.removeChannelMember(props.workspaceId, id(), props.myId);
    props.onGone();
  });

  const row = (field: 'name' | 'topic', label: string, value: JSX.Element, allowed: boolean) => (
    <section class="about-row" data-testid={`about-${field}`}>
      <Show
        when={editing() === field}
        fallback={
          <>
            <div class="about-head">
              <h3>{label}</h3>
              <Show when={allowed}>
                <button class="link-button" type="button" aria-label={`Edit ${label.toLowerCase()}`} onClick={() => setEditing(field)}>
                  Edit
                </button>
              </Show>
            </div>
            <div class="about-value">{value}</div>
          </>
        }
      >
        <form class="form about-form" onSubmit={update.run}>
          <label>
            {label}
            <Show
              when={field === 'name'}
              fallback={<textarea name="value" rows={3} maxLength={LIMITS.channelTopicMax} value={props.channel.topic} autofocus />}
            >
              <div class="input-prefix">
                <span aria-hidden="true">#</span>
                <input name="value" required maxLength={LIMITS.channelNameMax} value={props.channel.name} autofocus />
              </div>
            </Show>
          </label>
          <DialogActions action={update} onCancel={() => setEditing(null)}>
            Save
          </DialogActions>
        </form>
      </Show>
    </section>
  );

  return (
    <div class="about">
      {row('name', 'Channel name', <>#{props.channel.name}</>, props.powers.rename)}
      {row('topic', 'Topic', props.channel.topic || <span class="muted">No topic yet</span>, props.powers.topic)}
      <section class="about-row">
        <h3>Created by</h3>
        <div class="about-value">
          {members.nameOf(props.channel.createdBy, 'someone no longer here')} on {formatFull(props.channel.createdAt)}
        </div>
      </section>
      <Show when={props.powers.slowMode}>
        <section class="about-row">
          <label class="about-inline">
            <span>
              <h3>Slow mode</h3>
              <span class="hint">How long each person waits between messages. Moderators and above are exempt.</span>
            </span>
            <select
              aria-label="Slow mode"
              data-testid="slow-mode-select"
              value={props.channel.slowModeSeconds}
              disabled={slowMode.busy()}
              onChange={(e) => void slowMode.run(Number(e.currentTarget.value))}
            >
              <Show when={!(SLOW_MODE_CHOICES as readonly number[]).includes(props.channel.slowModeSeconds)}>
                <option value={props.channel.slowModeSeconds}>{formatDurationLong(props.channel.slowModeSeconds)}</option>
              </Show>
              <For each={SLOW_MODE_CHOICES}>{(s) => <option value={s}>{s === 0 ? 'Off' : formatDurationLong(s)}</option>}</For>
            </select>
          </label>
          <FormError message={slowMode.error()} />
        </section>
      </Show>
      <div class="about-actions">
        <Show when={props.powers.archive}>
          <button class="button" type="button" disabled={archive.busy()} data-testid="archive-toggle" onClick={() => void archive.run(props.channel.archivedAt === null)}>
            {props.channel.archivedAt === null ? 'Archive channel' : 'Unarchive channel'}
          </button>
        </Show>
        <Show when={props.powers.leave}>
          <button class="button" type="button" disabled={leave.busy()} onClick={() => void leave.run()}>
            Leave channel
          </button>
        </Show>
        <Show when={props.powers.delete}>
          <button class="button danger-outline" type="button" onClick={() => setDeleting(true)}>
            Delete channel
          </button>
        </Show>
      </div>
      <Show when={props.powers.archive && props.channel.archivedAt === null}>
        <p class="hint">Archiving makes the channel read-only for everyone; its messages stay readable and searchable.</p>
      </Show>
      <FormError message={archive.error() ?? leave.error()} />
      <Show when={deleting()}>
        <DeleteChannelDialog workspaceId={props.workspaceId} channel={props.channel} onDeleted={props.onGone} onClose={() => setDeleting(false)} />
      </Show>
    </div>
  );
}
