/**
 * Pasted HTML to Markdown: turndown with GitHub's tables, strikethrough and task lists (the Joplin
 * fork of the GFM plugin, which escapes `|` in cells and never leaves a table as HTML), once
 * office-html.ts has fitted Office and Google Docs markup to it. Loaded on the first rich paste,
 * as its own chunk.
 */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { parsePastedHtml } from './office-html';

let service: TurndownService | undefined;

/** The Markdown for a document from parsePastedHtml(). */
export function documentToMarkdown(doc: Document): string {
  service ??= createService();
  return service.turndown(doc.body).replace(/[ \t]+$/gm, '');
}

/** The Markdown for `html`, or null when it says nothing plain text does not. */
export function htmlToMarkdown(html: string): string | null {
  const doc = parsePastedHtml(html);
  return doc && documentToMarkdown(doc);
}

function createService(): TurndownService {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    // A message's line breaks are kept as they are typed: no trailing spaces needed.
    br: '',
  });
  turndown.use(gfm);
  // "- item" and "1. item", as people type them, rather than turndown's "-   item".
  turndown.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement;
      let prefix = '- ';
      if (parent.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1) || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const paragraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (paragraph ? '\n' : '');
      return prefix + body.replace(/\n/g, `\n${' '.repeat(prefix.length)}`) + (node.nextSibling ? '\n' : '');
    },
  });
  // A link that shows its own address is written as the address: it links by itself.
  turndown.addRule('bareLink', {
    filter: (node) => node.nodeName === 'A' && isBare(node),
    replacement: (_content, node) => node.getAttribute('href') ?? '',
  });
  return turndown;
}

function isBare(link: HTMLElement): boolean {
  const href = link.getAttribute('href') ?? '';
  const text = (link.textContent ?? '').trim();
  return text !== '' && (text === href || `mailto:${text}` === href || `${text}/` === href) && !/\s/.test(href);
}
