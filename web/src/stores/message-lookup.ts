import { createStore } from 'solid-js/store';
import type { Message } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';

/** How far back a jump to a quoted message pages before it gives up. */
const REVEAL_PAGE_LIMIT = 40;

/**
 * Finding messages outside what is on screen: the ones replies quote, and the
 * way back to a message a jump asks for.
 */
export function createMessageLookup(
  workspaceId: string,
  channelId: string,
  history: { loaded: () => Message[]; hasMore: () => boolean; loadOlder: () => Promise<void> },
) {
  /** Messages quoted by replies but outside the loaded history, fetched once each. */
  const [quoted, setQuoted] = createStore<Record<number, Message | null>>({});

  /** A message by seq: loaded, being fetched (null), or not known yet (undefined). */
  function lookup(seq: number): Message | null | undefined {
    const loaded = history.loaded().find((m) => m.seq === seq);
    if (loaded) return loaded;
    if (!(seq in quoted)) {
      setQuoted(seq, null);
      endpoints.message(workspaceId, channelId, seq).then(({ message }) => setQuoted(seq, message), () => undefined);
    }
    return quoted[seq];
  }

  /** Loads older pages until `seq` is in the loaded history; false if it is not there. */
  async function reveal(seq: number): Promise<boolean> {
    const isLoaded = () => history.loaded().some((m) => m.seq === seq);
    for (let pages = 0; pages < REVEAL_PAGE_LIMIT; pages++) {
      if (isLoaded()) return true;
      if (!history.hasMore()) return false;
      await history.loadOlder();
    }
    return isLoaded();
  }

  return { lookup, reveal };
}
