import { createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { FILE_KINDS, formatSize, type FileKind } from '../../../../src/shared/files';
import type { ChannelFile, FilesPage } from '../../../../src/shared/model';
import { formatDay, formatFull, formatTime } from '../../lib/format';
import { fileUrl, thumbnailUrl, type FilePlace } from '../../lib/files/urls';
import { DownloadIcon, FolderIcon } from '../icons';
import { FileBadge } from './file-badge';

const PAGE = 30;
const KIND_LABELS: Record<FileKind, string> = { image: 'Images', video: 'Videos', audio: 'Audio', pdf: 'PDFs', text: 'Text', other: 'Other' };

/** The channel header's files button and the list it opens: what was shared here, newest first, by type, page by page. */
export function FilesPanel(props: {
  place: FilePlace;
  load: (filter: { kind?: FileKind; before?: string; limit: number }) => Promise<FilesPage>;
  onJump: (file: ChannelFile) => void;
}): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<FileKind | undefined>();
  const [more, setMore] = createSignal<ChannelFile[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [first] = createResource(
    () => (open() ? { kind: kind() } : false),
    async (filter) => {
      const page = await props.load({ kind: filter.kind, limit: PAGE });
      setMore([]);
      setNext(page.nextBefore);
      return page.files;
    },
  );
  const files = () => [...(first() ?? []), ...more()];
  let root!: HTMLDivElement;

  async function loadMore() {
    const before = next();
    if (!before) return;
    const page = await props.load({ kind: kind(), before, limit: PAGE });
    setMore([...more(), ...page.files]);
    setNext(page.nextBefore);
  }

  const closeOnOutsideClick = (event: MouseEvent) => !root.contains(event.target as Node) && setOpen(false);
  const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
  document.addEventListener('mousedown', closeOnOutsideClick);
  document.addEventListener('keydown', closeOnEscape);
  onCleanup(() => {
    document.removeEventListener('mousedown', closeOnOutsideClick);
    document.removeEventListener('keydown', closeOnEscape);
  });

  return (
    <div class="pins" ref={root}>
      <button class="icon-button" type="button" title="Files" aria-label="Files" aria-expanded={open()} onClick={() => setOpen(!open())} data-testid="files-button">
        <FolderIcon size={18} />
      </button>
      <Show when={open()}>
        <div class="menu pins-menu files-menu" data-testid="files-panel">
          <div class="menu-label">Files</div>
          <div class="files-filter" role="group" aria-label="Type">
            <button type="button" class="filter-chip" classList={{ active: !kind() }} aria-pressed={!kind()} onClick={() => setKind(undefined)}>
              All
            </button>
            <For each={FILE_KINDS}>
              {(k) => (
                <button type="button" class="filter-chip" classList={{ active: kind() === k }} aria-pressed={kind() === k} onClick={() => setKind(k)}>
                  {KIND_LABELS[k]}
                </button>
              )}
            </For>
          </div>
          <Show when={files().length > 0} fallback={<p class="hint pins-empty">{first.loading ? 'Loading…' : first.error ? String(first.error.message) : 'No files shared here yet.'}</p>}>
            <ul class="files-list">
              <For each={files()}>
                {(file) => (
                  <li class="files-item" data-testid="files-item">
                    <Show when={file.thumbnail} fallback={<FileBadge name={file.name} />}>
                      <img class="files-thumb" src={thumbnailUrl(props.place, file)} alt="" loading="lazy" />
                    </Show>
                    <button
                      class="files-open"
                      type="button"
                      title={`Show in the conversation (shared ${formatFull(file.createdAt)})`}
                      onClick={() => {
                        setOpen(false);
                        props.onJump(file);
                      }}
                    >
                      <span class="files-name">{file.name}</span>
                      <span class="files-meta">
                        {file.uploaderName} · {formatDay(file.createdAt)} {formatTime(file.createdAt)} · {formatSize(file.size)}
                      </span>
                    </button>
                    <a class="icon-button small" href={fileUrl(props.place, file, 'download')} download={file.name} title="Download" aria-label={`Download ${file.name}`}>
                      <DownloadIcon size={15} />
                    </a>
                  </li>
                )}
              </For>
            </ul>
            <Show when={next()}>
              <button class="link-button files-more" type="button" onClick={() => void loadMore()}>
                Show older files
              </button>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
