import type { Emoji } from './types';

interface Entry {
  emoji: Emoji;
  name: string;
  codes: readonly string[];
  tags: readonly string[];
}

/** Ranks, best first; see EmojiData.search. */
const Rank = { ExactCode: 0, Prefix: 1, WordPrefix: 2, Keyword: 3, Substring: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];
const RANKS = Object.keys(Rank).length;

/** A search over `emojis` (in display order) that ranks matches and keeps that order within a rank. */
export function createSearch(emojis: readonly Emoji[]): (query: string, limit?: number) => Emoji[] {
  const entries: Entry[] = emojis.map((emoji) => ({
    emoji,
    name: emoji.name.toLowerCase(),
    codes: emoji.shortcodes,
    tags: emoji.tags.map((t) => t.toLowerCase()),
  }));

  return (query, limit = Infinity) => {
    const words = query.trim().toLowerCase().replace(/^:+|:+$/g, '').split(/[\s_]+/).filter(Boolean);
    if (words.length === 0 || limit <= 0) return [];
    const code = words.join('_');
    const phrase = words.join(' ');
    const ranked: Emoji[][] = Array.from({ length: RANKS }, () => []);
    for (const entry of entries) {
      const rank = rankOf(entry, code, phrase);
      if (rank !== undefined) ranked[rank].push(entry.emoji);
    }
    return ranked.flat().slice(0, limit);
  };
}

function rankOf(entry: Entry, code: string, phrase: string): Rank | undefined {
  const { name, codes, tags } = entry;
  if (codes.includes(code)) return Rank.ExactCode;
  if (name.startsWith(phrase) || codes.some((c) => c.startsWith(code))) return Rank.Prefix;
  if (name.includes(` ${phrase}`) || codes.some((c) => c.includes(`_${code}`))) return Rank.WordPrefix;
  if (tags.some((t) => t.startsWith(phrase))) return Rank.Keyword;
  if (name.includes(phrase) || codes.some((c) => c.includes(code))) return Rank.Substring;
  return undefined;
}
