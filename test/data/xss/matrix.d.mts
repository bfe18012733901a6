/** The value every generated vector assigns, so a run handler shows as a write to `window.__pwned`. */
export const SENTINEL: string;
/** Every HTML element × HTML event handler and SVG element × SVG event handler. */
export function tagEventMatrix(): string[];
