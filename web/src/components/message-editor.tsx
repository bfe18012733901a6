import type { JSX } from 'solid-js';
import { handlePaste, notePlainPasteKey } from '../lib/composer/paste-markdown';
import { handleFormatKey } from '../lib/composer/text-edit';

/** Inline editor: Enter saves, Shift+Enter is a new line, Escape cancels; formatting keys and rich pastes as in the composer. */
export function MessageEditor(props: { initial: string; onSave: (body: string) => void; onCancel: () => void }): JSX.Element {
  let textarea!: HTMLTextAreaElement;
  const save = () => {
    if (textarea.value.trim()) props.onSave(textarea.value);
  };
  return (
    <div class="message-editor">
      <textarea
        ref={(el) => {
          textarea = el;
          queueMicrotask(() => {
            el.focus();
            el.setSelectionRange(el.value.length, el.value.length);
            el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
          });
        }}
        value={props.initial}
        aria-label="Edit message"
        data-testid="message-editor"
        onInput={(e) => {
          e.currentTarget.style.height = 'auto';
          e.currentTarget.style.height = `${Math.min(e.currentTarget.scrollHeight, 240)}px`;
        }}
        onPaste={(e) => handlePaste(e, textarea)}
        onKeyDown={(e) => {
          notePlainPasteKey(e);
          if (handleFormatKey(e, textarea)) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
        }}
      />
      <div class="editor-hint">
        <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel ·{' '}
        <button class="link-button" type="button" onClick={save}>
          Save
        </button>{' '}
        <button class="link-button" type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
