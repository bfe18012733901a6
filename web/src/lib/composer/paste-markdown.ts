/**
 * Rich text pasted into a message box (from a web page, Word, Google Docs, Excel) arrives as
 * Markdown, so its lists, tables, links and emphasis survive; Ctrl/Cmd+Shift+V pastes the plain
 * text, and so does the browser itself when the HTML holds nothing but text. The converter
 * (turndown) is fetched on the first rich paste.
 */
import { parsePastedHtml } from './office-html';
import { insertAtSelection } from './text-edit';

/** Past this much HTML, converting could stall typing: the plain text goes in. */
const HTML_MAX = 1_000_000;
/** How long after Ctrl/Cmd+Shift+V the paste it causes counts as "plain". */
const PLAIN_KEY_WINDOW_MS = 1000;

let plainUntil = 0;

/** Call from a textarea's keydown: notes Ctrl/Cmd+Shift+V, "paste as plain text". */
export function notePlainPasteKey(event: KeyboardEvent): void {
  if ((event.ctrlKey || event.metaKey) && event.shiftKey && (event.key.toLowerCase() === 'v' || event.code === 'KeyV')) plainUntil = Date.now() + PLAIN_KEY_WINDOW_MS;
}

/** A textarea's paste handler. Leaves plain pastes (and code editors' HTML) to the browser. */
export function handlePaste(event: ClipboardEvent, textarea: HTMLTextAreaElement): void {
  const data = event.clipboardData;
  const plainAsked = Date.now() < plainUntil;
  plainUntil = 0;
  // VS Code puts its colours on the clipboard as HTML; what was copied is code, as text.
  if (!data || plainAsked || !data.types.includes('text/html') || data.types.includes('vscode-editor-data')) return;
  const html = data.getData('text/html');
  if (html.length > HTML_MAX) return;
  const doc = parsePastedHtml(html);
  if (!doc) return;
  const plain = data.getData('text/plain');
  // The clipboard can be read only during the event, and the converter may not be loaded yet.
  event.preventDefault();
  void import('./html-to-markdown')
    .then(({ documentToMarkdown }) => documentToMarkdown(doc))
    .catch(() => plain)
    .then((markdown) => insertAtSelection(textarea, markdown.trim() ? markdown : plain));
}
