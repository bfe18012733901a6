/**
 * The files attached in a composer before sending: each uploads at once, in parallel, with its
 * progress; it can be cancelled, removed (the server drops the upload) or retried without
 * retyping the caption. Images lose their metadata and get a thumbnail on the way (image-prep.ts).
 */
import { onCleanup } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { formatSize, sanitizeFileName } from '../../../src/shared/files';
import type { StorageUsage, UploadedFile } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { declaredType } from '../lib/files/file-type';
import { prepareImage } from '../lib/files/image-prep';
import { startUpload, UploadError } from '../lib/files/upload';
import type { FilePlace } from '../lib/files/urls';

export type DraftFileStatus = 'preparing' | 'uploading' | 'done' | 'failed';

export interface DraftFile {
  key: string;
  name: string;
  size: number;
  type: string;
  status: DraftFileStatus;
  /** 0–1 while uploading. */
  progress: number;
  error: string | null;
  /** A refusal that uploading again cannot fix (too big, over quota). */
  final: boolean;
  /** A local picture of an image, for its chip. */
  previewUrl: string | null;
  uploaded: UploadedFile | null;
}

interface Local {
  file: File;
  abort?: () => void;
}

let counter = 0;

/** A pasted screenshot arrives as "image.png": it gets a name that says what and when. */
export function nameForPasted(file: File, at = new Date()): string {
  if (file.name && file.name !== 'image.png' && file.name !== 'image.jpeg') return file.name;
  const pad = (n: number) => String(n).padStart(2, '0');
  const extension = file.type === 'image/jpeg' ? 'jpg' : (file.type.split('/')[1] ?? 'png');
  return `Screenshot ${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}.${extension}`;
}

export function createAttachmentDraft(place: () => FilePlace) {
  const [files, setFiles] = createStore<DraftFile[]>([]);
  const local = new Map<string, Local>();
  let storage: StorageUsage | null = null;
  const [notice, setNotice] = createStore<{ text: string | null }>({ text: null });
  onCleanup(() => dispose());

  const change = (key: string, patch: Partial<DraftFile>) =>
    setFiles((f) => f.key === key, produce((f) => Object.assign(f, patch)));

  async function loadStorage(): Promise<StorageUsage | null> {
    try {
      storage = (await endpoints.storage()).storage;
    } catch {
      // The server checks anyway: uploading goes ahead without the early warning.
    }
    return storage;
  }

  /** Why the browser refuses `file` before sending it, or null. */
  function tooBig(size: number, pendingBytes: number): string | null {
    if (!storage) return null;
    if (size > storage.maxFileBytes) return `This file is ${formatSize(size)}; the limit on this server is ${formatSize(storage.maxFileBytes)}`;
    const left = storage.quotaBytes - storage.usedBytes - pendingBytes;
    if (size > left) return `Not enough storage left: you use ${formatSize(storage.usedBytes)} of ${formatSize(storage.quotaBytes)}. Delete old files to make room.`;
    return null;
  }

  async function add(list: File[]) {
    if (list.length === 0) return;
    await loadStorage();
    const max = storage?.maxAttachments ?? 10;
    const room = max - files.length;
    if (list.length > room) setNotice('text', `A message carries at most ${max} files`);
    else setNotice('text', null);
    let pending = files.filter((f) => f.status !== 'done' && f.status !== 'failed').reduce((sum, f) => sum + f.size, 0);
    for (const file of list.slice(0, Math.max(0, room))) {
      const key = `f${++counter}`;
      const refused = tooBig(file.size, pending);
      pending += refused ? 0 : file.size;
      const isImage = file.type.startsWith('image/') && file.type !== 'image/svg+xml';
      local.set(key, { file });
      setFiles(files.length, {
        key,
        name: sanitizeFileName(nameForPasted(file)),
        size: file.size,
        type: declaredType(file),
        status: refused ? 'failed' : 'preparing',
        progress: 0,
        error: refused,
        final: !!refused,
        previewUrl: isImage ? URL.createObjectURL(file) : null,
        uploaded: null,
      });
      if (!refused) void upload(key);
    }
  }

  async function upload(key: string) {
    const entry = local.get(key);
    const draft = files.find((f) => f.key === key);
    if (!entry || !draft) return;
    change(key, { status: 'preparing', progress: 0, error: null });
    const image = draft.previewUrl ? await prepareImage(entry.file) : null;
    if (!local.has(key)) return;
    const body = image?.body ?? entry.file;
    const upload = startUpload({
      place: place(),
      body,
      name: draft.name,
      type: draft.type,
      width: image?.width,
      height: image?.height,
      onProgress: (sent, total) => change(key, { progress: total ? sent / total : 0 }),
    });
    entry.abort = upload.abort;
    change(key, { status: 'uploading', size: body.size });
    try {
      let uploaded = await upload.done;
      if (image?.thumbnail) {
        const { workspaceId, channelId } = place();
        // A thumbnail refused (too big, over quota) leaves the image shown from its own file.
        uploaded = await endpoints.uploadThumbnail(workspaceId, channelId, uploaded.id, image.thumbnail).then((r) => r.file, () => uploaded);
      }
      if (!local.has(key)) return void remove(key, uploaded.id);
      change(key, { status: 'done', progress: 1, uploaded });
      void loadStorage();
    } catch (error) {
      if (!local.has(key)) return;
      const e = error instanceof UploadError ? error : new UploadError('internal', String(error));
      if (e.storage) storage = e.storage;
      const final = e.code === 'file_too_large' || e.code === 'quota_exceeded';
      change(key, { status: 'failed', error: e.code === 'aborted' ? 'Cancelled' : e.message, final });
    } finally {
      entry.abort = undefined;
    }
  }

  /** Takes a file out: stops its upload, or deletes what the server kept of it. */
  function remove(key: string, uploadedId = files.find((f) => f.key === key)?.uploaded?.id) {
    const entry = local.get(key);
    entry?.abort?.();
    local.delete(key);
    const draft = files.find((f) => f.key === key);
    if (draft?.previewUrl) URL.revokeObjectURL(draft.previewUrl);
    setFiles((list) => list.filter((f) => f.key !== key));
    if (uploadedId) {
      const { workspaceId, channelId } = place();
      void endpoints.deleteUpload(workspaceId, channelId, uploadedId).catch(() => undefined);
    }
  }

  /** Stops an upload under way; the file stays, failed, to retry. */
  function cancel(key: string) {
    local.get(key)?.abort?.();
  }

  /** Forgets the files once sent: the message carries them now. */
  function clear() {
    for (const f of files) if (f.previewUrl) URL.revokeObjectURL(f.previewUrl);
    local.clear();
    setFiles([]);
    setNotice('text', null);
  }

  /** The composer is going away: stop the uploads and delete what was uploaded but not sent. */
  function dispose() {
    for (const f of [...files]) remove(f.key);
  }

  return {
    files,
    dispose,
    notice: () => notice.text,
    add: (list: File[]) => void add(list),
    remove: (key: string) => remove(key),
    cancel,
    retry: (key: string) => void upload(key),
    clear,
    /** Every file uploaded, none failed or under way. */
    ready: () => files.length > 0 && files.every((f) => f.status === 'done'),
    busy: () => files.some((f) => f.status === 'preparing' || f.status === 'uploading'),
    ids: () => files.flatMap((f) => (f.uploaded ? [f.uploaded.id] : [])),
  };
}

export type AttachmentDraft = ReturnType<typeof createAttachmentDraft>;
