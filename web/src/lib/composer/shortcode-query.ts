/** The `:partial` shortcode a caret is in, for the composer's emoji completion. */

// After a space, an opening bracket or quote, or at the start; then, as in Slack, at least two
// shortcode characters up to the caret, so ":)", ":D" and "12:30" are left alone.
const PARTIAL = /(?:^|[\s([{"'“‘])(:([a-z0-9_+-]{2,50}))$/i;

/** Where the ":partial" starts and what follows the ":", lower case; null outside one or inside code. */
export function shortcodeAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = PARTIAL.exec(before);
  if (!match || inCode(before)) return null;
  return { start: caret - match[1].length, query: match[2].toLowerCase() };
}

/**
 * Whether the end of `before` is inside code: a fenced block left open, or a backtick run on the
 * current line with no run of the same length after it. (Code spans across lines are missed.)
 */
export function inCode(before: string): boolean {
  const lines = before.split('\n');
  let fence: string | null = null;
  for (const line of lines.slice(0, -1)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!marker) continue;
    if (fence === null) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = null;
  }
  if (fence !== null) return true;
  let open: number | null = null;
  for (const run of lines[lines.length - 1].match(/`+/g) ?? []) {
    if (open === null) open = run.length;
    else if (run.length === open) open = null;
  }
  return open !== null;
}
