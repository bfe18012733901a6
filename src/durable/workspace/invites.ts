import { desc, eq, sql } from 'drizzle-orm';
import type { CreateInviteBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Invite, InviteStatus } from '../../shared/model';
import type { WorkspaceDb } from './db';
import * as schema from './schema';

type InviteRow = typeof schema.invites.$inferSelect;

export function inviteStatus(row: InviteRow, now: number): InviteStatus {
  if (row.revokedAt !== null) return 'revoked';
  if (row.expiresAt !== null && row.expiresAt <= now) return 'expired';
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'used_up';
  return 'active';
}

function toInvite(row: InviteRow, now: number): Invite {
  return { ...row, status: inviteStatus(row, now) };
}

const UNUSABLE: Record<Exclude<InviteStatus, 'active'>, () => AppError> = {
  revoked: () => new AppError('invite_revoked', 'This invite was revoked. Ask for a new one.'),
  expired: () => new AppError('invite_expired', 'This invite has expired. Ask for a new one.'),
  used_up: () => new AppError('invite_used_up', 'This invite has been used as many times as allowed. Ask for a new one.'),
};

/** The invite if it can be used now; otherwise the error that says why not. */
export function requireUsableInvite(db: WorkspaceDb, code: string, now: number): InviteRow {
  const row = db.select().from(schema.invites).where(eq(schema.invites.code, code)).get();
  if (!row) throw new AppError('invite_unknown', 'No invite has that code. Check it for typos.');
  const status = inviteStatus(row, now);
  if (status !== 'active') throw UNUSABLE[status]();
  return row;
}

export function createInvite(db: WorkspaceDb, code: string, input: CreateInviteBody, creatorId: string, now: number): Invite {
  const row: InviteRow = {
    code,
    createdBy: creatorId,
    createdAt: now,
    maxUses: input.maxUses,
    uses: 0,
    expiresAt: input.expiresInSeconds === null ? null : now + input.expiresInSeconds * 1000,
    revokedAt: null,
  };
  db.insert(schema.invites).values(row).run();
  return toInvite(row, now);
}

export function listInvites(db: WorkspaceDb, now: number): Invite[] {
  return db.select().from(schema.invites).orderBy(desc(schema.invites.createdAt), desc(sql`rowid`)).all().map((r) => toInvite(r, now));
}

export function revokeInvite(db: WorkspaceDb, code: string, now: number): Invite {
  const row = db
    .update(schema.invites)
    .set({ revokedAt: sql`coalesce(${schema.invites.revokedAt}, ${now})` })
    .where(eq(schema.invites.code, code))
    .returning()
    .get();
  if (!row) throw new AppError('not_found', 'No invite has that code');
  return toInvite(row, now);
}

export function countUse(db: WorkspaceDb, code: string) {
  db.update(schema.invites).set({ uses: sql`${schema.invites.uses} + 1` }).where(eq(schema.invites.code, code)).run();
}
