import { createSignal, Show, type JSX } from 'solid-js';
import { PaperclipIcon } from '../icons';

const carriesFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');

/** Files dragged over the conversation: an overlay says where they go, and a drop attaches them to the composer. */
export function DropZone(props: { onFiles: (files: File[]) => void; target: string; disabled?: boolean; children: JSX.Element }): JSX.Element {
  const [over, setOver] = createSignal(false);
  /** dragenter/dragleave fire for every child crossed: count them to know when the pointer left. */
  let depth = 0;
  const reset = () => {
    depth = 0;
    setOver(false);
  };
  return (
    <div
      class="drop-zone"
      onDragEnter={(e) => {
        if (props.disabled || !carriesFiles(e)) return;
        e.preventDefault();
        depth++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (props.disabled || !carriesFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth = Math.max(0, depth - 1);
        if (depth === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (props.disabled || !carriesFiles(e)) return;
        e.preventDefault();
        reset();
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length) props.onFiles(files);
      }}
    >
      {props.children}
      <Show when={over()}>
        <div class="drop-overlay" data-testid="drop-overlay">
          <div class="drop-overlay-card">
            <PaperclipIcon size={32} />
            <strong>Drop to attach</strong>
            <span>to a message in {props.target}</span>
          </div>
        </div>
      </Show>
    </div>
  );
}
