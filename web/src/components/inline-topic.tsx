import { createSignal, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { errorMessage } from '../api/client';

/** A channel's topic in its header; members click it to change it in place (Enter saves, Escape cancels). */
export function InlineTopic(props: { topic: string; editable: boolean; onSave: (topic: string) => Promise<unknown> }): JSX.Element {
  const [editing, setEditing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let saving = false;

  const save = async (input: HTMLInputElement) => {
    if (saving) return;
    const topic = input.value.trim();
    if (topic === props.topic) return setEditing(false);
    saving = true;
    try {
      await props.onSave(topic);
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      saving = false;
    }
  };

  return (
    <Show
      when={editing()}
      fallback={
        <Show when={props.editable} fallback={<p class="channel-topic" title={props.topic}>{props.topic}</p>}>
          <button class="channel-topic editable" classList={{ empty: !props.topic }} type="button" title={props.topic || 'Add a topic'} data-testid="channel-topic" onClick={() => setEditing(true)}>
            {props.topic || 'Add a topic'}
          </button>
        </Show>
      }
    >
      <span class="topic-editor">
        <input
          ref={(el) => queueMicrotask(() => el.select())}
          value={props.topic}
          maxLength={LIMITS.channelTopicMax}
          aria-label="Channel topic"
          placeholder="What is this channel about?"
          data-testid="topic-input"
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save(e.currentTarget);
            if (e.key === 'Escape') {
              e.preventDefault();
              setEditing(false);
              setError(null);
            }
          }}
          onBlur={(e) => void save(e.currentTarget)}
        />
        <Show when={error()}>
          <span class="form-error topic-error" role="alert">
            {error()}
          </span>
        </Show>
      </span>
    </Show>
  );
}
