import { For, Show, type JSX } from 'solid-js';
import { ariaShortcut, FORMATS, shortcutLabel, type Format } from '../lib/composer/format-keys';
import { isApple } from '../lib/composer/text-edit';
import { BoldIcon, CodeIcon, EditIcon, EyeIcon, ItalicIcon, PaperclipIcon, StrikeIcon } from './icons';

const BUTTONS: { format: Format; icon: () => JSX.Element }[] = [
  { format: 'bold', icon: () => <BoldIcon /> },
  { format: 'italic', icon: () => <ItalicIcon /> },
  { format: 'strike', icon: () => <StrikeIcon /> },
  { format: 'code', icon: () => <CodeIcon /> },
];

/** The row under the message box: formatting (each names its shortcut), the preview toggle, then `children` (send). */
export function ComposerToolbar(props: {
  previewing: boolean;
  onFormat: (format: Format) => void;
  onTogglePreview: () => void;
  /** Opens the file picker; no paperclip without it. */
  onAttach?: () => void;
  children: JSX.Element;
}): JSX.Element {
  const apple = isApple();
  return (
    <div class="composer-toolbar" role="group" aria-label="Formatting">
      <Show when={props.onAttach}>
        {(attach) => (
          <>
            <button class="icon-button composer-tool" type="button" aria-label="Attach files" title="Attach files" data-testid="attach-button" onClick={() => attach()()}>
              <PaperclipIcon />
            </button>
            <span class="composer-tool-divider" aria-hidden="true" />
          </>
        )}
      </Show>
      <For each={BUTTONS}>
        {(button) => {
          const { label } = FORMATS[button.format];
          const shortcut = shortcutLabel(button.format, apple);
          return (
            <button
              class="icon-button composer-tool"
              type="button"
              aria-label={label}
              title={`${label} (${shortcut})`}
              aria-keyshortcuts={ariaShortcut(button.format, apple)}
              disabled={props.previewing}
              // The textarea keeps its focus and selection; the click then formats it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => props.onFormat(button.format)}
            >
              {button.icon()}
            </button>
          );
        }}
      </For>
      <span class="composer-tool-divider" aria-hidden="true" />
      <button
        class="icon-button composer-tool"
        classList={{ pressed: props.previewing }}
        type="button"
        aria-pressed={props.previewing}
        aria-label="Preview"
        title={props.previewing ? 'Back to writing (Esc)' : 'Preview the message as it will look'}
        data-testid="preview-toggle"
        onClick={() => props.onTogglePreview()}
      >
        {props.previewing ? <EditIcon /> : <EyeIcon />}
      </button>
      <span class="composer-toolbar-end">{props.children}</span>
    </div>
  );
}
