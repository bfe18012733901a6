import { createSignal, For, Show, type JSX } from 'solid-js';
import type { UpdateInstanceSettingsBody } from '../../../src/shared/api';
import { LIMITS } from '../../../src/shared/limits';
import { REGISTRATION_MODES, type InstanceInfo, type RegistrationMode } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { createAction } from '../lib/action';
import { FormError } from './form-error';

const MODE_TEXT: Record<RegistrationMode, { title: string; detail: string }> = {
  open: { title: 'Open', detail: 'Anyone who can reach this server can create an account.' },
  invite: { title: 'Invite only', detail: 'New people need an invite code from a workspace to create an account.' },
  closed: { title: 'Closed', detail: 'Nobody can create an account. People who have one keep signing in as usual.' },
};

/** The server's name (shown on the sign-in page) and who may create an account. */
export function InstanceSettingsForm(props: { instance: InstanceInfo; onSaved: (instance: InstanceInfo) => void }): JSX.Element {
  const [name, setName] = createSignal(props.instance.name);
  const [mode, setMode] = createSignal(props.instance.registrationMode);
  const [saved, setSaved] = createSignal(false);
  const changes = (): UpdateInstanceSettingsBody | null => {
    const body: Partial<UpdateInstanceSettingsBody> = {};
    if (name().trim() !== props.instance.name) body.name = name().trim();
    if (mode() !== props.instance.registrationMode) body.registrationMode = mode();
    return Object.keys(body).length ? (body as UpdateInstanceSettingsBody) : null;
  };

  const save = createAction(async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = changes();
    if (!body) return;
    props.onSaved(await endpoints.updateInstance(body));
    setSaved(true);
  });

  return (
    <form class="form settings-form" onSubmit={save.run} aria-label="Server settings" data-testid="instance-settings-form">
      <label>
        Server name
        <input type="text" name="name" required maxLength={LIMITS.instanceNameMax} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="instance-name" />
        <span class="hint">Shown on the sign-in and sign-up pages.</span>
      </label>
      <fieldset class="option-list">
        <legend>Who can create an account</legend>
        <For each={REGISTRATION_MODES}>
          {(value) => (
            <label class="option-card" classList={{ selected: mode() === value }}>
              <input type="radio" name="registrationMode" value={value} checked={mode() === value} onChange={() => setMode(value)} data-testid={`registration-${value}`} />
              <span class="option-text">
                <span class="option-title">{MODE_TEXT[value].title}</span>
                <span class="hint">{MODE_TEXT[value].detail}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <FormError message={save.error()} />
      <Show when={saved() && !changes()}>
        <p class="form-success" role="status">
          Saved.
        </p>
      </Show>
      <div class="section-actions">
        <button class="button primary" type="submit" disabled={save.busy() || !changes()} data-testid="instance-save">
          {save.busy() ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
