import type { Identity } from '../../durable/workspace/db';
import { AppError } from '../../shared/errors';
import type { Account, InvitePreview } from '../../shared/model';
import type { Env } from '../context';
import { directory, workspace } from '../stubs';

async function workspaceOf(env: Env, code: string): Promise<string> {
  const workspaceId = await directory(env).workspaceOfInvite(code);
  if (!workspaceId) throw new AppError('invite_unknown', 'No invite has that code. Check it for typos.');
  return workspaceId;
}

/** An account as a workspace keeps its member: names and the profile others see. */
export function memberIdentity(account: Account): Identity {
  return {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    avatarVersion: account.avatarVersion ?? null,
    status: account.status ?? null,
    nameColor: account.nameColor ?? null,
  };
}

/** What an invite leads to, or the error that says why it cannot be used. */
export async function previewInvite(env: Env, code: string): Promise<InvitePreview> {
  return workspace(env, await workspaceOf(env, code)).previewInvite(code);
}

/** Joins `account` to the invite's workspace and records the membership in the directory; a banned account is refused. */
export async function redeemInvite(env: Env, code: string, account: Account) {
  const workspaceId = await workspaceOf(env, code);
  const result = await workspace(env, workspaceId).redeemInvite(code, memberIdentity(account));
  // Re-run on every redemption, so a failure here heals when the person tries again.
  await directory(env).recordMembership(account.id, workspaceId);
  return result;
}
