import { and, asc, eq } from 'drizzle-orm';
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

/** Idempotent: joining twice leaves one membership. */
export function recordMembership(db: DirectoryDb, userId: string, workspaceId: string, now: number) {
  db.insert(schema.workspaceMemberships).values({ userId, workspaceId, joinedAt: now }).onConflictDoNothing().run();
}

/** Idempotent: forgetting a membership that is not there does nothing. */
export function forgetMembership(db: DirectoryDb, userId: string, workspaceId: string) {
  db.delete(schema.workspaceMemberships)
    .where(and(eq(schema.workspaceMemberships.userId, userId), eq(schema.workspaceMemberships.workspaceId, workspaceId)))
    .run();
}

export function workspacesOf(db: DirectoryDb, userId: string): WorkspaceSummary[] {
  return db
    .select({ id: schema.workspaces.id, name: schema.workspaces.name })
    .from(schema.workspaceMemberships)
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.workspaceMemberships.workspaceId))
    .where(eq(schema.workspaceMemberships.userId, userId))
    .orderBy(asc(schema.workspaceMemberships.joinedAt))
    .all();
}

export function isMember(db: DirectoryDb, userId: string, workspaceId: string): boolean {
  return !!db
    .select({ userId: schema.workspaceMemberships.userId })
    .from(schema.workspaceMemberships)
    .where(and(eq(schema.workspaceMemberships.userId, userId), eq(schema.workspaceMemberships.workspaceId, workspaceId)))
    .get();
}

const theirs = alias(schema.workspaceMemberships, 'theirs');

/** Whether two people are members of at least one workspace in common. */
export function sharesWorkspace(db: DirectoryDb, userId: string, otherId: string): boolean {
  return !!db
    .select({ workspaceId: schema.workspaceMemberships.workspaceId })
    .from(schema.workspaceMemberships)
    .innerJoin(theirs, eq(theirs.workspaceId, schema.workspaceMemberships.workspaceId))
    .where(and(eq(schema.workspaceMemberships.userId, userId), eq(theirs.userId, otherId)))
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
