import { createSignal, For, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { DELETED_USER_NAME, type AccountDeletionMode } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { createAction, formFields } from '../lib/action';
import { FormError } from './form-error';

const MODES: Array<{ value: AccountDeletionMode; title: string; detail: string }> = [
  {
    value: 'soft',
    title: 'Keep my messages',
    detail: `Your messages stay where they are, shown as “${DELETED_USER_NAME}”. Conversations keep making sense for everyone else.`,
  },
  {
    value: 'hard',
    title: 'Remove my messages too',
    detail: 'Every message you wrote is deleted from every channel and DM. Replies to them lose what they answered.',
  },
];

/**
 * The danger zone: delete the account, keeping or removing its messages,
 * confirmed with the password. Closed until asked for, so nobody lands in it.
 */
export function DeleteAccountForm(props: { username: string; onDeleted: () => Promise<void> }): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [mode, setMode] = createSignal<AccountDeletionMode | null>(null);

  const remove = createAction(async (event: SubmitEvent) => {
    const field = formFields(event);
    const chosen = mode();
    if (!chosen) throw new Error('Choose what happens to your messages.');
    await endpoints.deleteAccount({ password: field('password'), mode: chosen });
    await props.onDeleted();
  });

  return (
    <Show
      when={open()}
      fallback={
        <div class="danger-intro">
          <p class="hint">
            Deleting <strong>@{props.username}</strong> signs you out everywhere and takes you out of every workspace. It cannot be undone. A workspace you own
            passes to its longest-standing admin; if it has none, make someone an admin first.
          </p>
          <button class="button danger" type="button" onClick={() => setOpen(true)} data-testid="delete-account-start">
            Delete account…
          </button>
        </div>
      }
    >
      <form class="form settings-form" onSubmit={remove.run} aria-label="Delete account" data-testid="delete-account-form">
        <fieldset class="option-list">
          <legend>What happens to your messages?</legend>
          <For each={MODES}>
            {(choice) => (
              <label class="option-card" classList={{ selected: mode() === choice.value }}>
                <input type="radio" name="mode" value={choice.value} checked={mode() === choice.value} onChange={() => setMode(choice.value)} data-testid={`delete-mode-${choice.value}`} />
                <span class="option-text">
                  <span class="option-title">{choice.title}</span>
                  <span class="hint">{choice.detail}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <input type="text" name="username" autocomplete="username" value={props.username} hidden readOnly />
        <label>
          Your password, to confirm
          <input type="password" name="password" required autocomplete="current-password" maxLength={LIMITS.passwordMax} data-testid="delete-account-password" />
        </label>
        <FormError message={remove.error()} />
        <div class="section-actions">
          <button class="button" type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button class="button danger" type="submit" disabled={remove.busy() || !mode()} data-testid="delete-account-confirm">
            {remove.busy() ? 'Deleting…' : 'Delete my account for good'}
          </button>
        </div>
      </form>
    </Show>
  );
}
