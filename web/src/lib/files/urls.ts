/**
 * Where a channel's files are served. `<img>`, `<video>`, `<iframe>` and new tabs cannot send the
 * account header, so every URL names the account that reads it (`account=`), as sockets do.
 */
import type { Attachment } from '../../../../src/shared/model';

/** The channel a file belongs to and the account that reads it. */
export interface FilePlace {
  workspaceId: string;
  channelId: string;
  accountId: string;
}

export const channelPath = (place: Pick<FilePlace, 'workspaceId' | 'channelId'>) =>
  `/api/workspaces/${encodeURIComponent(place.workspaceId)}/channels/${encodeURIComponent(place.channelId)}`;

/** The file itself, under its own name (what "Save as" suggests). `download` forces a download, `preview` shows any type inline, sandboxed. */
export function fileUrl(place: FilePlace, file: Pick<Attachment, 'id' | 'name'>, mode?: 'download' | 'preview'): string {
  const query = new URLSearchParams({ account: place.accountId });
  if (mode) query.set(mode, '1');
  return `${channelPath(place)}/files/${file.id}/${encodeURIComponent(file.name)}?${query}`;
}

export function thumbnailUrl(place: FilePlace, file: Pick<Attachment, 'id'>): string {
  return `${channelPath(place)}/thumbnails/${file.id}?${new URLSearchParams({ account: place.accountId })}`;
}
