import { Hono } from 'hono';
import type { Context } from 'hono';
import { type NewUpload, thumbnailKey } from '../../durable/channel/files';
import { FileDisk } from '../../durable/file-disk';
import { DownloadQuery, FilesQuery, ThumbnailQuery, UploadQuery } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { kindOf, normalizeContentType, sanitizeFileName } from '../../shared/files';
import { newId } from '../../shared/ids';
import { LIMITS } from '../../shared/limits';
import { fileLimits } from '../config';
import type { AppEnv } from '../context';
import { channelOfPath, fileOfPath, requireMayUpload } from '../files/file-access';
import { serveFile } from '../files/serve';
import { declaredSize, finishEvenIfAbandoned, receiveUpload } from '../files/upload';
import { quotaExceeded } from '../files/usage';
import { readBoundedBytes } from '../http/bounded-body';
import { declaredImageType, IMAGE_KIND, looksLike } from '../http/image-signature';
import { readQuery } from '../http/validate';
import { directory } from '../stubs';

/**
 * Files shared in a channel, mounted under /api/workspaces/:workspaceId/channels. A file belongs to
 * its channel: reading it needs read access to the channel, and before a message carries it only
 * its uploader sees it. See docs/dev/issue6-plan.md for the flow a client follows.
 */
export const fileRoutes = new Hono<AppEnv>()
  .post('/:channelId/files', async (c) => {
    const query = readQuery(c, UploadQuery);
    const me = c.get('account');
    const { member, channel: current, channelId } = await channelOfPath(c);
    requireMayUpload(current, member, Date.now());
    const limits = fileLimits(c.env);
    const size = await declaredSize(c, limits);
    const type = normalizeContentType(c.req.header('Content-Type'));
    const id = newId();
    const upload: NewUpload = {
      id,
      storageKey: FileDisk.keyFor(id),
      name: sanitizeFileName(query.name),
      type,
      kind: kindOf(type),
      size,
      uploaderId: me.id,
      uploaderName: member.displayName,
      width: query.width ?? null,
      height: query.height ?? null,
    };
    const file = await finishEvenIfAbandoned(c, receiveUpload(c.env, channelId, upload, c.req.raw.body, limits));
    return c.json({ file }, 201);
  })
  .get('/:channelId/files', async (c) => {
    const query = readQuery(c, FilesQuery);
    const { stub } = await channelOfPath(c);
    return c.json(await stub.listFiles(query));
  })
  .get('/:channelId/files/:fileId', (c) => download(c))
  // The name is for people and browsers (a readable URL, the name a download is saved under); only the id counts.
  .get('/:channelId/files/:fileId/:name', (c) => download(c))
  .delete('/:channelId/files/:fileId', async (c) => {
    const { fileId, stub } = await fileOfPath(c);
    await stub.removeUpload(fileId, c.get('account').id);
    return c.body(null, 204);
  })
  .put('/:channelId/thumbnails/:fileId', async (c) => {
    const query = readQuery(c, ThumbnailQuery);
    const { fileId, stub } = await fileOfPath(c);
    const me = c.get('account').id;
    const key = await stub.thumbnailKeyFor(fileId, me);
    const type = declaredImageType(c.req.header('Content-Type'));
    if (!type) throw new AppError('bad_request', 'Send the thumbnail as a PNG, JPEG or WebP image');
    const kib = LIMITS.thumbnailBytesMax / 1024;
    const bytes = await readBoundedBytes(c.req.raw, LIMITS.thumbnailBytesMax, `A thumbnail is at most ${kib} KiB; make it smaller`);
    if (!looksLike(type, bytes)) throw new AppError('bad_request', `That is not a ${IMAGE_KIND[type]} image`);
    const reservation = await directory(c.env).reserveThumbnail(fileId, me, bytes.byteLength, fileLimits(c.env).quotaBytes);
    if (!reservation.ok) throw await quotaExceeded(c.env, me, bytes.byteLength, reservation.usedBytes);
    await FileDisk.of(c.env).putBytes(key, bytes);
    const file = await stub.setThumbnail(fileId, me, { type, width: query.width ?? null, height: query.height ?? null });
    return c.json({ file });
  })
  .get('/:channelId/thumbnails/:fileId', async (c) => {
    const { fileId, stub } = await fileOfPath(c);
    const file = await stub.readableFile(fileId, c.get('account').id);
    if (!file.thumbnail) throw new AppError('not_found', 'This file has no thumbnail');
    const servable = { key: thumbnailKey(file.storageKey), name: `thumbnail.${file.thumbnail.type.split('/')[1]}`, type: file.thumbnail.type, etag: `"${file.id}-thumb"` };
    return serveFile(c, FileDisk.of(c.env), servable, { download: false, preview: false });
  });

async function download(c: Context<AppEnv>) {
  const options = readQuery(c, DownloadQuery);
  const { fileId, stub } = await fileOfPath(c);
  const file = await stub.readableFile(fileId, c.get('account').id);
  return serveFile(c, FileDisk.of(c.env), { key: file.storageKey, name: file.name, type: file.type, etag: `"${file.id}"` }, options);
}
