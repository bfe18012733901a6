import type { SearchTerm } from '../../shared/search-query';
import { hasCjk, indexText } from './search-text';

const DAY_MS = 24 * 3600 * 1000;

/**
 * "Most relevant" without bm25 (docs/dev/issue7-plan.md §5): a fixed formula that needs nothing of the
 * channel's statistics, so scores from different channels compare. `wholeCjk` says, per CJK term,
 * whether the message has it as a dictionary word (a MATCH on the `words` column).
 */
export function relevance(body: string, createdAt: number, terms: readonly SearchTerm[], wholeCjk: (term: SearchTerm) => boolean, now: number): number {
  const text = fold(body);
  const wanted = terms.filter((t) => !t.excluded);
  const positions = wanted.map((t) => text.indexOf(fold(t.text)));
  const inOrder = wanted.length > 0 && positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
  const whole = wanted.filter((t) => (hasCjk(t.text) ? wholeCjk(t) : wholeWord(text, fold(t.text)))).length;
  const matched = wanted.reduce((n, t, i) => n + (positions[i] >= 0 ? fold(t.text).length : 0), 0);
  const age = Math.max(0, now - createdAt) / DAY_MS;
  return (
    8 * (inOrder ? 1 : 0) +
    4 * (wanted.length ? whole / wanted.length : 0) +
    2 * Math.min(1, matched / Math.max(1, text.length)) +
    2 * 0.5 ** (age / 30)
  );
}

function fold(text: string): string {
  return indexText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function wholeWord(text: string, term: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u').test(text);
}
