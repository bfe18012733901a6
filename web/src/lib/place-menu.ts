const MARGIN = 8;

/**
 * Puts a fixed-position menu under `anchor`, right-aligned with it, or above it
 * when it does not fit below, so no scrolling box (a dialog's body) cuts it off.
 * Sets the position through CSSOM: the CSP forbids inline styles.
 */
export function placeMenu(menu: HTMLElement, anchor: HTMLElement): void {
  const a = anchor.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = menu;
  const below = a.bottom + 4;
  const top = below + height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, a.top - 4 - height);
  const left = Math.max(MARGIN, Math.min(a.right - width, window.innerWidth - width - MARGIN));
  menu.style.setProperty('top', `${top}px`);
  menu.style.setProperty('left', `${left}px`);
}
