/**
 * The in-page half of the XSS corpus test (bundled into the harness page with the message
 * pipeline): puts a batch of messages into the page the way MessageText does, pokes every element
 * with the events inline handlers wait for, and audits what ended up in the DOM. What runs or
 * loads is caught outside, by the hooks in xss-harness.ts; this reports what the DOM holds.
 */
import { enhanceMessage } from '../../web/src/lib/markdown/enhance';
import { renderMarkdown } from '../../web/src/lib/markdown/render';
import { sanitizeHtml } from '../../web/src/lib/markdown/sanitize';
import { auditEnhanced, auditSanitized, type Tools } from './xss-allow-list';
import { pokeAll } from './xss-poke';

/** `markdown`: the full pipeline. `control`: raw innerHTML, which the detectors must catch. */
export interface Item {
  body: string;
  how: 'markdown' | 'html' | 'control';
}

export interface Finding {
  /** Index in the batch, or -1 when it cannot be told which item it came from. */
  item: number;
  kind: string;
  detail: string;
}

const SETTLE_MS = 50;
/** Longest wait for a batch's enhance step (math, highlighting, diagrams drawn in the frame). */
const ENHANCE_TIMEOUT_MS = 20_000;
const MENTIONS = { mentions: [{ username: 'ana', userId: 'u-ana' }], broadcasts: ['everyone'], myId: 'me' } as never;

const win = window as unknown as { __xssTools: Tools; __xssItem: number };

const settle = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, SETTLE_MS)));
});

export async function runBatch(items: Item[]): Promise<Finding[]> {
  const tools = win.__xssTools;
  const out = tools.getElementById.call(document, 'out')!;
  const findings: Finding[] = [];
  const boxes: HTMLElement[] = [];
  const enhancing: Promise<void>[] = [];
  items.forEach((item, index) => {
    win.__xssItem = index;
    const box = tools.createElement.call(document, 'div') as HTMLElement;
    box.className = 'markdown';
    boxes.push(box);
    if (item.how === 'control') {
      tools.appendChild.call(out, box);
      box.innerHTML = item.body;
      return;
    }
    const fragment = item.how === 'markdown' ? renderMarkdown(item.body, MENTIONS) : sanitizeHtml(item.body);
    for (const problem of auditSanitized(fragment, tools)) findings.push({ item: index, kind: 'off-list', detail: problem });
    box.replaceChildren(fragment);
    tools.appendChild.call(out, box);
    enhancing.push(enhanceMessage(box));
  });
  win.__xssItem = -1;
  await Promise.race([Promise.all(enhancing), new Promise((resolve) => setTimeout(resolve, ENHANCE_TIMEOUT_MS))]);
  await settle();
  boxes.forEach((box, index) => {
    win.__xssItem = index;
    pokeAll(box, tools);
  });
  win.__xssItem = -1;
  await settle();
  boxes.forEach((box, index) => {
    for (const problem of auditEnhanced(box, tools)) findings.push({ item: index, kind: 'off-list', detail: problem });
  });
  return findings;
}
