// The picker's grid as rows of known height, so only the rows in view need to exist.
import type { Emoji } from './types';

export interface GridSection {
  readonly key: string;
  readonly title: string;
  readonly emojis: readonly Emoji[];
}

/** A line of the grid: a section's title, or up to `columns` of its emoji. */
export interface GridRow {
  /** Its place among the grid's rows. */
  readonly index: number;
  readonly section: number;
  /** Offset from the top of the grid, in pixels. */
  readonly top: number;
  /** Set on a title row. */
  readonly title?: string;
  /** Index of the row's first emoji among all the grid's emoji. */
  readonly first: number;
  readonly emojis: readonly Emoji[];
}

export interface GridLayout {
  readonly rows: readonly GridRow[];
  /** Every emoji, in order; an emoji's index here is its place in the grid. */
  readonly emojis: readonly Emoji[];
  /** For each emoji, the index of its row. */
  readonly rowOf: readonly number[];
  /** For each section, the top of its title row. */
  readonly sectionTops: readonly number[];
  readonly height: number;
}

export interface GridMetrics {
  readonly columns: number;
  readonly rowHeight: number;
  readonly titleHeight: number;
}

export type GridMove = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

export function layoutGrid(sections: readonly GridSection[], metrics: GridMetrics): GridLayout {
  const rows: GridRow[] = [];
  const emojis: Emoji[] = [];
  const rowOf: number[] = [];
  const sectionTops: number[] = [];
  let top = 0;
  sections.forEach((section, index) => {
    sectionTops.push(top);
    if (section.emojis.length === 0) return;
    rows.push({ index: rows.length, section: index, top, title: section.title, first: emojis.length, emojis: [] });
    top += metrics.titleHeight;
    for (let start = 0; start < section.emojis.length; start += metrics.columns) {
      const line = section.emojis.slice(start, start + metrics.columns);
      rows.push({ index: rows.length, section: index, top, first: emojis.length, emojis: line });
      for (const emoji of line) {
        emojis.push(emoji);
        rowOf.push(rows.length - 1);
      }
      top += metrics.rowHeight;
    }
  });
  return { rows, emojis, rowOf, sectionTops, height: top };
}

/** The rows that overlap the band [from, to) of the grid. */
export function rowsInView(layout: GridLayout, from: number, to: number): GridRow[] {
  const { rows } = layout;
  let low = 0;
  let high = rows.length;
  // The first row whose successor starts below `from`.
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((rows[mid + 1]?.top ?? Infinity) <= from) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < rows.length && rows[end].top < to) end++;
  return rows.slice(low, end);
}

/** The section showing at offset `y`, or -1 when the grid is empty. */
export function sectionAt(layout: GridLayout, y: number): number {
  return rowsInView(layout, Math.max(0, y), Math.max(0, y) + 1)[0]?.section ?? -1;
}

/**
 * Where the keyboard's focus goes from the emoji at `index`. Up and down keep the column
 * (or take the last emoji of a shorter row) and skip titles; `undefined` means up from the
 * first row, out of the grid.
 */
export function moveInGrid(layout: GridLayout, index: number, move: GridMove): number | undefined {
  const last = layout.emojis.length - 1;
  if (last < 0) return move === 'up' ? undefined : 0;
  const at = Math.min(Math.max(index, 0), last);
  switch (move) {
    case 'left':
      return Math.max(0, at - 1);
    case 'right':
      return Math.min(last, at + 1);
    case 'home':
      return 0;
    case 'end':
      return last;
    case 'up':
    case 'down': {
      const step = move === 'up' ? -1 : 1;
      const row = layout.rows[layout.rowOf[at]];
      const column = at - row.first;
      for (let r = layout.rowOf[at] + step; r >= 0 && r < layout.rows.length; r += step) {
        const next = layout.rows[r];
        if (next.emojis.length > 0) return next.first + Math.min(column, next.emojis.length - 1);
      }
      return move === 'up' ? undefined : at;
    }
  }
}
