/**
 * Ctrl/Cmd+E (format-keys.ts): inline code on one line; a fenced block, whole lines, when the
 * selection spans lines. Fences and backtick runs grow past any the code already holds.
 */
import { leadingRun, replace, trailingRun, trimRange, type Draft, type TextEdit } from './draft';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TICK = '`';

export function toggleCode(draft: Draft): TextEdit {
  const [from, to] = trimRange(draft.value, draft.start, draft.end);
  if (from < to && draft.value.slice(from, to).includes('\n')) return toggleBlock(draft.value, from, to);
  return toggleInline(draft, from, to);
}

function toggleInline(draft: Draft, from: number, to: number): TextEdit {
  const { value } = draft;
  if (from === to) {
    const caret = draft.end;
    const left = trailingRun(value.slice(0, caret), TICK);
    if (left > 0 && left === leadingRun(value.slice(caret), TICK)) return replace(caret - left, caret + left, '', caret - left, caret - left);
    return replace(caret, caret, TICK + TICK, caret + 1, caret + 1);
  }
  const selected = value.slice(from, to);
  const before = value.slice(0, from);
  const after = value.slice(to);
  // `` `x` `` and `` `` `x` `` `` (padded because the code starts or ends with a backtick).
  for (const pad of before.endsWith(' ') && after.startsWith(' ') ? [0, 1] : [0]) {
    const left = trailingRun(before.slice(0, before.length - pad), TICK);
    if (left > 0 && left === leadingRun(after.slice(pad), TICK)) {
      const cut = left + pad;
      return replace(from - cut, to + cut, selected, from - cut, to - cut);
    }
  }
  const run = leadingRun(selected, TICK);
  if (run > 0 && run === trailingRun(selected, TICK) && selected.length > run * 2) {
    let inner = selected.slice(run, selected.length - run);
    if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ')) inner = inner.slice(1, -1);
    return replace(from, to, inner, from, from + inner.length);
  }
  const ticks = TICK.repeat(longestTicks(selected) + 1);
  const pad = selected.startsWith(TICK) || selected.endsWith(TICK) ? ' ' : '';
  const open = ticks + pad;
  return replace(from, to, open + selected + pad + ticks, from + open.length, to + open.length);
}

function toggleBlock(value: string, from: number, to: number): TextEdit {
  const start = value.lastIndexOf('\n', from - 1) + 1;
  const end = lineEnd(value, to);
  const block = value.slice(start, end);
  const lines = block.split('\n');

  // The selection is a fenced block, fences included.
  const open = FENCE.exec(lines[0]);
  if (open && lines.length > 2 && closes(lines[lines.length - 1], open[1])) {
    const inner = lines.slice(1, -1).join('\n');
    return replace(start, end, inner, start, start + inner.length);
  }
  // The selection is what is between a block's fences.
  if (start > 0 && end < value.length) {
    const above = value.lastIndexOf('\n', start - 2) + 1;
    const belowEnd = lineEnd(value, end + 1);
    const opening = FENCE.exec(value.slice(above, start - 1));
    if (opening && closes(value.slice(end + 1, belowEnd), opening[1])) return replace(above, belowEnd, block, above, above + block.length);
  }

  const fencesInside = lines.map((line) => FENCE.exec(line)?.[1] ?? '').filter((f) => f.startsWith(TICK));
  const fence = TICK.repeat(Math.max(3, ...fencesInside.map((f) => f.length + 1)));
  const text = `${fence}\n${block}\n${fence}`;
  return replace(start, end, text, start + fence.length + 1, start + fence.length + 1 + block.length);
}

function lineEnd(value: string, at: number): number {
  const end = value.indexOf('\n', at);
  return end < 0 ? value.length : end;
}

/** Whether `line` closes a block opened by `fence`: the same character, at least as many, nothing after. */
function closes(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!match && match[1][0] === fence[0] && match[1].length >= fence.length;
}

function longestTicks(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
