import { and, desc, eq, gt, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { FileKind } from '../../shared/files';
import { LIMITS } from '../../shared/limits';
import type { Attachment, ChannelFile, FilesPage, UploadedFile } from '../../shared/model';
import { prepared } from '../sqlite';
import type { ChannelDb } from './db';
import * as schema from './schema';

const { files, messages } = schema;

const attachmentsQuery = prepared((db: ChannelDb) =>
  db
    .select()
    .from(files)
    // One bound parameter for any number of messages (SQLite here takes at most 100).
    .where(sql`${files.messageSeq} in (select value from json_each(${sql.placeholder('seqs')}))`)
    .orderBy(files.messageSeq, files.position)
    .prepare(),
);

/** The files of the given messages in one query, each message's in its order. */
export function attachmentsOf(db: ChannelDb, seqs: number[]): Map<number, Attachment[]> {
  const bySeq = new Map<number, Attachment[]>();
  if (seqs.length === 0) return bySeq;
  const rows = attachmentsQuery(db).all({ seqs: JSON.stringify(seqs) });
  for (const row of rows) {
    const list = bySeq.get(row.messageSeq!) ?? [];
    list.push(asAttachment(row));
    bySeq.set(row.messageSeq!, list);
  }
  return bySeq;
}

/** Files the channel's messages carry, newest message first, optionally of one kind. */
export function listFiles(db: ChannelDb, query: { kind?: FileKind; before?: string; limit: number }): FilesPage {
  const conditions = [isNotNull(files.messageSeq)];
  if (query.kind) conditions.push(eq(files.kind, query.kind));
  if (query.before) {
    const [seq, position] = query.before.split('.').map(Number);
    conditions.push(or(lt(files.messageSeq, seq), and(eq(files.messageSeq, seq), gt(files.position, position)))!);
  }
  const rows = db
    .select({ file: files, threadRoot: messages.threadRoot })
    .from(files)
    .innerJoin(messages, eq(messages.seq, files.messageSeq))
    .where(and(...conditions))
    .orderBy(desc(files.messageSeq), files.position)
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit).map(
    ({ file, threadRoot }): ChannelFile => ({
      ...asAttachment(file),
      messageSeq: file.messageSeq!,
      threadRoot,
      uploaderId: file.uploaderId,
      uploaderName: file.uploaderName,
      createdAt: file.createdAt,
    }),
  );
  const last = rows.length > query.limit ? rows[query.limit - 1].file : null;
  return { files: page, nextBefore: last && `${last.messageSeq}.${last.position}` };
}

export function asAttachment(row: schema.FileRow): Attachment {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    type: row.type,
    kind: row.kind,
    width: row.width,
    height: row.height,
    thumbnail: row.thumbnailType === null ? null : { type: row.thumbnailType, width: row.thumbnailWidth, height: row.thumbnailHeight },
  };
}

export function asUploaded(row: schema.FileRow): UploadedFile {
  return { ...asAttachment(row), createdAt: row.createdAt, expiresAt: (row.storedAt ?? row.createdAt) + LIMITS.unattachedFileTtlMs };
}
