import { createStore, produce } from 'solid-js/store';
import { LIMITS } from '../../../src/shared/limits';

interface Typist {
  name: string;
  threadRoot: number | null;
  until: number;
}

/** Who is typing in a channel (from the socket's typing frames), and when to tell others we are. */
export function createTypingState() {
  const [typists, setTypists] = createStore<Record<string, Typist>>({});
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const forget = (userId: string) => {
    clearTimeout(timers.get(userId));
    timers.delete(userId);
    setTypists(produce((t) => void delete t[userId]));
  };

  function heard(userId: string, name: string, threadRoot: number | null) {
    setTypists(userId, { name, threadRoot, until: Date.now() + LIMITS.typingShowMs });
    clearTimeout(timers.get(userId));
    timers.set(userId, setTimeout(() => forget(userId), LIMITS.typingShowMs));
  }

  /** Names typing in the channel itself (`null`) or in one thread. */
  const namesIn = (threadRoot: number | null) =>
    Object.values(typists)
      .filter((t) => t.threadRoot === threadRoot)
      .map((t) => t.name)
      .sort();

  let lastSent = 0;
  let lastPlace: number | null | undefined;
  /** True when a typing frame for this place is due (at most one per LIMITS.typingRepeatMs). */
  function dueToSend(threadRoot: number | null): boolean {
    const now = Date.now();
    if (lastPlace === threadRoot && now - lastSent < LIMITS.typingRepeatMs) return false;
    lastSent = now;
    lastPlace = threadRoot;
    return true;
  }
  /** After sending a message: the next keystroke announces typing again at once. */
  const sent = () => (lastSent = 0);

  const dispose = () => timers.forEach((t) => clearTimeout(t));

  return { heard, forget, namesIn, dueToSend, sent, dispose };
}

/** "Ana is typing…", "Ana and Ben are typing…", "Ana, Ben and Cy are typing…", "Several people are typing…". */
export function describeTyping(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]} are typing…`;
  return 'Several people are typing…';
}
