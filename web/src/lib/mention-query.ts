import type { BroadcastMention } from '../../../src/shared/model';

/** Someone (or a broadcast) the composer can offer after "@". */
export interface MentionCandidate {
  /** What is inserted after "@". */
  handle: string;
  label: string;
  detail: string;
  userId: string | null;
}

export const BROADCAST_CANDIDATES: Record<BroadcastMention, string> = {
  channel: 'Notify everyone in this channel',
  here: 'Notify everyone online in this channel',
  everyone: 'Notify everyone in this channel',
};

/** The "@partial" the caret is in, if any: where it starts and what has been typed after "@". */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[^A-Za-z0-9._@-])@([A-Za-z0-9._-]{0,32})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2].toLowerCase() };
}

/**
 * Fuzzy score of `query` against `text`: higher is better, -1 for no match.
 * Prefixes beat word starts, which beat scattered letters (typed in order).
 */
export function fuzzyScore(query: string, text: string): number {
  const t = text.toLowerCase();
  if (!query) return 1;
  if (t.startsWith(query)) return 1000 - t.length;
  const wordStart = t.search(new RegExp(`(^|[\\s._-])${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (wordStart >= 0) return 800 - wordStart;
  let at = 0;
  let gaps = 0;
  for (const char of query) {
    const found = t.indexOf(char, at);
    if (found < 0) return -1;
    gaps += found - at;
    at = found + 1;
  }
  return 500 - gaps * 10 - t.length;
}

/** Candidates matching the query, best first, at most `limit`. */
export function rankCandidates(query: string, candidates: MentionCandidate[], limit = 8): MentionCandidate[] {
  return candidates
    .map((c) => ({ c, score: Math.max(fuzzyScore(query, c.handle), fuzzyScore(query, c.label) - 1) }))
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score || a.c.handle.localeCompare(b.c.handle))
    .slice(0, limit)
    .map((x) => x.c);
}
