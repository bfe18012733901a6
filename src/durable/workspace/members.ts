import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Member, Role } from '../../shared/model';
import { mayChangeRole } from '../../shared/permissions';
import type { Identity, WorkspaceDb } from './db';
import * as schema from './schema';

/** The columns that make a Member (the table holds more, such as the status override). */
const memberColumns = {
  userId: schema.members.userId,
  username: schema.members.username,
  displayName: schema.members.displayName,
  role: schema.members.role,
  joinedAt: schema.members.joinedAt,
};

/** The caller's membership, or not_found: a workspace you are not in does not exist for you. */
export function requireMember(db: WorkspaceDb, userId: string): Member {
  const member = findMember(db, userId);
  if (!member) throw new AppError('not_found', 'No such workspace');
  return member;
}

export function findMember(db: WorkspaceDb, userId: string): Member | undefined {
  return db.select(memberColumns).from(schema.members).where(eq(schema.members.userId, userId)).get();
}

export function addMember(db: WorkspaceDb, who: Identity, role: Role, now: number): Member {
  const member: Member = { ...who, role, joinedAt: now };
  db.insert(schema.members).values(member).run();
  return member;
}

export function listMembers(db: WorkspaceDb): Member[] {
  return db.select(memberColumns).from(schema.members).orderBy(asc(schema.members.displayName)).all();
}

export function changeRole(db: WorkspaceDb, actor: Member, targetId: string, role: Role): Member {
  const target = findMember(db, targetId);
  if (!target) throw new AppError('not_found', 'That person is not a member of this workspace');
  if (!mayChangeRole(actor.role, target.role, role)) {
    const why =
      target.role === 'owner'
        ? "The owner's role cannot be changed"
        : role === 'owner'
          ? 'Ownership cannot be given by changing a role'
          : 'Only admins and the owner change roles';
    throw new AppError('forbidden', why);
  }
  db.update(schema.members).set({ role }).where(eq(schema.members.userId, targetId)).run();
  return { ...target, role };
}
