// @ts-check
/** Plain-text rendering shared by the benchmarks: Markdown tables read well in a terminal and in BENCHMARKS.md. */

/**
 * @template T
 * @typedef {{ title: string, value: (row: T) => string | number, left?: boolean }} Column
 */

/**
 * @template T
 * @param {Column<T>[]} columns @param {T[]} rows @returns {string}
 */
export function markdownTable(columns, rows) {
  const cells = rows.map((row) => columns.map((c) => String(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.title.length, 3, ...cells.map((r) => r[i].length)));
  /** @param {string[]} values */
  const line = (values) => `| ${values.map((v, i) => (columns[i].left ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (columns[i].left ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join('\n');
}

/** Fixed decimals, grouped thousands for big numbers. @param {number} n @param {number} [digits] */
export function num(n, digits = 0) {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** @param {number} bytes */
export function mib(bytes) {
  return num(bytes / 2 ** 20, 0);
}

/** @param {number} share  CPU time over wall time (1 = one core busy) */
export function percent(share) {
  return `${num(share * 100, 0)}%`;
}

/**
 * Least-squares line through (x, y): y ≈ intercept + slope·x; null with fewer than two distinct x.
 * @param {{ x: number, y: number }[]} points
 */
export function fitLine(points) {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  if (n < 2 || sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  return { intercept: meanY - slope * meanX, slope };
}
