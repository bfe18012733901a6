/**
 * What the search index holds for a text (see docs/dev/issue7-plan.md §2). The `body` column gets the text
 * after NFKC with every CJK character as its own token, so any CJK substring, one or two characters
 * included, is a phrase query; `words` gets dictionary words of CJK runs and camelCase parts, which find
 * `ElementById` in `getElementById` and mark whole-word CJK hits. CJK recall never depends on `words`.
 */

/** Bump when the transform changes: the backfill re-indexes every message (search-index.ts). */
export const SEARCH_INDEX_VERSION = 1;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u;
const CJK_ALL = new RegExp(CJK.source, 'gu');
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;
const HANGUL_RUN = /\p{Script=Hangul}+/gu;
const CAMEL = /[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll})[\p{L}\p{N}]*/gu;

export function indexText(text: string): string {
  return text.normalize('NFKC');
}

/** A space around every CJK character, so unicode61 makes each its own token. */
export function splitCjk(text: string): string {
  return text.replace(CJK_ALL, (ch) => ` ${ch} `);
}

let segmenter: Intl.Segmenter | undefined;

/** Dictionary words of Han/kana runs, Hangul runs whole, camelCase identifiers split into their parts. */
export function words(text: string): string {
  const normal = indexText(text);
  const out: string[] = [];
  for (const [run] of normal.matchAll(CJK_RUN)) {
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  }
  for (const [run] of normal.matchAll(HANGUL_RUN)) out.push(run);
  for (const [ident] of normal.matchAll(CAMEL)) {
    out.push(ident.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2'));
  }
  return out.join(' ');
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const LINK = /\bhttps?:\/\/|\bwww\.|\]\(|<https?:|\bmailto:/i;

export function hasLink(body: string): boolean {
  return LINK.test(body);
}

/** The three indexed columns for a message body and its attachments' names. */
export function indexColumns(body: string, fileNames: readonly string[]) {
  const files = fileNames.join('\n');
  return {
    body: splitCjk(indexText(body)),
    words: [words(body), words(files)].filter(Boolean).join(' '),
    files: splitCjk(indexText(files)),
  };
}
