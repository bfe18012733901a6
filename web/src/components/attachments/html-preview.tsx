import { createResource, createSignal, Show, type JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { FileFrame } from './file-frame';
import { fetchFileText } from './file-text';
import { TextView } from './text-view';

/**
 * An uploaded HTML file, untrusted: shown only in a frame with `sandbox="allow-scripts"` and no
 * `allow-same-origin`, from the `?preview=1` URL whose own CSP lets its scripts run in an opaque
 * origin with no network. It cannot reach Hearth's cookies, storage or page. (A `srcdoc` frame
 * would inherit the app's CSP and its scripts would not run at all.)
 */
export function HtmlPreview(props: { file: Attachment; place: FilePlace }): JSX.Element {
  const [source, setSource] = createSignal(false);
  const [text] = createResource(source, () => fetchFileText(fileUrl(props.place, props.file), props.file.size));
  return (
    <FileFrame file={props.file} place={props.place} label="HTML" openAsPreview source={{ showing: source(), toggle: () => setSource(!source()) }}>
      <Show
        when={source()}
        fallback={<iframe class="file-html" sandbox="allow-scripts" src={fileUrl(props.place, props.file, 'preview')} title={props.file.name} loading="lazy" data-testid="html-frame" />}
      >
        <Show when={text()} fallback={<p class="hint file-loading">Loading…</p>}>
          {(loaded) => <TextView text={loaded().text} language="html" truncated={loaded().truncated} />}
        </Show>
      </Show>
    </FileFrame>
  );
}
