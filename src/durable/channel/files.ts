import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { FileKind } from '../../shared/files';
import { LIMITS } from '../../shared/limits';
import type { Attachment, Thumbnail, UploadedFile } from '../../shared/model';
import type { ChannelDb } from './db';
import { asAttachment, asUploaded } from './file-view';
import * as schema from './schema';

const { files, filePurges } = schema;

/** The one answer to a file someone may not see, whether or not it exists. */
export const NO_SUCH_FILE = 'No such file';

/** An upload about to stream in, as the worker describes it. */
export interface NewUpload {
  id: string;
  storageKey: string;
  name: string;
  type: string;
  kind: FileKind;
  size: number;
  uploaderId: string;
  uploaderName: string;
  width: number | null;
  height: number | null;
}

/** What the worker needs to serve a file: where its bytes are, and how to describe them. */
export interface StoredFile extends Attachment {
  storageKey: string;
}

export function thumbnailKey(storageKey: string): string {
  return `${storageKey}-thumb`;
}

/** Records an upload before its bytes arrive. */
export function beginUpload(db: ChannelDb, upload: NewUpload, now: number) {
  db.insert(files).values({ ...upload, createdAt: now }).run();
}

/** All the bytes are on disk: the upload is the uploader's to attach until it expires. */
export function finishUpload(db: ChannelDb, fileId: string, now: number): UploadedFile {
  const row = db.update(files).set({ storedAt: now }).where(and(eq(files.id, fileId), isNull(files.storedAt))).returning().get();
  if (!row) throw new AppError('not_found', 'The upload was given up before it finished; upload the file again');
  return asUploaded(row);
}

/** The upload failed or was cancelled: its row goes, and whatever reached the disk is purged. */
export function abandonUpload(db: ChannelDb, fileId: string, now: number) {
  db.transaction(() => {
    const row = db.select().from(files).where(and(eq(files.id, fileId), isNull(files.messageSeq))).get();
    if (row) purge(db, [row], now);
  });
}

/** The uploader takes back a file no message carries yet (removed from the composer). */
export function removeUpload(db: ChannelDb, fileId: string, userId: string, now: number) {
  db.transaction(() => purge(db, [requireOwnUpload(db, fileId, userId)], now));
}

/** A stored upload of `userId`'s that no message carries yet; anything else is not found. */
export function requireOwnUpload(db: ChannelDb, fileId: string, userId: string): schema.FileRow {
  const row = db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.uploaderId, userId), isNotNull(files.storedAt), isNull(files.messageSeq)))
    .get();
  if (!row) throw new AppError('not_found', NO_SUCH_FILE);
  return row;
}

export function setThumbnail(db: ChannelDb, fileId: string, userId: string, thumbnail: Thumbnail): UploadedFile {
  requireOwnUpload(db, fileId, userId);
  const row = db
    .update(files)
    .set({ thumbnailType: thumbnail.type, thumbnailWidth: thumbnail.width, thumbnailHeight: thumbnail.height })
    .where(eq(files.id, fileId))
    .returning()
    .get()!;
  return asUploaded(row);
}

/**
 * A file as `userId` may read it: one a message carries (the worker has checked that they read
 * the channel), or their own upload before it is sent. Anything else is not found.
 */
export function readableFile(db: ChannelDb, fileId: string, userId: string): StoredFile {
  const row = db.select().from(files).where(eq(files.id, fileId)).get();
  if (!row || row.storedAt === null || (row.messageSeq === null && row.uploaderId !== userId)) {
    throw new AppError('not_found', NO_SUCH_FILE);
  }
  return { ...asAttachment(row), storageKey: row.storageKey };
}

/**
 * Makes the sender's uploads the files of message `seq`, in the order given. Each must be a
 * stored upload of theirs in this channel that no message carries yet.
 */
export function attachFiles(db: ChannelDb, seq: number, fileIds: readonly string[], senderId: string) {
  fileIds.forEach((fileId, position) => {
    const attached = db
      .update(files)
      .set({ messageSeq: seq, position })
      .where(and(eq(files.id, fileId), eq(files.uploaderId, senderId), isNotNull(files.storedAt), isNull(files.messageSeq)))
      .returning({ id: files.id })
      .get();
    if (!attached) {
      throw new AppError(
        'attachment_invalid',
        `File ${position + 1} is not an upload of yours waiting in this channel (it may have expired); upload it again`,
      );
    }
  });
}

/** Part of deleting a message: its files stop being readable at once, and their bytes are purged. */
export function purgeFilesOf(db: ChannelDb, seq: number, now: number) {
  purge(db, db.select().from(files).where(eq(files.messageSeq, seq)).all(), now);
}

/** Every file of the channel, for when the channel itself is deleted. */
export function purgeAllFiles(db: ChannelDb, now: number) {
  purge(db, db.select().from(files).all(), now);
}

/** Uploads that never finished, and finished uploads never sent, once they are old enough. */
export function expireUploads(db: ChannelDb, now: number) {
  const expired = db
    .select()
    .from(files)
    .where(
      and(
        isNull(files.messageSeq),
        or(
          and(isNull(files.storedAt), lt(files.createdAt, now - LIMITS.uploadStaleMs)),
          lt(files.storedAt, now - LIMITS.unattachedFileTtlMs),
        ),
      ),
    )
    .all();
  if (expired.length > 0) db.transaction(() => purge(db, expired, now));
}

function purge(db: ChannelDb, rows: schema.FileRow[], now: number) {
  for (const row of rows) {
    db.delete(files).where(eq(files.id, row.id)).run();
    db.insert(filePurges)
      .values({ fileId: row.id, storageKey: row.storageKey, hasThumbnail: row.thumbnailType !== null, queuedAt: now })
      .onConflictDoNothing()
      .run();
  }
}

export function pendingPurges(db: ChannelDb, limit: number) {
  return db.select().from(filePurges).orderBy(filePurges.queuedAt).limit(limit).all();
}

export function forgetPurges(db: ChannelDb, fileIds: string[]) {
  db.delete(filePurges).where(sql`${filePurges.fileId} in (select value from json_each(${JSON.stringify(fileIds)}))`).run();
}

/** When file work is next due: now while purges wait, else the next expiry; null when there is none. */
export function nextFileWork(db: ChannelDb, now: number): number | null {
  if (db.select({ id: filePurges.fileId }).from(filePurges).limit(1).get()) return now;
  const next = db
    .select({
      at: sql<number | null>`min(case when ${files.storedAt} is null then ${files.createdAt} + ${LIMITS.uploadStaleMs} else ${files.storedAt} + ${LIMITS.unattachedFileTtlMs} end)`,
    })
    .from(files)
    .where(isNull(files.messageSeq))
    .get();
  return next?.at ?? null;
}

/** An account was deleted (soft): its files keep their place under the new name. */
export function relabelUploader(db: ChannelDb, userId: string, name: string) {
  db.update(files).set({ uploaderName: name }).where(eq(files.uploaderId, userId)).run();
}
