import { createContext, createResource, useContext } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { DELETED_USER_NAME, type Member } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';

/**
 * The open workspace's members by id: names, roles, profiles and timeouts as
 * they are now. Loaded once, then kept current by the gateway's `member` and
 * `member-removed` frames (wired in the gateway provider).
 */
export function createMembersStore(workspaceId: string) {
  const [byId, setById] = createStore<Record<string, Member>>({});
  const [loaded, { refetch }] = createResource(async () => {
    const { members } = await endpoints.members(workspaceId);
    setById(reconcile(Object.fromEntries(members.map((m) => [m.userId, m]))));
    return true;
  });

  return {
    /** Resolves once the first list has arrived. */
    loaded,
    refetch,
    all: () => Object.values(byId).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    get: (userId: string): Member | undefined => byId[userId],
    /** The name to show for a person: their current display name, or the name a message was stored with when they are gone. */
    nameOf: (userId: string, fallback = DELETED_USER_NAME) => byId[userId]?.displayName ?? fallback,
    apply: (member: Member) => setById(member.userId, reconcile(member)),
    remove: (userId: string) => setById(produce((all) => void delete all[userId])),
  };
}

export type MembersStore = ReturnType<typeof createMembersStore>;

export const MembersContext = createContext<MembersStore>();

/** The open workspace's members; only inside a workspace page. */
export function useMembers(): MembersStore {
  const members = useContext(MembersContext);
  if (!members) throw new Error('useMembers is only available inside a workspace page');
  return members;
}
