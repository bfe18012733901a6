import { createSignal, type JSX } from 'solid-js';
import { LIMITS } from '../../../../src/shared/limits';
import type { Channel } from '../../../../src/shared/model';
import { createAction, formFields } from '../../lib/action';
import { FormError } from '../form-error';
import { HashIcon, LockIcon } from '../icons';
import { Modal } from '../modal';

export function CreateChannelDialog(props: {
  onCreate: (input: { name: string; topic: string; private: boolean }) => Promise<Channel>;
  onCreated: (channel: Channel) => void;
  onClose: () => void;
}): JSX.Element {
  const [isPrivate, setPrivate] = createSignal(false);
  const submit = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    props.onCreated(await props.onCreate({ name: field('name'), topic: field('topic'), private: isPrivate() }));
  });

  return (
    <Modal title={isPrivate() ? 'Create a private channel' : 'Create a channel'} onClose={props.onClose} testId="create-channel-dialog">
      <form class="form" onSubmit={submit.run}>
        <label>
          Name
          <div class="input-prefix">
            <span aria-hidden="true">{isPrivate() ? <LockIcon size={14} /> : <HashIcon size={14} />}</span>
            <input name="name" required maxLength={LIMITS.channelNameMax} placeholder="e.g. plant-maintenance" autofocus />
          </div>
        </label>
        <label>
          <span>
            Topic <span class="optional">optional</span>
          </span>
          <input name="topic" maxLength={LIMITS.channelTopicMax} placeholder="What is this channel about?" />
        </label>
        <label class="toggle-row">
          <span class="toggle-text">
            <span>Make private</span>
            <span class="hint">
              {isPrivate()
                ? 'Only people you add can see this channel and read its messages. It does not show in Browse channels.'
                : 'Everyone in the workspace can find and join this channel.'}
            </span>
          </span>
          <input type="checkbox" role="switch" class="switch" name="private" checked={isPrivate()} onChange={(e) => setPrivate(e.currentTarget.checked)} data-testid="private-toggle" />
        </label>
        <p class="hint">Names are lowercase, without spaces.</p>
        <FormError message={submit.error()} />
        <button class="button primary" type="submit" disabled={submit.busy()}>
          {isPrivate() ? 'Create private channel' : 'Create channel'}
        </button>
      </form>
    </Modal>
  );
}
