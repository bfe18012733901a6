import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { ChannelKind } from '../../shared/model';
import type { WorkspaceDb } from './db';
import * as schema from './schema';

const { channelMembers, channels, members } = schema;

/** A channel a search may ask, found through the caller's membership when the search began. */
export interface ScopeChannel {
  channelId: string;
  name: string;
  kind: ChannelKind;
  lastPostAt: number | null;
  /** The first message the caller may find there: 1, as history shows a member the whole channel. */
  fromSeq: number;
}

export interface SearchScope {
  channels: ScopeChannel[];
  /** from: names resolved to ids; null when the query has no from:. */
  authorIds: string[] | null;
  issuedAt: number;
}

/**
 * Where a search may look: every channel and DM the caller is in, archived and hidden ones included —
 * exactly what history lets them read today (a member reads the whole history). `in:` narrows it; a
 * channel they are not in answers like one that does not exist. `from:` names become ids.
 */
export function searchScope(db: WorkspaceDb, userId: string, filters: { in: string[]; from: string[] }, now: number): SearchScope {
  let rows = db
    .select({ channelId: channels.id, name: channels.name, kind: channels.kind, lastPostAt: channels.lastPostAt, fromSeq: sql<number>`1` })
    .from(channelMembers)
    .innerJoin(channels, eq(channels.id, channelMembers.channelId))
    .where(eq(channelMembers.userId, userId))
    .all();
  if (filters.in.length > 0) {
    const byName = new Map(rows.filter((r) => r.kind !== 'dm').map((r) => [r.name.toLowerCase(), r]));
    for (const name of filters.in) if (!byName.has(name)) throw new AppError('bad_request', `in: you are in no channel named #${name}`);
    rows = filters.in.map((name) => byName.get(name)!);
    rows = [...new Map(rows.map((r) => [r.channelId, r])).values()];
  }
  let authorIds: string[] | null = null;
  if (filters.from.length > 0) {
    authorIds = filters.from.map((name) => {
      if (name === 'me') return userId;
      const found = db
        .select({ userId: members.userId })
        .from(members)
        .where(sql`lower(${members.username}) = ${name}`)
        .get();
      if (!found) throw new AppError('bad_request', `from: no member of this workspace is called @${name}`);
      return found.userId;
    });
  }
  return { channels: rows, authorIds, issuedAt: now };
}
