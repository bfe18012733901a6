import { For, Match, Show, Switch, type JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { FileFrame } from './file-frame';
import { useFilePlace } from './file-place';
import { HtmlPreview } from './html-preview';
import { ImageGallery } from './image-gallery';
import { MediaPreview } from './media-preview';
import { PdfPreview } from './pdf-preview';
import { previewKind } from './preview-kind';
import { TextFilePreview } from './text-file-preview';

/** The files a message carries: its images together as a gallery, then each other file with the preview its type gets. */
export function MessageFiles(props: { files: Attachment[] }): JSX.Element {
  const place = useFilePlace();
  const images = () => props.files.filter((f) => previewKind(f) === 'image');
  const others = () => props.files.filter((f) => previewKind(f) !== 'image');
  return (
    <Show when={place}>
      {(at) => (
        <div class="message-files" data-testid="message-files">
          <Show when={images().length > 0}>
            <ImageGallery images={images()} place={at()} />
          </Show>
          <For each={others()}>
            {(file) => {
              const kind = previewKind(file);
              return (
                <Switch fallback={<FileFrame file={file} place={at()} />}>
                  <Match when={kind === 'video' || kind === 'audio'}>
                    <MediaPreview file={file} place={at()} />
                  </Match>
                  <Match when={kind === 'pdf'}>
                    <PdfPreview file={file} place={at()} />
                  </Match>
                  <Match when={kind === 'html'}>
                    <HtmlPreview file={file} place={at()} />
                  </Match>
                  <Match when={kind === 'markdown' || kind === 'csv' || kind === 'plantuml' || kind === 'text'}>
                    <TextFilePreview file={file} place={at()} as={kind as 'markdown' | 'csv' | 'plantuml' | 'text'} />
                  </Match>
                </Switch>
              );
            }}
          </For>
        </div>
      )}
    </Show>
  );
}
