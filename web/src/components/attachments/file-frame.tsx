import { Show, type JSX } from 'solid-js';
import { formatSize } from '../../../../src/shared/files';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { CodeIcon, DownloadIcon, ExternalIcon, EyeIcon } from '../icons';
import { FileBadge } from './file-badge';

/**
 * A file in a message: its name, size and actions (source or preview, open in a new tab,
 * download) over `children`, the preview. Without children it is the plain card of a file Hearth
 * does not preview.
 */
export function FileFrame(props: {
  file: Attachment;
  place: FilePlace;
  /** Set where a "source" toggle means something: whether the source is showing, and the toggle. */
  source?: { showing: boolean; toggle: () => void };
  /** "Open in new tab" shows the file inline in a sandbox (HTML, SVG) instead of downloading it. */
  openAsPreview?: boolean;
  label?: string;
  children?: JSX.Element;
}): JSX.Element {
  return (
    <div class="file-frame" classList={{ card: !props.children }} data-testid="file-preview" data-name={props.file.name}>
      <div class="file-frame-head">
        <FileBadge name={props.file.name} />
        <div class="file-frame-title">
          <a class="file-frame-name" href={fileUrl(props.place, props.file, 'download')} download={props.file.name} title={`Download ${props.file.name}`}>
            {props.file.name}
          </a>
          <span class="file-frame-size">
            {props.label ? `${props.label} · ` : ''}
            {formatSize(props.file.size)}
          </span>
        </div>
        <div class="file-frame-actions">
          <Show when={props.source}>
            {(source) => (
              <button
                class="icon-button small"
                classList={{ pressed: source().showing }}
                type="button"
                aria-pressed={source().showing}
                title={source().showing ? 'Show the preview' : 'Show the source'}
                aria-label={source().showing ? 'Show the preview' : 'Show the source'}
                data-testid="source-toggle"
                onClick={() => source().toggle()}
              >
                {source().showing ? <EyeIcon size={15} /> : <CodeIcon size={15} />}
              </button>
            )}
          </Show>
          <a
            class="icon-button small"
            href={fileUrl(props.place, props.file, props.openAsPreview ? 'preview' : undefined)}
            target="_blank"
            rel="noopener noreferrer"
            title="Open in new tab"
            aria-label={`Open ${props.file.name} in a new tab`}
          >
            <ExternalIcon size={15} />
          </a>
          <a class="icon-button small" href={fileUrl(props.place, props.file, 'download')} download={props.file.name} title="Download" aria-label={`Download ${props.file.name}`}>
            <DownloadIcon size={15} />
          </a>
        </div>
      </div>
      <Show when={props.children}>
        <div class="file-frame-body">{props.children}</div>
      </Show>
    </div>
  );
}
