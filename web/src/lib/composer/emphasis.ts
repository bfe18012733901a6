/** Bold, italic and strikethrough as toggles on a draft's selection (format-keys.ts). */
import { leadingRun, replace, trailingRun, trimRange, type Draft, type TextEdit } from './draft';

/** How an emphasis marker is written and recognised. */
interface Emphasis {
  readonly insert: string;
  /** Marker characters that mean it (`_` works for `*` too). */
  readonly chars: readonly string[];
  /** Given the run of marker characters on both sides, how many on each side belong to it (0: not there). */
  readonly take: (run: number) => number;
}

export type EmphasisFormat = 'bold' | 'italic' | 'strike';

const EMPHASIS: Readonly<Record<EmphasisFormat, Emphasis>> = {
  bold: { insert: '**', chars: ['*', '_'], take: (run) => (run >= 2 ? 2 : 0) },
  // An odd run: `*a*` or `***a***` (bold and italic); `**a**` is bold only, so Ctrl+I makes it `***a***`.
  italic: { insert: '*', chars: ['*', '_'], take: (run) => run % 2 },
  strike: { insert: '~~', chars: ['~'], take: (run) => Math.min(run, 2) },
};

/** A list, quote, heading or task marker that starts a line: kept outside the markers when wrapping each line. */
const LINE_PREFIX = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|>\s?|#{1,6}\s+)*/;

export function toggleEmphasis(kind: EmphasisFormat, draft: Draft): TextEdit {
  const emphasis = EMPHASIS[kind];
  const { value } = draft;
  const [from, to] = trimRange(value, draft.start, draft.end);
  if (from === to) {
    // An empty pair around the caret is taken out again; otherwise a pair goes in, caret between.
    const around = surrounding(emphasis, value.slice(0, draft.end), value.slice(draft.end));
    if (around > 0) return replace(draft.end - around, draft.end + around, '', draft.end - around, draft.end - around);
    const caret = draft.end + emphasis.insert.length;
    return replace(draft.end, draft.end, emphasis.insert.repeat(2), caret, caret);
  }
  const selected = value.slice(from, to);
  if (selected.includes('\n')) return toggleLines(emphasis, from, selected);

  const outside = surrounding(emphasis, value.slice(0, from), value.slice(to));
  if (outside > 0) return replace(from - outside, to + outside, selected, from - outside, to - outside);
  const inside = wrappedWithin(emphasis, selected);
  if (inside > 0) {
    const text = selected.slice(inside, selected.length - inside);
    return replace(from, to, text, from, from + text.length);
  }
  const text = emphasis.insert + selected + emphasis.insert;
  return replace(from, to, text, from + emphasis.insert.length, to + emphasis.insert.length);
}

/** Each line on its own (emphasis cannot span paragraphs or list items): all off if all are on, else all on. */
function toggleLines(emphasis: Emphasis, from: number, selected: string): TextEdit {
  const lines = selected.split('\n').map((line) => {
    const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
    const [start, end] = trimRange(line, prefix.length, line.length);
    return { head: line.slice(0, start), body: line.slice(start, end), tail: line.slice(end) };
  });
  const written = lines.filter((line) => line.body !== '');
  const allOn = written.every((line) => wrappedWithin(emphasis, line.body) > 0);
  const text = lines
    .map(({ head, body, tail }) => {
      if (body === '') return head + tail;
      const on = wrappedWithin(emphasis, body);
      if (allOn) return head + body.slice(on, body.length - on) + tail;
      return head + (on > 0 ? body : emphasis.insert + body + emphasis.insert) + tail;
    })
    .join('\n');
  return replace(from, from + selected.length, text, from, from + text.length);
}

/** How many marker characters on each side of a position belong to the emphasis (0: none). */
function surrounding(emphasis: Emphasis, before: string, after: string): number {
  for (const char of emphasis.chars) {
    const left = trailingRun(before, char);
    const right = leadingRun(after, char);
    // `_` inside a word is a letter (snake_case), never emphasis.
    if (char === '_' && (/\w/.test(before[before.length - left - 1] ?? '') || /\w/.test(after[right] ?? ''))) continue;
    const take = emphasis.take(Math.min(left, right));
    if (take > 0) return take;
  }
  return 0;
}

/** How many marker characters at each end of `text` belong to the emphasis, leaving something between (0: none). */
function wrappedWithin(emphasis: Emphasis, text: string): number {
  for (const char of emphasis.chars) {
    const run = Math.min(leadingRun(text, char), trailingRun(text, char));
    const take = emphasis.take(run);
    if (take > 0 && text.length > take * 2) return take;
  }
  return 0;
}
