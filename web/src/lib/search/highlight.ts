/**
 * Marks a search's words in a rendered message (issue 7). The index matches English word forms
 * (Porter stems) and CJK substrings; without a stemmer here, a word is marked when it shares with a term
 * all but the term's last three letters (at least three): `connect` marks `connection` and `connected`.
 * CJK terms and terms with symbols (`foo.bar()`, `ERR_CONN_RESET`) are marked where they occur literally.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}_]+/gu;

const fold = (text: string) => text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** Where each term is found in `text`, as [start, end) ranges; overlapping ranges merged. */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const raw of terms) {
    for (const term of fold(raw).split(/\s+/).filter(Boolean)) {
      if (CJK.test(term) || /[^\p{L}\p{N}]/u.test(term)) {
        for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + term.length)) {
          ranges.push([folded.map[at], folded.map[at + term.length - 1] + 1]);
        }
        continue;
      }
      const stem = term.length > 5 ? term.slice(0, Math.max(3, term.length - 3)) : term.length > 3 ? term.slice(0, 3) : term;
      for (const match of folded.text.matchAll(WORD)) {
        const word = match[0];
        if (word === term || (word.startsWith(stem) && Math.abs(word.length - term.length) <= 4)) {
          ranges.push([folded.map[match.index], folded.map[match.index + word.length - 1] + 1]);
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Folds `text` character by character, keeping where each folded character came from. */
function foldWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    out += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(i);
  return { text: out, map };
}

/** Wraps each match in the element's text nodes in <mark>, leaving the Markdown's structure alone. */
export function highlightIn(element: HTMLElement, terms: readonly string[]): void {
  if (terms.length === 0) return;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = highlightRanges(text, terms);
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      fragment.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      at = end;
    }
    fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
}
