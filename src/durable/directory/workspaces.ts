import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../shared/errors';
import type { WorkspaceSummary } from '../../shared/model';
import type { DirectoryDb } from './db';
import * as schema from './schema';

export function recordWorkspace(db: DirectoryDb, workspace: WorkspaceSummary, ownerId: string, now: number) {
  db.transaction(() => {
    db.insert(schema.workspaces).values({ ...workspace, createdAt: now }).run();
    db.insert(schema.workspaceMemberships).values({ userId: ownerId, workspaceId: workspace.id, joinedAt: now }).run();
  });
}

const { workspaceMemberships: memberships } = schema;
const current = isNull(memberships.leftAt);

/** Idempotent: joining twice leaves one membership; joining again after leaving makes it current again. */
export function recordMembership(db: DirectoryDb, userId: string, workspaceId: string, now: number) {
  db.insert(memberships)
    .values({ userId, workspaceId, joinedAt: now })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.workspaceId], set: { leftAt: null }, setWhere: sql`${memberships.leftAt} is not null` })
    .run();
}

/** Idempotent: marks the membership left; one that is not there, or left already, stays as it is. */
export function forgetMembership(db: DirectoryDb, userId: string, workspaceId: string, now: number) {
  db.update(memberships)
    .set({ leftAt: now })
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId), current))
    .run();
}

/** The workspaces the person is in now, in the order they joined. */
export function workspacesOf(db: DirectoryDb, userId: string): WorkspaceSummary[] {
  return workspacesWhere(db, and(eq(memberships.userId, userId), current)!);
}

/** Every workspace the person has been in, including those they left. */
export function workspacesEverJoinedBy(db: DirectoryDb, userId: string): WorkspaceSummary[] {
  return workspacesWhere(db, eq(memberships.userId, userId));
}

function workspacesWhere(db: DirectoryDb, where: SQL): WorkspaceSummary[] {
  return db
    .select({ id: schema.workspaces.id, name: schema.workspaces.name })
    .from(memberships)
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, memberships.workspaceId))
    .where(where)
    .orderBy(asc(memberships.joinedAt))
    .all();
}

export function isMember(db: DirectoryDb, userId: string, workspaceId: string): boolean {
  return !!db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId), current))
    .get();
}

const theirs = alias(schema.workspaceMemberships, 'theirs');

/** Whether two people are members of at least one workspace in common. */
export function sharesWorkspace(db: DirectoryDb, userId: string, otherId: string): boolean {
  return !!db
    .select({ workspaceId: schema.workspaceMemberships.workspaceId })
    .from(schema.workspaceMemberships)
    .innerJoin(theirs, eq(theirs.workspaceId, schema.workspaceMemberships.workspaceId))
    .where(and(eq(schema.workspaceMemberships.userId, userId), current, eq(theirs.userId, otherId), isNull(theirs.leftAt)))
    .limit(1)
    .get();
}

export function registerInviteCode(db: DirectoryDb, code: string, workspaceId: string) {
  const inserted = db.insert(schema.inviteCodes).values({ code, workspaceId }).onConflictDoNothing().returning().get();
  if (!inserted) throw new AppError('conflict', 'That invite code exists already; try again');
}

export function workspaceOfInvite(db: DirectoryDb, code: string): string | undefined {
  return db.select().from(schema.inviteCodes).where(eq(schema.inviteCodes.code, code)).get()?.workspaceId;
}
