import { createContext, useContext, type JSX } from 'solid-js';
import type { Member } from '../../../src/shared/model';

/** What the workspace page lends the user card: the parts that belong to conversations and moderation. */
export interface UserCardHooks {
  /** Opens (or starts) the DM with this person; a rejected promise shows its message on the card. Without it, no "Message" button. */
  onMessage?: (userId: string) => void | Promise<void>;
  /** Moderation controls for this member, shown on others' cards to moderators and above. `close` closes the card. */
  memberActions?: (member: Member, close: () => void) => JSX.Element;
}

const UserCardContext = createContext<UserCardHooks>({});

export const useUserCardHooks = () => useContext(UserCardContext);

/** Gives every user card inside it the workspace's "Message" action and member actions. */
export function UserCardProvider(props: UserCardHooks & { children: JSX.Element }): JSX.Element {
  // Getters, so cards read the provider's current props.
  const hooks: UserCardHooks = {
    get onMessage() {
      return props.onMessage;
    },
    get memberActions() {
      return props.memberActions;
    },
  };
  return <UserCardContext.Provider value={hooks}>{props.children}</UserCardContext.Provider>;
}
