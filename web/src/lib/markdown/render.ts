/** A message body, from Markdown to nodes that are safe to put in the page. */
import { highlightMentions, type MentionContext } from './mentions';
import { markdownToHtml } from './parse';
import { sanitizeHtml, type Win } from './sanitize';
import { breakSoftLines } from './soft-breaks';

export type { MentionContext } from './mentions';

export function renderMarkdown(body: string, mentions: MentionContext, win: Win = window): DocumentFragment {
  const fragment = sanitizeHtml(markdownToHtml(body), win);
  breakSoftLines(fragment);
  highlightMentions(fragment, mentions);
  return fragment;
}
