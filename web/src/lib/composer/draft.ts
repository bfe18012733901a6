/** A textarea's text and selection, and edits to it, as plain values (text-edit.ts applies them). */

export interface Draft {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Replace `[from, to)` with `text`, then select `[selectStart, selectEnd)` of the new value. */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly selectStart: number;
  readonly selectEnd: number;
}

export function leadingRun(text: string, char: string): number {
  let n = 0;
  while (text[n] === char) n++;
  return n;
}

export function trailingRun(text: string, char: string): number {
  let n = 0;
  while (text[text.length - 1 - n] === char) n++;
  return n;
}

/**
 * The selection without white space at its ends: a double click takes the space after a word on
 * some systems, and `**word **` is not bold.
 */
export function trimRange(value: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(value[from])) from++;
  while (to > from && /\s/.test(value[to - 1])) to--;
  return [from, to];
}

export function replace(from: number, to: number, text: string, selectStart: number, selectEnd: number): TextEdit {
  return { from, to, text, selectStart, selectEnd };
}
