// @ts-check
/**
 * V8 CPU profiles of workerd's JavaScript through its inspector (`workerd serve
 * --inspector-addr`), and a summary of where the time went: self time by function
 * and by the package or source folder the function lives in.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** Sampling interval, µs: fine enough for a post path of a few hundred µs. */
const SAMPLING_INTERVAL_US = 100;

export class InspectorSession {
  #nextId = 1;
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
  #pending = new Map();

  /** @param {WebSocket} ws */
  constructor(ws) {
    this.ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    });
  }

  /** Connects to the first target workerd's inspector lists (the worker named in workerd.capnp). @param {number} port */
  static async connect(port) {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`workerd's inspector on port ${port} lists no target`);
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 30 });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    return new InspectorSession(ws);
  }

  /** @param {string} method @param {Record<string, unknown>} [params] @returns {Promise<any>} */
  send(method, params = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async startProfiling() {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await this.send('Profiler.start');
  }

  /** @returns {Promise<CpuProfile>} */
  async stopProfiling() {
    const { profile } = await this.send('Profiler.stop');
    return profile;
  }

  close() {
    this.ws.close();
  }
}

/**
 * @typedef {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[],
 *             samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 */

/**
 * Maps a line of the (unminified) worker bundle to the source file esbuild put there: it
 * heads each file's code with a `// path` comment.
 * @param {string} bundlePath @returns {(line: number) => string}
 */
export function bundleSources(bundlePath) {
  /** @type {{ line: number, source: string }[]} */
  const marks = [];
  readFileSync(bundlePath, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\/\/ ((?:node_modules|src|migrations)\/\S+)$/.exec(text);
      if (match) marks.push({ line, source: match[1] });
    });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].line <= line) {
        found = marks[mid].source;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** A package (`drizzle-orm`) or a source folder (`src/durable/channel`). @param {string} source */
function groupOf(source) {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  return source.replace(/\/[^/]+$/, '');
}

/**
 * Self time per function and per origin (package, source folder or runtime), in ms, biggest first.
 * @param {CpuProfile} profile @param {(line: number) => string} sourceOf @param {number} [top]
 */
export function summarizeProfile(profile, sourceOf, top = 25) {
  /** @type {Map<number, CpuProfile['nodes'][number]>} */
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byOrigin = new Map();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const source = frame.url ? sourceOf(frame.lineNumber) : '';
    const name = `${frame.functionName || '(anonymous)'} ${source || '(native)'}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const from = source ? groupOf(source) : frame.functionName;
    byOrigin.set(from, (byOrigin.get(from) ?? 0) + us);
  }
  const ranked = (/** @type {Map<string, number>} */ m) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: us / Math.max(1, totalUs - idleUs) }));
  return { busyMs: (totalUs - idleUs) / 1000, idleMs: idleUs / 1000, byFunction: ranked(byFunction), byOrigin: ranked(byOrigin) };
}
