import type { Context } from 'hono';
import type { NewUpload } from '../../durable/channel/files';
import { DiskError, FileDisk } from '../../durable/file-disk';
import { AppError } from '../../shared/errors';
import type { UploadedFile } from '../../shared/model';
import type { FileLimits } from '../config';
import type { AppEnv, Env } from '../context';
import { channel, directory } from '../stubs';
import { fileTooLarge, quotaExceeded } from './usage';

/** The upload's size as its Content-Length declares it; an upload must declare one (browsers always do for a file). */
export async function declaredSize(c: Context<AppEnv>, limits: FileLimits): Promise<number> {
  const header = c.req.header('Content-Length');
  if (header === undefined || !/^\d{1,16}$/.test(header)) {
    throw new AppError('length_required', 'Send the file with a Content-Length header (its size in bytes)');
  }
  const size = Number(header);
  if (size > limits.maxFileBytes) throw await fileTooLarge(c.env, c.get('account').id, size);
  return size;
}

/**
 * Takes one upload from the request body to disk without holding it in memory:
 * reserve its size against the uploader's quota (so uploads racing each other cannot pass it
 * together), record it in the channel, stream the bytes, then mark it stored and the
 * reservation settled. Whatever fails — the quota, the disk, the uploader's connection —
 * leaves no row and no bytes: the channel's sweeper deletes whatever reached the disk and
 * gives the reservation back.
 */
export async function receiveUpload(
  env: Env,
  channelId: string,
  upload: NewUpload,
  body: ReadableStream<Uint8Array> | null,
  limits: FileLimits,
): Promise<UploadedFile> {
  const disk = FileDisk.of(env);
  const dir = directory(env);
  const stub = channel(env, channelId);
  const reservation = await dir.reserveUpload(upload.id, upload.uploaderId, upload.size, limits.quotaBytes);
  if (!reservation.ok) throw await quotaExceeded(env, upload.uploaderId, upload.size, reservation.usedBytes);
  try {
    await stub.beginUpload(upload);
  } catch (error) {
    await dir.releaseFiles([upload.id]);
    throw error;
  }
  try {
    await writeBytes(disk, upload.storageKey, body, upload.size);
    const file = await stub.finishUpload(upload.id);
    if (!(await dir.settleUpload(upload.id))) {
      throw new AppError('upload_incomplete', 'The upload took too long and was given up; upload the file again');
    }
    return file;
  } catch (error) {
    await stub.abandonUpload(upload.id).catch((failure) => console.error('abandoning an upload failed; the sweeper will', upload.id, failure));
    throw error;
  }
}

async function writeBytes(disk: FileDisk, key: string, body: ReadableStream<Uint8Array> | null, size: number) {
  if (size === 0 || !body) {
    if (size !== 0) throw incomplete();
    await disk.putBytes(key, new Uint8Array(0));
    return;
  }
  try {
    await disk.put(key, body, size);
  } catch (error) {
    if (error instanceof DiskError) throw error;
    // The body ended early or ran long: the uploader cancelled or lost the connection.
    console.warn('upload did not complete', key, String(error));
    throw incomplete();
  }
}

function incomplete() {
  return new AppError('upload_incomplete', 'The file did not arrive whole (the upload was cancelled, or its size did not match its Content-Length); nothing was kept');
}

/**
 * Runs `work` to its end even when the client goes away mid-request, so an upload's clean-up is
 * never cut short, and answers with its result.
 */
export function finishEvenIfAbandoned<T>(c: Context, work: Promise<T>): Promise<T> {
  try {
    c.executionCtx.waitUntil(work.catch(() => undefined));
  } catch {
    // No execution context (a direct call in a test): the request's own await carries it through.
  }
  return work;
}
