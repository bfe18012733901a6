import { createResource, createRoot } from 'solid-js';
import { endpoints } from '../api/endpoints';
import { useSession } from './session';

/** The workspaces of the active account, for the rail and the home page. */
function createWorkspaceListStore() {
  const session = useSession();
  const [list, { refetch }] = createResource(
    () => session.account()?.id,
    async () => (await endpoints.workspaces()).workspaces,
  );

  async function create(name: string) {
    const result = await endpoints.createWorkspace(name);
    await refetch();
    return result;
  }

  async function join(code: string) {
    const result = await endpoints.redeemInvite(code);
    await refetch();
    return result;
  }

  return { list, refetch, create, join };
}

const store = createRoot(createWorkspaceListStore);
export const useWorkspaces = () => store;
