/** Who may do what in a workspace; the server enforces it, the web app uses it to hide what would fail. */
import type { Role } from './model';

const RANK: Record<Role, number> = { member: 0, moderator: 1, admin: 2, owner: 3 };

export const can = {
  createChannel: (_role: Role) => true,
  manageInvites: (role: Role) => RANK[role] >= RANK.moderator,
  changeRoles: (role: Role) => RANK[role] >= RANK.admin,
  deleteOthersMessages: (role: Role) => RANK[role] >= RANK.moderator,
};

/**
 * Whether `actor` may set `target`'s role to `next`. Nobody assigns or removes
 * the owner role here (ownership transfer is its own action), so the owner
 * cannot be demoted by others.
 */
export function mayChangeRole(actor: Role, target: Role, next: Role): boolean {
  if (!can.changeRoles(actor)) return false;
  if (target === 'owner' || next === 'owner') return false;
  return true;
}
