import { sql } from 'drizzle-orm';
import { LIMITS } from '../../shared/limits';
import type { ChannelDb } from './db';
import { hasLink, indexColumns, SEARCH_INDEX_VERSION } from './search-text';

/**
 * Keeps `message_search` (migrations/channel/0008_search.sql) in step with `messages`: called inside the
 * transactions that post, edit and delete, so the index never disagrees with what history shows.
 * System messages and tombstones are never indexed.
 */
export function indexMessage(db: ChannelDb, seq: number): void {
  // Constant SQL through the storage API: every post runs these, and Drizzle's sql`` would rebuild them each time.
  const { sql: storage } = db.$client;
  const [row] = storage
    .exec<{ body: string; system: string | null; deletedAt: number | null }>('SELECT body, system, deleted_at AS deletedAt FROM messages WHERE seq = ?', seq)
    .toArray();
  if (!row || row.system !== null || row.deletedAt !== null) return unindexMessage(db, seq);
  const names = storage
    .exec<{ name: string }>('SELECT name FROM files WHERE message_seq = ? ORDER BY position', seq)
    .toArray()
    .map((f) => f.name);
  const columns = indexColumns(row.body, names);
  storage.exec('UPDATE messages SET has_link = ? WHERE seq = ?', hasLink(row.body) ? 1 : 0, seq);
  storage.exec('INSERT OR REPLACE INTO message_search (rowid, body, words, files) VALUES (?, ?, ?, ?)', seq, columns.body, columns.words, columns.files);
}

export function unindexMessage(db: ChannelDb, seq: number): void {
  db.$client.sql.exec('DELETE FROM message_search WHERE rowid = ?', seq);
}

/** Messages below this seq were here before the index and are not indexed yet; 1 when none are left. */
export function backfillBefore(db: ChannelDb): number {
  const state = db.get<{ version: number; before: number } | undefined>(sql`SELECT version, backfill_before AS before FROM search_state WHERE id = 1`);
  if (!state) return 1;
  if (state.version !== SEARCH_INDEX_VERSION) {
    // The transform changed: the same loop re-indexes everything, newest first.
    const before = lastMessageSeq(db) + 1;
    db.run(sql`UPDATE search_state SET version = ${SEARCH_INDEX_VERSION}, backfill_before = ${before} WHERE id = 1`);
    return before;
  }
  return state.before;
}

function lastMessageSeq(db: ChannelDb): number {
  return db.get<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM messages`)?.seq ?? 0;
}

/** Indexes one chunk of the messages that predate the index, newest first. Returns whether any are left. */
export function backfillStep(db: ChannelDb, chunk = LIMITS.searchIndexChunk): boolean {
  return db.transaction(() => {
    const before = backfillBefore(db);
    if (before <= 1) return false;
    const rows = db.all<{ seq: number }>(
      sql`SELECT seq FROM messages WHERE seq < ${before} AND deleted_at IS NULL AND system IS NULL ORDER BY seq DESC LIMIT ${chunk}`,
    );
    for (const { seq } of rows) indexMessage(db, seq);
    const done = rows.length < chunk ? 1 : rows[rows.length - 1].seq;
    db.run(sql`UPDATE search_state SET backfill_before = ${done} WHERE id = 1`);
    return done > 1;
  });
}
