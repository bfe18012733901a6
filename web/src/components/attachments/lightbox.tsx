import { createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { formatSize } from '../../../../src/shared/files';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon, DownloadIcon, ExternalIcon } from '../icons';

const ZOOMS = [1, 1.5, 2, 3, 4];

/** One image at full size over the page: click or +/- zoom, arrows go between the message's images, Esc closes. */
export function Lightbox(props: { images: Attachment[]; place: FilePlace; index: number; onIndex: (index: number) => void; onClose: () => void }): JSX.Element {
  const [zoom, setZoom] = createSignal(0);
  const image = () => props.images[props.index];
  const go = (step: number) => {
    const next = props.index + step;
    if (next < 0 || next >= props.images.length) return;
    setZoom(0);
    props.onIndex(next);
  };
  let dialog!: HTMLDivElement;
  let img!: HTMLImageElement;
  /** The image's width when fitted to the screen; zoom multiplies it (a width, not a transform, so the zoomed image scrolls). */
  let fitWidth = 0;
  const setLevel = (level: number) => {
    if (zoom() === 0) fitWidth = img.clientWidth;
    setZoom(level);
  };
  const zoomBy = (step: number) => setLevel(Math.max(0, Math.min(ZOOMS.length - 1, zoom() + step)));

  const onKey = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      Escape: props.onClose,
      ArrowLeft: () => go(-1),
      ArrowRight: () => go(1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  onMount(() => {
    document.addEventListener('keydown', onKey, true);
    dialog.focus();
  });
  onCleanup(() => document.removeEventListener('keydown', onKey, true));

  return (
    <Portal>
      <div class="lightbox" role="dialog" aria-modal="true" aria-label={image().name} tabIndex={-1} ref={dialog} data-testid="lightbox" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
        <div class="lightbox-bar">
          <span class="lightbox-name">{image().name}</span>
          <span class="lightbox-meta">
            {props.images.length > 1 ? `${props.index + 1} of ${props.images.length} · ` : ''}
            {formatSize(image().size)}
            {image().width ? ` · ${image().width}×${image().height}` : ''}
          </span>
          <span class="lightbox-tools">
            <button class="lightbox-button" type="button" aria-label="Zoom out" title="Zoom out (−)" disabled={zoom() === 0} onClick={() => zoomBy(-1)}>
              −
            </button>
            <span class="lightbox-zoom" data-testid="lightbox-zoom">{Math.round(ZOOMS[zoom()] * 100)}%</span>
            <button class="lightbox-button" type="button" aria-label="Zoom in" title="Zoom in (+)" disabled={zoom() === ZOOMS.length - 1} onClick={() => zoomBy(1)}>
              +
            </button>
            <a class="lightbox-button" href={fileUrl(props.place, image())} target="_blank" rel="noopener noreferrer" title="Open in new tab" aria-label="Open in new tab">
              <ExternalIcon size={16} />
            </a>
            <a class="lightbox-button" href={fileUrl(props.place, image(), 'download')} download={image().name} title="Download" aria-label="Download">
              <DownloadIcon size={16} />
            </a>
            <button class="lightbox-button" type="button" aria-label="Close" title="Close (Esc)" onClick={() => props.onClose()}>
              <CloseIcon size={18} />
            </button>
          </span>
        </div>
        <div class="lightbox-stage" classList={{ zoomed: zoom() > 0 }} onClick={(e) => e.target === e.currentTarget && props.onClose()}>
          <img
            class="lightbox-image"
            src={fileUrl(props.place, image())}
            alt={image().name}
            ref={img}
            style={zoom() > 0 ? { width: `${Math.round(fitWidth * ZOOMS[zoom()])}px` } : undefined}
            data-testid="lightbox-image"
            onClick={() => setLevel(zoom() > 0 ? 0 : 2)}
          />
        </div>
        <Show when={props.index > 0}>
          <button class="lightbox-nav prev" type="button" aria-label="Previous image" onClick={() => go(-1)}>
            <ChevronLeftIcon size={28} />
          </button>
        </Show>
        <Show when={props.index < props.images.length - 1}>
          <button class="lightbox-nav next" type="button" aria-label="Next image" onClick={() => go(1)}>
            <ChevronRightIcon size={28} />
          </button>
        </Show>
      </div>
    </Portal>
  );
}
