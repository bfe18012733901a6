import { createContext, useContext } from 'solid-js';
import type { Role } from '../../../src/shared/model';

/**
 * What other parts of the open workspace (the user card, member lists) ask of
 * its conversations: who the caller is there, and starting a DM.
 */
export interface Conversations {
  workspaceId: string;
  myId: string;
  myRole: () => Role;
  /** Opens (or creates) the DM with these people, the caller added by the server, and shows it. Throws an ApiError when refused. */
  openDm: (userIds: string[]) => Promise<void>;
  /** The 1:1 DM with one person; a refusal shows as a notice above the conversation. */
  openDmWith: (userId: string) => Promise<void>;
  openChannel: (channelId: string, seq?: number) => void;
}

export const ConversationsContext = createContext<Conversations>();

/** The open workspace's conversations; undefined outside a workspace page. */
export const useConversations = () => useContext(ConversationsContext);
