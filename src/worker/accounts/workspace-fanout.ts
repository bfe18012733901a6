import type { Env } from '../context';
import { directory, workspace } from '../stubs';

type WorkspaceStub = ReturnType<typeof workspace>;

/**
 * Tells every workspace of `userId` something that has already happened to the account.
 * Each is told independently; one that fails is logged and the others still hear of it,
 * because the change stands either way.
 */
export async function tellWorkspacesOf(env: Env, userId: string, what: string, tell: (stub: WorkspaceStub) => Promise<unknown>) {
  const workspaces = await directory(env).workspacesOf(userId);
  await Promise.all(
    workspaces.map(async ({ id }) => {
      try {
        await tell(workspace(env, id));
      } catch (error) {
        console.error(`telling workspace ${id} of ${what} for ${userId} failed`, error);
      }
    }),
  );
}
