import { onCleanup } from 'solid-js';

/** Closes a popup menu on a click outside `root` or on Escape, for as long as the calling component lives. */
export function dismissOnOutside(root: () => HTMLElement | undefined, close: () => void) {
  const onMouseDown = (event: MouseEvent) => {
    const el = root();
    if (el && !el.contains(event.target as Node)) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  document.addEventListener('mousedown', onMouseDown);
  document.addEventListener('keydown', onKeyDown);
  onCleanup(() => {
    document.removeEventListener('mousedown', onMouseDown);
    document.removeEventListener('keydown', onKeyDown);
  });
}
