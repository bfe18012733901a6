import { createContext, createResource, useContext } from 'solid-js';
import type { Message, SavedItem } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';

const keyOf = (channelId: string, seq: number) => `${channelId}:${seq}`;

/** The person's saved messages in one workspace: which are saved, and the list. */
export function createSavedStore(workspaceId: string) {
  const [items, { refetch, mutate }] = createResource(async () => (await endpoints.saved(workspaceId)).items);
  const savedKeys = () => new Set((items() ?? []).map((i) => keyOf(i.channelId, i.message.seq)));

  const isSaved = (channelId: string, seq: number) => savedKeys().has(keyOf(channelId, seq));

  /** Saves or unsaves; returns an error message when the server refused. */
  async function toggle(channelId: string, channelName: string, message: Message): Promise<string | null> {
    const saved = isSaved(channelId, message.seq);
    try {
      if (saved) {
        await endpoints.unsave(workspaceId, channelId, message.seq);
        mutate((list) => list?.filter((i) => !(i.channelId === channelId && i.message.seq === message.seq)));
      } else {
        await endpoints.save(workspaceId, channelId, message.seq);
        const item: SavedItem = { channelId, channelName, savedAt: Date.now(), message };
        mutate((list) => [item, ...(list ?? [])]);
      }
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  return { items, refetch, isSaved, toggle };
}

export type SavedStore = ReturnType<typeof createSavedStore>;
export const SavedContext = createContext<SavedStore>();
export const useSaved = () => useContext(SavedContext);
