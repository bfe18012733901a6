import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { CreateChannelBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Channel } from '../../shared/model';
import type { RosterEntry } from '../activity';
import type { WorkspaceDb } from './db';
import * as schema from './schema';

export const GENERAL_CHANNEL = 'general';

/** Every channel of the workspace with its member count and whether `userId` is in it. */
export function listChannels(db: WorkspaceDb, userId: string): Channel[] {
  const counts = new Map(
    db
      .select({ channelId: schema.channelMembers.channelId, n: count() })
      .from(schema.channelMembers)
      .groupBy(schema.channelMembers.channelId)
      .all()
      .map((r) => [r.channelId, r.n]),
  );
  const joined = new Set(
    db
      .select({ channelId: schema.channelMembers.channelId })
      .from(schema.channelMembers)
      .where(eq(schema.channelMembers.userId, userId))
      .all()
      .map((r) => r.channelId),
  );
  return db
    .select()
    .from(schema.channels)
    .orderBy(asc(schema.channels.name))
    .all()
    .map((c) => ({
      id: c.id,
      name: c.name,
      topic: c.topic,
      createdAt: c.createdAt,
      memberCount: counts.get(c.id) ?? 0,
      joined: joined.has(c.id),
    }));
}

export function getChannel(db: WorkspaceDb, channelId: string, userId: string): Channel {
  const channel = listChannels(db, userId).find((c) => c.id === channelId);
  if (!channel) throw new AppError('not_found', 'No such channel');
  return channel;
}

export function createChannel(db: WorkspaceDb, input: CreateChannelBody, creatorId: string, now: number): Channel {
  return db.transaction(() => {
    const taken = db.select({ id: schema.channels.id }).from(schema.channels).where(eq(schema.channels.name, input.name)).get();
    if (taken) throw new AppError('channel_name_taken', `#${input.name} exists already; join it or choose another name`);
    const id = newId();
    db.insert(schema.channels).values({ id, name: input.name, topic: input.topic, createdBy: creatorId, createdAt: now }).run();
    joinChannel(db, id, creatorId, now);
    return { id, name: input.name, topic: input.topic, createdAt: now, memberCount: 1, joined: true };
  });
}

/**
 * Idempotent: joining a channel you are in changes nothing. A joiner has read
 * everything posted before they came; returns whether they were added.
 */
export function joinChannel(db: WorkspaceDb, channelId: string, userId: string, now: number): boolean {
  const readSeq = sql`(select ${schema.channels.lastSeq} from ${schema.channels} where ${schema.channels.id} = ${channelId})`;
  const added = db
    .insert(schema.channelMembers)
    .values({ channelId, userId, joinedAt: now, readSeq })
    .onConflictDoNothing()
    .returning({ userId: schema.channelMembers.userId })
    .get();
  return added !== undefined;
}

export function isChannelMember(db: WorkspaceDb, channelId: string, userId: string): boolean {
  return !!db
    .select({ userId: schema.channelMembers.userId })
    .from(schema.channelMembers)
    .where(and(eq(schema.channelMembers.channelId, channelId), eq(schema.channelMembers.userId, userId)))
    .get();
}

export function generalChannelId(db: WorkspaceDb): string | undefined {
  return db.select({ id: schema.channels.id }).from(schema.channels).where(eq(schema.channels.name, GENERAL_CHANNEL)).get()?.id;
}

/** Members of a channel with their usernames, for resolving @mentions. */
export function channelRoster(db: WorkspaceDb, channelId: string): RosterEntry[] {
  return db
    .select({ userId: schema.members.userId, username: schema.members.username, displayName: schema.members.displayName })
    .from(schema.channelMembers)
    .innerJoin(schema.members, eq(schema.members.userId, schema.channelMembers.userId))
    .where(eq(schema.channelMembers.channelId, channelId))
    .all();
}
