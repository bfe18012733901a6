import { and, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { LIMITS } from '../../shared/limits';
import type { DirectoryDb } from './db';
import * as schema from './schema';

const { fileUsage } = schema;

/** Either the bytes are reserved, or how much the person already uses (the worker says so in its refusal). */
export type Reservation = { ok: true } | { ok: false; usedBytes: number };

/** Bytes the person's files take, uploads under way included; a reservation older than an upload may take has lapsed. */
export function usedBytes(db: DirectoryDb, userId: string, now: number): number {
  const live = or(isNotNull(fileUsage.storedAt), gte(fileUsage.createdAt, now - LIMITS.uploadStaleMs));
  return (
    db
      .select({ total: sql<number>`coalesce(sum(${fileUsage.bytes} + ${fileUsage.thumbnailBytes}), 0)` })
      .from(fileUsage)
      .where(and(eq(fileUsage.userId, userId), live))
      .get()?.total ?? 0
  );
}

/** Reserves an upload's declared size against the quota before its bytes stream in. */
export function reserveUpload(db: DirectoryDb, fileId: string, userId: string, bytes: number, quotaBytes: number, now: number): Reservation {
  return db.transaction(() => {
    db.delete(fileUsage)
      .where(and(eq(fileUsage.userId, userId), isNull(fileUsage.storedAt), lt(fileUsage.createdAt, now - LIMITS.uploadStaleMs)))
      .run();
    const used = usedBytes(db, userId, now);
    if (used + bytes > quotaBytes) return { ok: false, usedBytes: used };
    db.insert(fileUsage).values({ fileId, userId, bytes, createdAt: now }).run();
    return { ok: true };
  });
}

/** The upload's bytes are all on disk; false when its reservation lapsed meanwhile. */
export function settleUpload(db: DirectoryDb, fileId: string, now: number): boolean {
  return !!db.update(fileUsage).set({ storedAt: now }).where(eq(fileUsage.fileId, fileId)).returning({ id: fileUsage.fileId }).get();
}

/** Counts a file's thumbnail too, replacing an earlier one's size; refused when it would pass the quota. */
export function reserveThumbnail(db: DirectoryDb, fileId: string, userId: string, bytes: number, quotaBytes: number, now: number): Reservation {
  return db.transaction(() => {
    const row = db.select().from(fileUsage).where(and(eq(fileUsage.fileId, fileId), eq(fileUsage.userId, userId))).get();
    const used = usedBytes(db, userId, now);
    if (!row || used - row.thumbnailBytes + bytes > quotaBytes) return { ok: false, usedBytes: used };
    db.update(fileUsage).set({ thumbnailBytes: bytes }).where(eq(fileUsage.fileId, fileId)).run();
    return { ok: true };
  });
}

/** The files are gone (or never arrived): their bytes no longer count. */
export function releaseFiles(db: DirectoryDb, fileIds: string[]) {
  if (fileIds.length === 0) return;
  db.delete(fileUsage).where(sql`${fileUsage.fileId} in (select value from json_each(${JSON.stringify(fileIds)}))`).run();
}
