import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Channel, ChannelKind, NotificationLevel, PersonRef } from '../../shared/model';
import type { RosterEntry } from '../activity';
import type { WorkspaceDb } from './db';
import { prepared } from '../sqlite';
import * as schema from './schema';
import { inJson } from './sql';

const { channelMembers, channels, members } = schema;

export const GENERAL_CHANNEL = 'general';

export type ChannelRow = typeof channels.$inferSelect;

/** A public channel is seen by every member; a private channel or DM only by its members. */
const visibleTo = (userId: string | ReturnType<typeof sql.placeholder>) =>
  or(
    eq(channels.kind, 'public'),
    sql`exists (select 1 from ${channelMembers} where ${channelMembers.channelId} = ${channels.id} and ${channelMembers.userId} = ${userId})`,
  );

/** The channels `userId` may know of: public ones, and the private channels and DMs they are in. */
export function listChannels(db: WorkspaceDb, userId: string): Channel[] {
  return views(db, db.select().from(channels).where(visibleTo(userId)).orderBy(asc(channels.name)).all(), userId);
}

const visibleChannelQuery = prepared((db: WorkspaceDb) =>
  db
    .select()
    .from(channels)
    .where(and(eq(channels.id, sql.placeholder('channelId')), visibleTo(sql.placeholder('userId'))))
    .prepare(),
);

/** A channel the caller may know of; not_found otherwise, exactly as for a channel that does not exist. */
export function requireVisible(db: WorkspaceDb, channelId: string, userId: string): ChannelRow {
  const row = visibleChannelQuery(db).get({ channelId, userId });
  if (!row) throw new AppError('not_found', 'No such channel');
  return row;
}

/** A channel the caller is in; a public one they have not joined is forbidden, anything they may not see not found. */
export function requireJoined(db: WorkspaceDb, channelId: string, userId: string, doing = 'read and post in it'): ChannelRow {
  const row = requireVisible(db, channelId, userId);
  if (!isChannelMember(db, channelId, userId)) throw new AppError('forbidden', `Join #${row.name} to ${doing}`);
  return row;
}

export function getChannel(db: WorkspaceDb, channelId: string, userId: string): Channel {
  return view(db, requireVisible(db, channelId, userId), userId);
}

export function view(db: WorkspaceDb, row: ChannelRow, userId: string): Channel {
  return views(db, [row], userId)[0];
}

/** Channel rows as `userId` sees them: member counts, whether they are in each, DMs' people. */
function views(db: WorkspaceDb, rows: ChannelRow[], userId: string): Channel[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = new Map(
    db
      .select({ channelId: channelMembers.channelId, n: count() })
      .from(channelMembers)
      .where(inJson(channelMembers.channelId, ids))
      .groupBy(channelMembers.channelId)
      .all()
      .map((r) => [r.channelId, r.n]),
  );
  const mine = new Map(
    db
      .select({ channelId: channelMembers.channelId, hidden: channelMembers.hidden })
      .from(channelMembers)
      .where(eq(channelMembers.userId, userId))
      .all()
      .map((r) => [r.channelId, r]),
  );
  const people = dmPeople(db, rows.filter((r) => r.kind === 'dm'));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.kind === 'dm' ? '' : row.name,
    topic: row.topic,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    memberCount: counts.get(row.id) ?? 0,
    joined: mine.has(row.id),
    archivedAt: row.archivedAt,
    slowModeSeconds: row.slowModeSeconds,
    dmMembers: row.kind === 'dm' ? (people.get(row.id) ?? []) : null,
    hidden: mine.get(row.id)?.hidden ?? false,
  }));
}

/**
 * The people of each given DM, by DM id, sorted by name: everyone it was opened
 * with (its key), so a DM keeps naming someone who has since left or been banned
 * (by their name on the ban, else as a former member).
 */
function dmPeople(db: WorkspaceDb, dms: { id: string; dmKey: string | null }[]): Map<string, PersonRef[]> {
  const ids = [...new Set(dms.flatMap((dm) => dm.dmKey?.split(',') ?? []))];
  if (ids.length === 0) return new Map();
  const current = db
    .select({ userId: members.userId, username: members.username, displayName: members.displayName })
    .from(members)
    .where(inJson(members.userId, ids))
    .all();
  const known = new Map<string, PersonRef>(current.map((person) => [person.userId, person]));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const banned = db
      .select({ userId: schema.bans.userId, username: schema.bans.username, displayName: schema.bans.displayName })
      .from(schema.bans)
      .where(inJson(schema.bans.userId, missing))
      .all();
    for (const person of banned) known.set(person.userId, person);
  }
  const person = (id: string): PersonRef => known.get(id) ?? { userId: id, username: '', displayName: FORMER_MEMBER_NAME };
  return new Map(
    dms.map((dm) => [dm.id, (dm.dmKey?.split(',') ?? []).map(person).sort((a, b) => a.displayName.localeCompare(b.displayName))]),
  );
}

/** How a DM names someone who is no longer in the workspace and left no ban behind. */
export const FORMER_MEMBER_NAME = 'Former member';

export interface NewChannel {
  name: string;
  topic: string;
  kind: Exclude<ChannelKind, 'dm'>;
}

export function requireNameFree(db: WorkspaceDb, name: string) {
  const taken = db.select({ id: channels.id }).from(channels).where(eq(channels.name, name)).get();
  if (taken) throw new AppError('channel_name_taken', `#${name} exists already; join it or choose another name`);
}

export function createChannel(db: WorkspaceDb, input: NewChannel, creatorId: string, now: number): ChannelRow {
  return db.transaction(() => {
    requireNameFree(db, input.name);
    const row = db
      .insert(channels)
      .values({ id: newId(), kind: input.kind, name: input.name, topic: input.topic, createdBy: creatorId, createdAt: now })
      .returning()
      .get();
    joinChannel(db, row.id, creatorId, now);
    return row;
  });
}

/**
 * Idempotent: joining a channel you are in changes nothing. A joiner has read
 * everything posted before they came; returns whether they were added.
 */
export function joinChannel(db: WorkspaceDb, channelId: string, userId: string, now: number, level?: NotificationLevel): boolean {
  const readSeq = sql`(select ${channels.lastSeq} from ${channels} where ${channels.id} = ${channelId})`;
  const added = db
    .insert(channelMembers)
    .values({ channelId, userId, joinedAt: now, readSeq, ...(level && { level }) })
    .onConflictDoNothing()
    .returning({ userId: channelMembers.userId })
    .get();
  return added !== undefined;
}

/** Returns whether they were in it. What they saved there goes too: they can no longer read it. */
export function leaveChannel(db: WorkspaceDb, channelId: string, userId: string): boolean {
  db.delete(schema.savedMessages)
    .where(and(eq(schema.savedMessages.channelId, channelId), eq(schema.savedMessages.userId, userId)))
    .run();
  const removed = db
    .delete(channelMembers)
    .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)))
    .returning({ userId: channelMembers.userId })
    .get();
  return removed !== undefined;
}

const channelMemberQuery = prepared((db: WorkspaceDb) =>
  db
    .select({ userId: channelMembers.userId })
    .from(channelMembers)
    .where(and(eq(channelMembers.channelId, sql.placeholder('channelId')), eq(channelMembers.userId, sql.placeholder('userId'))))
    .prepare(),
);

export function isChannelMember(db: WorkspaceDb, channelId: string, userId: string): boolean {
  return !!channelMemberQuery(db).get({ channelId, userId });
}

export function memberIdsOf(db: WorkspaceDb, channelId: string): string[] {
  return db
    .select({ userId: channelMembers.userId })
    .from(channelMembers)
    .where(eq(channelMembers.channelId, channelId))
    .all()
    .map((r) => r.userId);
}

/** The channels a person is in. */
export function channelIdsOf(db: WorkspaceDb, userId: string): string[] {
  return db
    .select({ channelId: channelMembers.channelId })
    .from(channelMembers)
    .where(eq(channelMembers.userId, userId))
    .all()
    .map((r) => r.channelId);
}

export function allChannelIds(db: WorkspaceDb): string[] {
  return db
    .select({ id: channels.id })
    .from(channels)
    .all()
    .map((r) => r.id);
}

export function generalChannelId(db: WorkspaceDb): string | undefined {
  return db.select({ id: channels.id }).from(channels).where(eq(channels.name, GENERAL_CHANNEL)).get()?.id;
}

/** Members of a channel with their usernames, for resolving @mentions. */
export function channelRoster(db: WorkspaceDb, channelId: string): RosterEntry[] {
  return db
    .select({ userId: members.userId, username: members.username, displayName: members.displayName })
    .from(channelMembers)
    .innerJoin(members, eq(members.userId, channelMembers.userId))
    .where(eq(channelMembers.channelId, channelId))
    .all();
}

/** How a channel is named in messages to people who may see it: DMs have no name. */
export function displayName(row: Pick<ChannelRow, 'kind' | 'name'>): string {
  return row.kind === 'dm' ? 'this conversation' : `#${row.name}`;
}
