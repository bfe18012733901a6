import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Account, NameColor, UserStatus } from '../../shared/model';
import { getAccount } from './accounts';
import type { DirectoryDb } from './db';
import * as schema from './schema';
import { sharesWorkspace } from './workspaces';

/** Fields left undefined stay as they are; null clears. */
export interface ProfileChange {
  displayName?: string;
  status?: UserStatus | null;
  nameColor?: NameColor | null;
}

export interface AvatarImage {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function updateProfile(db: DirectoryDb, userId: string, change: ProfileChange, now: number): Account {
  const status = change.status === undefined ? undefined : meaningfulStatus(change.status, now);
  db.update(schema.users)
    .set({
      displayName: change.displayName,
      nameColor: change.nameColor,
      ...(status !== undefined && {
        statusText: status?.text ?? null,
        statusEmoji: status?.emoji ?? null,
        statusExpiresAt: status?.expiresAt ?? null,
      }),
    })
    .where(eq(schema.users.id, userId))
    .run();
  return existing(db, userId, now);
}

/** An empty status clears it; one that has already expired is refused rather than silently dropped. */
function meaningfulStatus(status: UserStatus | null, now: number): UserStatus | null {
  if (status === null || (status.text === '' && status.emoji === null)) return null;
  if (status.expiresAt !== null && status.expiresAt <= now) {
    throw new AppError('invalid_body', 'status.expiresAt: That time has passed already; choose a time in the future or no expiry');
  }
  return status;
}

/** Stores the image and gives it a new version, so cached copies of the old one are never shown again. */
export function setAvatar(db: DirectoryDb, userId: string, image: AvatarImage, now: number): Account {
  db.transaction(() => {
    db.insert(schema.avatars)
      .values({ userId, ...image })
      .onConflictDoUpdate({ target: schema.avatars.userId, set: image })
      .run();
    db.update(schema.users).set({ avatarVersion: newId() }).where(eq(schema.users.id, userId)).run();
  });
  return existing(db, userId, now);
}

export function removeAvatar(db: DirectoryDb, userId: string, now: number): Account {
  db.transaction(() => {
    db.delete(schema.avatars).where(eq(schema.avatars.userId, userId)).run();
    db.update(schema.users).set({ avatarVersion: null }).where(eq(schema.users.id, userId)).run();
  });
  return existing(db, userId, now);
}

/** `userId`'s avatar if `viewerId` may see it (it is theirs, or they share a workspace); else undefined. */
export function avatarFor(db: DirectoryDb, viewerId: string, userId: string) {
  if (viewerId !== userId && !sharesWorkspace(db, viewerId, userId)) return undefined;
  return db
    .select({ contentType: schema.avatars.contentType, bytes: schema.avatars.bytes, version: schema.users.avatarVersion })
    .from(schema.avatars)
    .innerJoin(schema.users, eq(schema.users.id, schema.avatars.userId))
    .where(eq(schema.avatars.userId, userId))
    .get();
}

function existing(db: DirectoryDb, userId: string, now: number): Account {
  const account = getAccount(db, userId, now);
  if (!account) throw new AppError('not_found', 'No such account');
  return account;
}
