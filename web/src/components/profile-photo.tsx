import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { errorMessage } from '../api/client';
import { prepareAvatar } from '../lib/avatar-image';
import { Avatar } from './avatar';
import { FormError } from './form-error';

/** What saving does to the picture: nothing, take it away, or upload a new one (already resized). */
export type PhotoChange = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; image: Blob };

/**
 * The profile picture: choose a file or drop one, see it cropped and resized
 * as others will, or remove it. Nothing is sent until the profile is saved.
 */
export function ProfilePhoto(props: {
  name: string;
  seed: string;
  /** The saved picture's address, if any. */
  currentSrc: string | null;
  value: PhotoChange;
  onChange: (change: PhotoChange) => void;
}): JSX.Element {
  const [preview, setPreview] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [dragging, setDragging] = createSignal(false);
  let input!: HTMLInputElement;

  const showPreview = (url: string | null) => {
    const old = preview();
    if (old) URL.revokeObjectURL(old);
    setPreview(url);
  };
  onCleanup(() => showPreview(null));

  const shown = () => (props.value.kind === 'new' ? preview() : props.value.kind === 'remove' ? null : props.currentSrc);

  async function take(file: File | undefined) {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const image = await prepareAvatar(file);
      showPreview(URL.createObjectURL(image));
      props.onChange({ kind: 'new', image });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <div
      class="profile-photo"
      classList={{ dragging: dragging() }}
      data-testid="profile-photo"
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void take(e.dataTransfer?.files[0]);
      }}
    >
      <Avatar name={props.name || '?'} seed={props.seed} size="xl" src={shown()} class="profile-photo-preview" />
      <div class="profile-photo-controls">
        <div class="profile-photo-buttons">
          <button class="button" type="button" disabled={busy()} onClick={() => input.click()} data-testid="profile-photo-choose">
            {busy() ? 'Preparing…' : shown() ? 'Change photo' : 'Upload photo'}
          </button>
          <Show when={shown()}>
            <button class="link-button danger" type="button" onClick={() => props.onChange({ kind: 'remove' })} data-testid="profile-photo-remove">
              Remove photo
            </button>
          </Show>
          <Show when={props.value.kind !== 'keep'}>
            <button class="link-button" type="button" onClick={() => props.onChange({ kind: 'keep' })}>
              Undo
            </button>
          </Show>
        </div>
        <p class="hint">Drop an image here or choose one. It is cropped to a square in this browser.</p>
        <FormError message={error()} />
      </div>
      <input
        ref={input}
        class="visually-hidden"
        type="file"
        accept="image/*"
        aria-label="Choose a profile photo"
        data-testid="profile-photo-input"
        tabindex="-1"
        onChange={(e) => void take(e.currentTarget.files?.[0])}
      />
    </div>
  );
}
