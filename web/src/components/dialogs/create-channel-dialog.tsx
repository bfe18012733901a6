import type { JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Channel } from '../../../../src/shared/model';
import { createAction, formFields } from '../../lib/action';
import { FormError } from '../form-error';
import { Modal } from '../modal';

export function CreateChannelDialog(props: {
  onCreate: (input: { name: string; topic: string }) => Promise<Channel>;
  onCreated: (channel: Channel) => void;
  onClose: () => void;
}): JSX.Element {
  const submit = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    props.onCreated(await props.onCreate({ name: field('name'), topic: field('topic') }));
  });

  return (
    <Modal title="Create a channel" onClose={props.onClose} testId="create-channel-dialog">
      <form class="form" onSubmit={submit.run}>
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
        <FormError message={submit.error()} />
        <button class="button primary" type="submit" disabled={submit.busy()}>
          Create channel
        </button>
      </form>
    </Modal>
  );
}
