import type { Account, UserStatus } from '../../shared/model';
import { users } from './schema';

/** The columns an Account is made of, for selects that build one. */
export const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  isAdmin: users.isAdmin,
  avatarVersion: users.avatarVersion,
  statusText: users.statusText,
  statusEmoji: users.statusEmoji,
  statusExpiresAt: users.statusExpiresAt,
  nameColor: users.nameColor,
};

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  avatarVersion: string | null;
  statusText: string | null;
  statusEmoji: string | null;
  statusExpiresAt: number | null;
  nameColor: Account['nameColor'];
}

/** The status as others should see it now: null once it has expired. */
export function currentStatus(row: AccountRow, now: number): UserStatus | null {
  if (row.statusText === null) return null;
  if (row.statusExpiresAt !== null && row.statusExpiresAt <= now) return null;
  return { text: row.statusText, emoji: row.statusEmoji, expiresAt: row.statusExpiresAt };
}

export function toAccount(row: AccountRow, now: number): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    isAdmin: row.isAdmin,
    avatarVersion: row.avatarVersion,
    status: currentStatus(row, now),
    nameColor: row.nameColor,
  };
}
