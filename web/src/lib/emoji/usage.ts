import { readStored, writeStored } from './storage';

const KEY = 'hearth.emoji.usage';
/** A use counts half as much after this long, so recent favourites rise and old ones fade. */
const HALF_LIFE_MS = 14 * 24 * 60 * 60 * 1000;
/** Kept in storage; more than the picker shows, so a newcomer can climb past an old one. */
const KEPT = 60;

/** Per emoji text: its score when last used, and when that was. */
type Usage = Record<string, { score: number; at: number }>;

const decayed = (entry: { score: number; at: number }, now: number) => entry.score * 2 ** (-(now - entry.at) / HALF_LIFE_MS);

/**
 * Counts a use of an emoji (as sent, skin tone included) towards "Frequently used".
 * The picker records its own picks; call this for other uses, such as clicking an
 * existing reaction.
 */
export function recordEmojiUse(emoji: string, now = Date.now()): void {
  const usage = readStored<Usage>(KEY) ?? {};
  const previous = usage[emoji];
  usage[emoji] = { score: (previous ? decayed(previous, now) : 0) + 1, at: now };
  const kept = Object.entries(usage)
    .sort(([, a], [, b]) => decayed(b, now) - decayed(a, now))
    .slice(0, KEPT);
  writeStored(KEY, Object.fromEntries(kept));
}

/** The most used emoji, recent uses weighing more, best first. */
export function frequentlyUsed(limit: number, now = Date.now()): string[] {
  const usage = readStored<Usage>(KEY) ?? {};
  return Object.entries(usage)
    .filter(([, entry]) => typeof entry?.score === 'number' && typeof entry.at === 'number')
    .sort(([, a], [, b]) => decayed(b, now) - decayed(a, now))
    .slice(0, limit)
    .map(([emoji]) => emoji);
}
