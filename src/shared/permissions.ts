/**
 * Who may do what in a workspace: one table that the server enforces, the web
 * app uses to hide what would fail, the README prints as the role matrix, and
 * the authorization test walks.
 */
import { ROLES, type Role } from './model';

const RANK: Record<Role, number> = { member: 0, moderator: 1, admin: 2, owner: 3 };

export interface Permission {
  /** The lowest role that may do it. */
  min: Role;
  /** Acting on another member also needs a role above theirs (nobody acts on the owner). */
  outranks?: true;
  /** One line for the README's matrix. */
  label: string;
  /** What else allows it, said in the matrix. */
  note?: string;
}

export const PERMISSIONS = {
  createChannel: { min: 'member', label: 'Create public and private channels' },
  openDm: { min: 'member', label: 'Start direct messages (1:1 and groups of up to 9)' },
  post: { min: 'member', label: 'Post, edit own messages, react, pin', note: 'not while timed out; archived channels are read-only' },
  addToPrivateChannel: { min: 'member', label: 'Add people to a private channel', note: 'members of that channel' },
  setTopic: { min: 'member', label: "Set a channel's topic", note: 'members of that channel' },
  renameChannel: { min: 'moderator', label: 'Rename a channel', note: 'its creator too' },
  removeFromChannel: { min: 'moderator', label: 'Remove someone from a channel', note: 'anyone may leave' },
  setSlowMode: { min: 'moderator', label: 'Set slow mode on a channel', note: 'moderators and above are exempt from it' },
  archiveChannel: { min: 'moderator', label: 'Archive and unarchive channels' },
  deleteOthersMessages: { min: 'moderator', label: "Delete other people's messages" },
  manageInvites: { min: 'moderator', label: 'Create and revoke invites' },
  timeoutMember: { min: 'moderator', outranks: true, label: 'Time a member out (cannot post for a while)' },
  removeMember: { min: 'moderator', outranks: true, label: 'Remove a member from the workspace' },
  banMember: { min: 'admin', outranks: true, label: 'Ban and unban members' },
  changeRoles: {
    min: 'admin',
    outranks: true,
    label: 'Change roles',
    note: 'up to their own role; the owner role is never given or taken',
  },
  deleteChannel: { min: 'admin', label: 'Delete a channel (after typing its name)' },
  readAuditLog: { min: 'admin', label: 'Read the audit log' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

/** Whether `role` may do `action` at all (for actions on a member, see `mayActOn`). */
export function allows(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[PERMISSIONS[action].min];
}

/** Whether `actor` may do `action` to a member holding `target`: allowed, and outranking them when the action says so. */
export function mayActOn(actor: Role, action: Action, target: Role): boolean {
  const permission: Permission = PERMISSIONS[action];
  if (!allows(actor, action)) return false;
  return !permission.outranks || RANK[actor] > RANK[target];
}

/** Whether `actor` may set `target`'s role to `next`: outranking them, and never above their own role or to owner. */
export function mayChangeRole(actor: Role, target: Role, next: Role): boolean {
  if (!mayActOn(actor, 'changeRoles', target)) return false;
  if (next === 'owner') return false;
  return RANK[next] <= RANK[actor];
}

/** Whether a member with `role` is held to slow mode. */
export function heldToSlowMode(role: Role): boolean {
  return !allows(role, 'setSlowMode');
}

/** Shorthands kept for the places that ask one question. */
export const can = {
  createChannel: (role: Role) => allows(role, 'createChannel'),
  manageInvites: (role: Role) => allows(role, 'manageInvites'),
  changeRoles: (role: Role) => allows(role, 'changeRoles'),
  deleteOthersMessages: (role: Role) => allows(role, 'deleteOthersMessages'),
};

/** The README's role matrix, generated from PERMISSIONS (a test keeps the README in step). */
export function roleMatrixMarkdown(): string {
  const roles = ROLES;
  const header = `| Action | ${roles.map((r) => r[0].toUpperCase() + r.slice(1)).join(' | ')} | Notes |`;
  const rule = `| --- |${' :-: |'.repeat(roles.length)} --- |`;
  const rows = Object.values(PERMISSIONS).map((p: Permission) => {
    const notes = [p.outranks ? 'only on members of a lower role' : '', p.note ?? ''].filter(Boolean).join('; ');
    const cells = roles.map((role) => (RANK[role] >= RANK[p.min] ? '✓' : '—'));
    return `| ${p.label} | ${cells.join(' | ')} | ${notes} |`;
  });
  return [header, rule, ...rows].join('\n');
}
