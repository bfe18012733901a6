import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Member, Role } from '../../shared/model';
import type { Identity, ProfileChange, WorkspaceDb } from './db';
import { prepared } from '../sqlite';
import * as schema from './schema';
import { inJson } from './sql';

const { members } = schema;

/** The columns that make a Member (the table holds more, such as the status override). */
const memberColumns = {
  userId: members.userId,
  username: members.username,
  displayName: members.displayName,
  role: members.role,
  joinedAt: members.joinedAt,
  timedOutUntil: members.timedOutUntil,
  avatarVersion: members.avatarVersion,
  statusText: members.statusText,
  statusEmoji: members.statusEmoji,
  statusExpiresAt: members.statusExpiresAt,
  nameColor: members.nameColor,
};

type MemberRow = { [K in keyof typeof memberColumns]: (typeof members.$inferSelect)[K] };

/** A stored member as clients see them; a timeout that has run out is no timeout. */
function toMember(row: MemberRow, now: number): Member {
  const { statusText, statusEmoji, statusExpiresAt, timedOutUntil, ...rest } = row;
  return {
    ...rest,
    timedOutUntil: timedOutUntil !== null && timedOutUntil > now ? timedOutUntil : null,
    status: statusText === null ? null : { text: statusText, emoji: statusEmoji, expiresAt: statusExpiresAt },
  };
}

/** The member columns that hold a profile, from the profile as the directory has it. */
function profileColumns(profile: ProfileChange) {
  return {
    displayName: profile.displayName,
    avatarVersion: profile.avatarVersion,
    statusText: profile.status?.text ?? null,
    statusEmoji: profile.status?.emoji ?? null,
    statusExpiresAt: profile.status?.expiresAt ?? null,
    nameColor: profile.nameColor,
  };
}

/** The caller's membership, or not_found: a workspace you are not in does not exist for you. */
export function requireMember(db: WorkspaceDb, userId: string): Member {
  const member = findMember(db, userId);
  if (!member) throw new AppError('not_found', 'No such workspace');
  return member;
}

/** Someone the caller acts on or looks up: not_found when they are not a member. */
export function requireTarget(db: WorkspaceDb, userId: string): Member {
  const member = findMember(db, userId);
  if (!member) throw new AppError('not_found', 'That person is not a member of this workspace');
  return member;
}

const memberQuery = prepared((db: WorkspaceDb) =>
  db.select(memberColumns).from(members).where(eq(members.userId, sql.placeholder('userId'))).prepare(),
);

export function findMember(db: WorkspaceDb, userId: string): Member | undefined {
  const row = memberQuery(db).get({ userId });
  return row && toMember(row, Date.now());
}

export function addMember(db: WorkspaceDb, who: Identity, role: Role, now: number): Member {
  db.insert(members)
    .values({ userId: who.userId, username: who.username, role, joinedAt: now, ...profileColumns(who) })
    .run();
  return findMember(db, who.userId)!;
}

export function listMembers(db: WorkspaceDb): Member[] {
  const now = Date.now();
  return db
    .select(memberColumns)
    .from(members)
    .orderBy(asc(members.displayName))
    .all()
    .map((row) => toMember(row, now));
}

/** Members with the given ids (unknown ids are left out), one bound parameter for any number. */
export function membersByIds(db: WorkspaceDb, userIds: string[]): Member[] {
  const now = Date.now();
  return db
    .select(memberColumns)
    .from(members)
    .where(inJson(members.userId, userIds))
    .orderBy(asc(members.displayName))
    .all()
    .map((row) => toMember(row, now));
}

export function setRole(db: WorkspaceDb, userId: string, role: Role): Member {
  db.update(members).set({ role }).where(eq(members.userId, userId)).run();
  return findMember(db, userId)!;
}

export function setTimedOutUntil(db: WorkspaceDb, userId: string, until: number | null): Member {
  db.update(members).set({ timedOutUntil: until }).where(eq(members.userId, userId)).run();
  return findMember(db, userId)!;
}

/** Replaces the member's copy of their profile; undefined when they are not a member. */
export function updateProfile(db: WorkspaceDb, userId: string, profile: ProfileChange): Member | undefined {
  const row = db.update(members).set(profileColumns(profile)).where(eq(members.userId, userId)).returning({ userId: members.userId }).get();
  return row && findMember(db, userId);
}

/** Deletes the membership; their channel memberships, read state and saved messages go with it (foreign keys cascade). */
export function deleteMember(db: WorkspaceDb, userId: string) {
  db.delete(members).where(eq(members.userId, userId)).run();
}

/** The longest-standing admin other than `except`, who takes over a workspace whose owner is leaving for good. */
export function longestStandingAdmin(db: WorkspaceDb, except: string): Member | undefined {
  return listMembers(db)
    .filter((m) => m.role === 'admin' && m.userId !== except)
    .sort((a, b) => a.joinedAt - b.joinedAt)[0];
}
