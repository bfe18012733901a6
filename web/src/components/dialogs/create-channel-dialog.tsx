import { createSignal, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Channel } from '../../../../src/shared/model';
import { errorMessage } from '../../api/client';
import { Modal } from '../modal';

export function CreateChannelDialog(props: {
  onCreate: (input: { name: string; topic: string }) => Promise<Channel>;
  onCreated: (channel: Channel) => void;
  onClose: () => void;
}): JSX.Element {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const channel = await props.onCreate({ name: String(form.get('name') ?? ''), topic: String(form.get('topic') ?? '') });
      props.onCreated(channel);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Create a channel" onClose={props.onClose} testId="create-channel-dialog">
      <form class="form" onSubmit={submit}>
        <label>
          Name
          <div class="input-prefix">
            <span aria-hidden="true">#</span>
            <input name="name" required maxLength={LIMITS.channelNameMax} placeholder="e.g. plant-maintenance" autofocus />
          </div>
        </label>
        <label>
          <span>
            Topic <span class="optional">optional</span>
          </span>
          <input name="topic" maxLength={LIMITS.channelTopicMax} placeholder="What is this channel about?" />
        </label>
        <p class="hint">Channels are open to everyone in the workspace. Names are lowercase, without spaces.</p>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button class="button primary" type="submit" disabled={busy()}>
          Create channel
        </button>
      </form>
    </Modal>
  );
}
