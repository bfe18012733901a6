import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { thumbnailUrl, fileUrl, type FilePlace } from '../../lib/files/urls';
import { Lightbox } from './lightbox';

/** Largest box a single image preview takes; several share a grid of smaller tiles. */
const SINGLE_MAX = { width: 360, height: 280 };

/** A message's images as thumbnails; a click opens the lightbox, where the arrows go through them all. */
export function ImageGallery(props: { images: Attachment[]; place: FilePlace }): JSX.Element {
  const [open, setOpen] = createSignal<number | null>(null);
  const single = () => props.images.length === 1;
  /** The shown size of a lone image, reserved before it loads so the conversation does not jump. */
  const box = (image: Attachment) => {
    if (!single() || !image.width || !image.height) return undefined;
    const scale = Math.min(1, SINGLE_MAX.width / image.width, SINGLE_MAX.height / image.height);
    return { width: `${Math.round(image.width * scale)}px`, height: `${Math.round(image.height * scale)}px` };
  };
  return (
    <>
      <div class="image-gallery" classList={{ single: single() }} data-testid="image-gallery">
        <For each={props.images}>
          {(image, index) => (
            <button class="image-tile" type="button" title={image.name} aria-label={`Open ${image.name}`} onClick={() => setOpen(index())} data-testid="image-thumb">
              <img src={image.thumbnail ? thumbnailUrl(props.place, image) : fileUrl(props.place, image)} alt={image.name} loading="lazy" style={box(image)} />
            </button>
          )}
        </For>
      </div>
      <Show when={open() !== null}>
        <Lightbox images={props.images} place={props.place} index={open()!} onIndex={setOpen} onClose={() => setOpen(null)} />
      </Show>
    </>
  );
}
