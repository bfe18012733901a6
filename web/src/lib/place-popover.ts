const MARGIN = 8;

/**
 * Puts a fixed-position panel beside `anchor`: to its right when it fits, else to
 * its left, else below it; always inside the window. Sets the position through
 * CSSOM, not a style attribute: the CSP forbids inline styles.
 */
export function placeBeside(panel: HTMLElement, anchor: HTMLElement): void {
  const a = anchor.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = panel;
  const { innerWidth: vw, innerHeight: vh } = window;
  let left: number;
  let top: number;
  if (a.right + MARGIN + width <= vw - MARGIN) {
    left = a.right + MARGIN;
    top = a.top;
  } else if (a.left - MARGIN - width >= MARGIN) {
    left = a.left - MARGIN - width;
    top = a.top;
  } else {
    left = a.left;
    top = a.bottom + MARGIN;
  }
  left = Math.max(MARGIN, Math.min(left, vw - width - MARGIN));
  top = Math.max(MARGIN, Math.min(top, vh - height - MARGIN));
  panel.style.setProperty('left', `${left}px`);
  panel.style.setProperty('top', `${top}px`);
}
