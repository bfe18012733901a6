import { type SQL, sql } from 'drizzle-orm';
import { LIMITS } from '../../shared/limits';
import type { Message } from '../../shared/model';
import type { HasFilter, SearchTerm } from '../../shared/search-query';
import type { ChannelDb } from './db';
import { asMessages } from './message-view';
import * as schema from './schema';
import { backfillBefore } from './search-index';
import { exclusions, ftsQuery, ftsString } from './search-match';
import { relevance } from './search-rank';
import { hasCjk, indexText, words } from './search-text';

/** One channel the workspace found the caller in when the search began (see Workspace.searchScope). */
export interface SearchGrant {
  channelId: string;
  userId: string;
  /** The first message the caller may find: 1 today, as history shows a member everything. */
  fromSeq: number;
  issuedAt: number;
}

/** Where a hit sits in the merged order: newest is (at desc, channelId, seq desc); relevance puts score first. */
export interface HitKey {
  score: number;
  at: number;
  channelId: string;
  seq: number;
}

/** A search as the worker sends it to each channel: the parsed query with names resolved and dates in ms. */
export interface ChannelSearch {
  terms: SearchTerm[];
  authorIds: string[] | null;
  has: HasFilter[];
  pinned: boolean;
  /** created_at >= sinceAt, created_at < untilAt. */
  sinceAt: number | null;
  untilAt: number | null;
  mode: 'newest' | 'relevance';
  /** Relevance ages messages from this moment, kept in the cursor so scores do not drift between pages. */
  now: number;
  /** The last hit of the previous page. */
  after: HitKey | null;
  limit: number;
}

export interface ChannelHits {
  hits: HitKey[];
  /** Older messages here are still being indexed (search-index.ts). */
  indexing: boolean;
}

/** The merged order; negative when `a` comes first. */
export function compareHits(a: HitKey, b: HitKey, mode: ChannelSearch['mode']): number {
  if (mode === 'relevance' && a.score !== b.score) return b.score - a.score;
  if (a.at !== b.at) return b.at - a.at;
  if (a.channelId !== b.channelId) return a.channelId < b.channelId ? -1 : 1;
  return b.seq - a.seq;
}

/** The caller's hits in this channel, in merged order, strictly after the cursor. */
export function searchChannel(db: ChannelDb, grant: SearchGrant, query: ChannelSearch): ChannelHits {
  const indexing = backfillBefore(db) > 1;
  const match = ftsQuery(query.terms);
  if (match === null && !query.terms.every((t) => t.excluded)) return { hits: [], indexing };
  const range = seqRange(db, grant, query);
  if (range === null) return { hits: [], indexing };
  if (query.mode === 'newest') {
    const rows = candidates(db, match, range, query, query.limit);
    return { hits: rows.map((r) => ({ score: 0, at: r.at, channelId: grant.channelId, seq: r.seq })), indexing };
  }
  const rows = candidates(db, match, range, query, LIMITS.searchRelevanceWindow);
  const whole = wholeCjkWords(db, query.terms, rows);
  const hits = rows
    .map((r) => ({ score: relevance(r.body, r.at, query.terms, (t) => whole.get(t.text)?.has(r.seq) ?? false, query.now), at: r.at, channelId: grant.channelId, seq: r.seq }))
    .filter((h) => query.after === null || compareHits(query.after, h, 'relevance') < 0)
    .sort((a, b) => compareHits(a, b, 'relevance'));
  return { hits: hits.slice(0, query.limit), indexing };
}

/** The messages of the winning hits, in the order asked. */
export function searchResults(db: ChannelDb, seqs: number[]): Message[] {
  const rows = db
    .select()
    .from(schema.messages)
    .where(sql`${schema.messages.seq} IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`)
    .all();
  const bySeq = new Map(asMessages(db, rows).map((m) => [m.seq, m]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
}

interface Range {
  /** seq >= low and seq < high. */
  low: number;
  high: number | null;
}

/** The grant's floor, the dates and (newest) the cursor as one seq range, through messages_created_at. */
function seqRange(db: ChannelDb, grant: SearchGrant, query: ChannelSearch): Range | null {
  let low = grant.fromSeq;
  let high: number | null = null;
  const below = (seq: number | null) => {
    if (seq !== null) high = high === null ? seq : Math.min(high, seq);
  };
  if (query.sinceAt !== null) {
    const first = firstSeqAtOrAfter(db, query.sinceAt);
    if (first === null) return null;
    low = Math.max(low, first);
  }
  if (query.untilAt !== null) below(firstSeqAtOrAfter(db, query.untilAt));
  const after = query.mode === 'newest' ? query.after : null;
  if (after) {
    if (after.channelId === grant.channelId) below(after.seq);
    else below(firstSeqAtOrAfter(db, after.channelId < grant.channelId ? after.at + 1 : after.at));
  }
  return high !== null && high <= low ? null : { low, high };
}

function firstSeqAtOrAfter(db: ChannelDb, at: number): number | null {
  return db.get<{ seq: number } | undefined>(sql`SELECT seq FROM messages WHERE created_at >= ${at} ORDER BY created_at, seq LIMIT 1`)?.seq ?? null;
}

interface Candidate {
  seq: number;
  at: number;
  body: string;
}

/** Matching rows newest first: FTS drives in rowid order and each row's filters are checked as it comes. */
function candidates(db: ChannelDb, match: string | null, range: Range, query: ChannelSearch, limit: number): Candidate[] {
  const where: SQL[] = [sql`m.deleted_at IS NULL`, sql`m.system IS NULL`, sql`m.seq >= ${range.low}`];
  if (range.high !== null) where.push(sql`m.seq < ${range.high}`);
  if (query.sinceAt !== null) where.push(sql`m.created_at >= ${query.sinceAt}`);
  if (query.untilAt !== null) where.push(sql`m.created_at < ${query.untilAt}`);
  if (query.authorIds !== null) where.push(sql`m.author_id IN (SELECT value FROM json_each(${JSON.stringify(query.authorIds)}))`);
  if (query.pinned) where.push(sql`m.pinned_at IS NOT NULL`);
  if (query.has.includes('link')) where.push(sql`m.has_link = 1`);
  if (query.has.includes('file')) where.push(sql`EXISTS (SELECT 1 FROM files f WHERE f.message_seq = m.seq)`);
  if (query.has.includes('image')) where.push(sql`EXISTS (SELECT 1 FROM files f WHERE f.message_seq = m.seq AND f.kind = 'image')`);
  if (match === null) {
    // Filters and exclusions only: drive from messages through the filters' indexes.
    for (const expr of exclusions(query.terms)) where.push(sql`m.seq NOT IN (SELECT rowid FROM message_search WHERE message_search MATCH ${expr})`);
    return db.all<Candidate>(
      sql`SELECT m.seq AS seq, m.created_at AS at, m.body AS body FROM messages AS m WHERE ${sql.join(where, sql` AND `)} ORDER BY m.seq DESC LIMIT ${limit}`,
    );
  }
  // CROSS JOIN keeps FTS as the outer loop; the alias cannot carry MATCH, so the table is named in full.
  return db.all<Candidate>(sql`SELECT message_search.rowid AS seq, m.created_at AS at, m.body AS body
    FROM message_search CROSS JOIN messages AS m ON m.seq = message_search.rowid
    WHERE message_search MATCH ${match} AND message_search.rowid >= ${range.low}
      ${range.high !== null ? sql`AND message_search.rowid < ${range.high}` : sql``}
      AND ${sql.join(where, sql` AND `)}
    ORDER BY message_search.rowid DESC LIMIT ${limit}`);
}

/** For each CJK term, which candidates have it as a dictionary word (ranked above substring hits). */
function wholeCjkWords(db: ChannelDb, terms: readonly SearchTerm[], rows: Candidate[]): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>();
  if (rows.length === 0) return found;
  const low = rows[rows.length - 1].seq;
  const high = rows[0].seq;
  for (const term of terms) {
    if (term.excluded || !hasCjk(term.text)) continue;
    const text = words(term.text) || indexText(term.text);
    const seqs = db.all<{ seq: number }>(
      sql`SELECT rowid AS seq FROM message_search WHERE message_search MATCH ${`words : ${ftsString(text)}`} AND rowid >= ${low} AND rowid <= ${high}`,
    );
    found.set(term.text, new Set(seqs.map((s) => s.seq)));
  }
  return found;
}
