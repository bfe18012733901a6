import { For, Show, type JSX } from 'solid-js';
import { formatSize } from '../../../../src/shared/files';
import type { AttachmentDraft, DraftFile } from '../../stores/attachment-draft';
import { CloseIcon, RetryIcon } from '../icons';
import { FileBadge } from './file-badge';

/** The files attached in the composer, above its text: each with its upload's progress, and cancel, remove and retry. */
export function DraftFiles(props: { draft: AttachmentDraft }): JSX.Element {
  return (
    <Show when={props.draft.files.length > 0 || props.draft.notice()}>
      <div class="draft-files" data-testid="draft-files">
        <For each={props.draft.files}>{(file) => <DraftFileChip file={file} draft={props.draft} />}</For>
        <Show when={props.draft.notice()}>
          <p class="form-error draft-notice">{props.draft.notice()}</p>
        </Show>
      </div>
    </Show>
  );
}

function DraftFileChip(props: { file: DraftFile; draft: AttachmentDraft }): JSX.Element {
  const busy = () => props.file.status === 'preparing' || props.file.status === 'uploading';
  const failed = () => props.file.status === 'failed';
  const status = () => {
    if (failed()) return props.file.error ?? 'Upload failed';
    if (props.file.status === 'preparing') return 'Preparing…';
    if (busy()) return `${Math.floor(props.file.progress * 100)}% of ${formatSize(props.file.size)}`;
    return formatSize(props.file.size);
  };
  return (
    <div
      class="draft-file"
      classList={{ failed: failed(), busy: busy(), image: !!props.file.previewUrl }}
      data-testid="draft-file"
      data-status={props.file.status}
      data-progress={props.file.progress.toFixed(4)}
      title={props.file.name}
    >
      <Show when={props.file.previewUrl} fallback={<FileBadge name={props.file.name} />}>
        {(src) => <img class="draft-file-thumb" src={src()} alt="" />}
      </Show>
      <div class="draft-file-text">
        <span class="draft-file-name">{props.file.name}</span>
        <span class="draft-file-status" classList={{ 'form-error': failed() }} role={failed() ? 'alert' : undefined}>
          {status()}
        </span>
        <Show when={busy()}>
          <progress class="draft-file-progress" max="1" value={props.file.progress} aria-label={`Uploading ${props.file.name}`} />
        </Show>
      </div>
      <div class="draft-file-actions">
        <Show when={failed() && !props.file.final}>
          <button class="icon-button small" type="button" title="Retry upload" aria-label={`Retry ${props.file.name}`} onClick={() => props.draft.retry(props.file.key)}>
            <RetryIcon size={14} />
          </button>
        </Show>
        <Show
          when={busy()}
          fallback={
            <button class="icon-button small" type="button" title="Remove" aria-label={`Remove ${props.file.name}`} onClick={() => props.draft.remove(props.file.key)}>
              <CloseIcon size={14} />
            </button>
          }
        >
          <button class="icon-button small" type="button" title="Cancel upload" aria-label={`Cancel ${props.file.name}`} onClick={() => props.draft.cancel(props.file.key)}>
            <CloseIcon size={14} />
          </button>
        </Show>
      </div>
    </div>
  );
}
