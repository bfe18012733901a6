import type { SearchTerm } from '../../shared/search-query';
import { indexText, splitCjk, words } from './search-text';

/** An FTS5 string: inside double quotes every character is data (operators, colons, parentheses); a quote is doubled. */
export const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** One term as an FTS5 expression; null when the tokenizer would keep nothing of it ("()", "--"), so it is dropped, not sent. */
export function termMatch(term: SearchTerm): string | null {
  const body = splitCjk(indexText(term.text));
  if (!/[\p{L}\p{N}\p{Co}]/u.test(body)) return null;
  const star = term.prefix ? ' *' : '';
  const main = `{body files} : ${ftsString(body)}${star}`;
  const extra = words(term.text);
  return extra ? `(${main} OR words : ${ftsString(extra)}${star})` : main;
}

/** The MATCH expression for the terms; null when no included term is left (exclusions then filter rows another way). */
export function ftsQuery(terms: readonly SearchTerm[]): string | null {
  const include = terms.filter((t) => !t.excluded).map(termMatch).filter((e) => e !== null);
  if (include.length === 0) return null;
  return [`(${include.join(' AND ')})`, ...exclusions(terms).map((e) => `NOT ${e}`)].join(' ');
}

/** The excluded terms' expressions, for a query with filters and no words (`seq NOT IN (… MATCH …)`). */
export function exclusions(terms: readonly SearchTerm[]): string[] {
  return terms.filter((t) => t.excluded).map(termMatch).filter((e) => e !== null);
}
