/**
 * Markdown to HTML with GitHub's extensions, by micromark (CommonMark-exact, GFM
 * extensions from the same project). Raw HTML in a message is encoded as text and
 * links keep only safe protocols: this output still goes through sanitize.ts.
 */
import { micromark } from 'micromark';
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { gfmTaskListItem, gfmTaskListItemHtml } from 'micromark-extension-gfm-task-list-item';
import { MATH_HTML, MATH_SYNTAX } from './math-syntax';

/**
 * GFM without footnotes: their ids and back-links are page-wide, which a chat of many
 * messages on one page cannot keep unique; tag filtering is moot with raw HTML off.
 */
export const GFM_SYNTAX = [gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
export const GFM_HTML = [gfmAutolinkLiteralHtml(), gfmStrikethroughHtml(), gfmTableHtml(), gfmTaskListItemHtml()];

/** What a message may use: GFM plus `$math$`. */
export const MESSAGE_SYNTAX = [...GFM_SYNTAX, MATH_SYNTAX];
export const MESSAGE_HTML = [...GFM_HTML, MATH_HTML];

/** A message body as HTML: not yet safe to insert, and soft line breaks are still newlines. */
export function markdownToHtml(body: string): string {
  return micromark(body, { extensions: MESSAGE_SYNTAX, htmlExtensions: MESSAGE_HTML });
}
