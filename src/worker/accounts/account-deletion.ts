import { AppError } from '../../shared/errors';
import type { AccountDeletionMode } from '../../shared/model';
import type { Env } from '../context';
import { directory, workspace } from '../stubs';

/**
 * Deletes an account everywhere. Every workspace they are in is asked first whether it can
 * let the person go, so a refusal changes nothing; then each workspace they were ever in
 * (their messages outlive their membership) hands over ownership, removes the member and
 * relabels or erases their messages; the directory goes last, so a failure part-way leaves
 * an account that can simply try again.
 */
export async function deleteAccount(env: Env, userId: string, mode: AccountDeletionMode) {
  const dir = directory(env);
  const workspaces = await dir.workspacesOf(userId);
  const [ownBlocker, ...workspaceBlockers] = await Promise.all([
    dir.accountDeletionBlocker(userId),
    ...workspaces.map((w) => workspace(env, w.id).accountDeletionBlocker(userId)),
  ]);
  // Each workspace's reason names the workspace.
  const reasons = [ownBlocker, ...workspaceBlockers].filter((reason): reason is string => reason !== null);
  if (reasons.length > 0) {
    throw new AppError('conflict', `Your account cannot be deleted yet. ${reasons.join('; ')}. Nothing was changed.`);
  }
  try {
    const everJoined = await dir.workspacesEverJoinedBy(userId);
    await Promise.all(everJoined.map((w) => workspace(env, w.id).accountDeleted(userId, mode)));
  } catch (error) {
    console.error('account deletion: a workspace failed', userId, error);
    throw new AppError('internal', 'Your account could not be removed from every workspace; it still exists, so try again');
  }
  await dir.deleteAccount(userId, mode);
}
