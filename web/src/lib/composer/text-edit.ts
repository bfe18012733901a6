/**
 * Changing a textarea's text the way typing does, so Ctrl+Z takes the change back: the browser's
 * `insertText` command records it in the undo history (setting `value` would wipe that history).
 * `setRangeText` stands in where the command is missing; it cannot be undone but edits all the same.
 */
import { formatForKey, toggleFormat, type Format } from './format-keys';
import type { TextEdit } from './draft';

export function applyEdit(textarea: HTMLTextAreaElement, edit: TextEdit): void {
  const doc = textarea.ownerDocument;
  if (doc.activeElement !== textarea) textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  let done = false;
  try {
    if (edit.text !== '') done = doc.execCommand('insertText', false, edit.text);
    else done = edit.from === edit.to || doc.execCommand('delete');
  } catch {
    done = false;
  }
  if (!done) {
    textarea.setRangeText(edit.text, edit.from, edit.to, 'end');
    // What a real edit would have announced, so the composer's state follows.
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: edit.text }));
  }
  textarea.setSelectionRange(edit.selectStart, edit.selectEnd);
}

/** Puts `text` where the selection is (replacing it), caret after. */
export function insertAtSelection(textarea: HTMLTextAreaElement, text: string, from = textarea.selectionStart, to = textarea.selectionEnd): void {
  const caret = from + text.length;
  applyEdit(textarea, { from, to, text, selectStart: caret, selectEnd: caret });
}

export function applyFormat(textarea: HTMLTextAreaElement, format: Format): void {
  const { value, selectionStart: start, selectionEnd: end } = textarea;
  applyEdit(textarea, toggleFormat(format, { value, start, end }));
}

export const isApple = (): boolean => /Mac|iPhone|iPad|iPod/.test(globalThis.navigator?.platform ?? '');

/** Handles a formatting shortcut from a textarea's keydown; true when it was one. */
export function handleFormatKey(event: KeyboardEvent, textarea: HTMLTextAreaElement): boolean {
  if (event.isComposing) return false;
  const format = formatForKey(event, isApple());
  if (!format) return false;
  event.preventDefault();
  applyFormat(textarea, format);
  return true;
}
