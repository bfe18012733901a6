import { createSignal, type JSX } from 'solid-js';
import type { UpdateProfileBody } from '../../../src/shared/api';
import { LIMITS } from '../../../src/shared/limits';
import type { Account, NameColor } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { createAction } from '../lib/action';
import { avatarSrc } from '../lib/profile';
import { createStatusDraft } from '../lib/status-draft';
import { useSession } from '../stores/session';
import { FormError } from './form-error';
import { Modal } from './modal';
import { NameColorPicker } from './name-color-picker';
import { ProfilePhoto, type PhotoChange } from './profile-photo';
import { StatusEditor } from './status-editor';

/** Edit what others see: photo, display name, status and name colour; saved together. */
export default function ProfileDialog(props: { account: Account; onClose: () => void }): JSX.Element {
  const session = useSession();
  const [displayName, setDisplayName] = createSignal(props.account.displayName);
  const [nameColor, setNameColor] = createSignal<NameColor | null>(props.account.nameColor);
  const [photo, setPhoto] = createSignal<PhotoChange>({ kind: 'keep' });
  const status = createStatusDraft(props.account.status);

  const profileChanges = (): UpdateProfileBody | null => {
    const body: Partial<UpdateProfileBody> = {};
    const name = displayName().trim();
    if (name !== props.account.displayName) body.displayName = name;
    if (nameColor() !== props.account.nameColor) body.nameColor = nameColor();
    const nextStatus = status.result();
    if (nextStatus !== undefined) body.status = nextStatus;
    return Object.keys(body).length ? (body as UpdateProfileBody) : null;
  };

  const save = createAction(async (event: SubmitEvent) => {
    event.preventDefault();
    // Each answer is the account as saved: shown at once, so a later failure still leaves what worked.
    const change = photo();
    if (change.kind === 'remove') session.applyAccount((await endpoints.removeAvatar()).account);
    if (change.kind === 'new') session.applyAccount((await endpoints.uploadAvatar(change.image)).account);
    setPhoto({ kind: 'keep' });
    const body = profileChanges();
    if (body) session.applyAccount((await endpoints.updateProfile(body)).account);
    props.onClose();
  });

  return (
    <Modal title="Edit profile" onClose={props.onClose} wide testId="profile-dialog">
      <form class="profile-form" onSubmit={save.run} aria-label="Edit profile">
        <div class="profile-fields">
          <label class="field">
            Display name
            <input
              type="text"
              name="displayName"
              required
              maxLength={LIMITS.displayNameMax}
              value={displayName()}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
              data-testid="profile-display-name"
            />
            <span class="hint">How your name shows in messages and member lists. Your username stays @{props.account.username}.</span>
          </label>
          <StatusEditor draft={status} />
          <NameColorPicker name={displayName().trim()} value={nameColor()} onChange={setNameColor} />
        </div>
        <aside class="profile-side" aria-label="Profile photo">
          <span class="field-title">Profile photo</span>
          <ProfilePhoto
            name={displayName()}
            seed={props.account.id}
            currentSrc={avatarSrc(props.account.id, session.account() ?? props.account)}
            value={photo()}
            onChange={setPhoto}
          />
        </aside>
        <div class="profile-footer">
          <FormError message={save.error()} />
          <button class="button" type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button class="button primary" type="submit" disabled={save.busy()} data-testid="profile-save">
            {save.busy() ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
