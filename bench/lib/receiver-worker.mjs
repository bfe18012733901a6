// @ts-check
/**
 * A worker thread holding some of the benchmark's receiving channel sockets. It
 * timestamps every `message` frame on arrival against the clock all threads
 * share, and answers the pool's requests (see receiver-pool.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { framesOf, openSocket } from './socket.mjs';
import { sharedClockMs, watchEventLoop } from './stats.mjs';

if (!parentPort) throw new Error('receiver-worker.mjs runs as a worker thread');
const port = parentPort;

/** @typedef {{ ws: WebSocket, gateway: WebSocket | null, seen: Set<number>, open: boolean }} Receiver */
/** @typedef {import('./receiver-pool.mjs').SocketSpec} SocketSpec */

/** @type {Receiver[]} */
let receivers = [];
let closing = false;
let unexpectedCloses = 0;
const loop = watchEventLoop();

/**
 * The run in progress: deliveries of messages whose clientId starts with `prefix`.
 * @type {{ id: string, prefix: string, expected: number, received: number, duplicates: number,
 *          latencies: Float64Array, lastByIndex: Float64Array, lastAt: number, done: boolean, messagesIn: number, batched: number, gatewayMessages: number } | null}
 */
let run = null;

/** Parses the send time and index the sender wrote into the body. */
const BODY_PATTERN = /t=([0-9.]+) i=([0-9]+)/;

/** @param {Receiver} receiver @param {string} data */
function onFrame(receiver, data) {
  const at = sharedClockMs();
  if (!run) return;
  run.messagesIn += 1;
  const parsed = JSON.parse(data);
  if (parsed.type === 'batch') {
    run.batched += parsed.frames.length;
    for (const frame of parsed.frames) onDelivery(receiver, frame, at);
  } else onDelivery(receiver, parsed, at);
}

/** @param {Receiver} receiver @param {any} frame @param {number} at  when the WebSocket message arrived */
function onDelivery(receiver, frame, at) {
  if (!run || frame.type !== 'message' || !frame.message.clientId.startsWith(run.prefix)) return;
  const { seq, body } = frame.message;
  // The benchmark edits and reacts to nothing, so a second frame for a seq is a duplicate delivery.
  if (receiver.seen.has(seq)) {
    run.duplicates += 1;
    return;
  }
  receiver.seen.add(seq);
  const match = BODY_PATTERN.exec(body);
  if (!match || run.received >= run.latencies.length) return;
  const latency = at - Number(match[1]);
  const index = Number(match[2]);
  run.latencies[run.received] = latency;
  run.received += 1;
  run.lastAt = at;
  if (latency > run.lastByIndex[index]) run.lastByIndex[index] = latency;
  if (run.received === run.expected) finish(run);
}

/** @param {NonNullable<typeof run>} r */
function finish(r) {
  if (r.done) return;
  r.done = true;
  port.postMessage({ type: 'done', runId: r.id });
}

/**
 * Opens one socket and resolves once its `hello` arrived (alone, or at the head of a batch with a replay behind it).
 * @param {string} url @param {Record<string, string>} headers @param {boolean} compression @param {number} timeoutMs
 * @returns {Promise<WebSocket>}
 */
function openUntilHello(url, headers, compression, timeoutMs) {
  return new Promise((resolve, reject) => {
    const ws = openSocket(url, headers, compression);
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`no hello within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.onerror = () => {}; // a close event follows and says why
    ws.onclose = (event) => {
      clearTimeout(timer);
      reject(new Error(`closed before hello (${event.code}${event.reason ? ` ${event.reason}` : ''})`));
    };
    ws.onmessage = (event) => {
      if (framesOf(event.data)[0].type !== 'hello') return;
      clearTimeout(timer);
      resolve(ws);
    };
  });
}

/**
 * Opens what one browser tab holds: the workspace gateway (when given), then the channel socket.
 * Gateway messages are counted, not parsed: the benchmark times channel deliveries.
 * @param {SocketSpec} spec @param {boolean} compression @param {number} timeoutMs
 * @returns {Promise<Receiver>}
 */
async function open(spec, compression, timeoutMs) {
  const gateway = spec.gateway ? await openUntilHello(spec.gateway.url, spec.gateway.headers, compression, timeoutMs) : null;
  let ws;
  try {
    ws = await openUntilHello(spec.url, spec.headers, compression, timeoutMs);
  } catch (error) {
    gateway?.close();
    throw error;
  }
  /** @type {Receiver} */
  const receiver = { ws, gateway, seen: new Set(), open: true };
  ws.onmessage = (e) => onFrame(receiver, String(e.data));
  ws.onclose = () => {
    receiver.open = false;
    if (!closing) unexpectedCloses += 1;
  };
  if (gateway) {
    gateway.onmessage = () => {
      if (run) run.gatewayMessages += 1;
    };
    gateway.onclose = () => {
      if (!closing) unexpectedCloses += 1;
    };
  }
  return receiver;
}

const handlers = {
  /** @param {{ sockets: SocketSpec[], compression: boolean, concurrency: number, timeoutMs: number }} req */
  async connect({ sockets, compression, concurrency, timeoutMs }) {
    /** @type {Record<string, number>} */
    const failures = {};
    let next = 0;
    const lane = async () => {
      while (next < sockets.length) {
        const spec = sockets[next++];
        try {
          receivers.push(await open(spec, compression, timeoutMs));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          failures[reason] = (failures[reason] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return { opened: sockets.length - Object.values(failures).reduce((a, b) => a + b, 0), failures };
  },

  /** @param {{ runId: string, prefix: string, messages: number }} req */
  start({ runId, prefix, messages }) {
    const open = receivers.filter((r) => r.open);
    for (const r of open) r.seen.clear();
    const expected = open.length * messages;
    run = {
      id: runId,
      prefix,
      expected,
      received: 0,
      duplicates: 0,
      latencies: new Float64Array(expected),
      lastByIndex: new Float64Array(messages),
      lastAt: 0,
      done: false,
      messagesIn: 0,
      batched: 0,
      gatewayMessages: 0,
    };
    loop.reset();
    if (expected === 0) finish(run);
    return { expected };
  },

  collect() {
    if (!run) throw new Error('no run to collect');
    const r = run;
    run = null;
    return {
      received: r.received,
      duplicates: r.duplicates,
      latencies: r.latencies.slice(0, r.received),
      lastByIndex: r.lastByIndex,
      lastAt: r.lastAt,
      messagesIn: r.messagesIn,
      batched: r.batched,
      gatewayMessages: r.gatewayMessages,
      openSockets: receivers.filter((x) => x.open).length,
      unexpectedCloses,
      loopDelay: loop.read(),
    };
  },

  /** @param {{ timeoutMs: number }} req */
  async close({ timeoutMs }) {
    closing = true;
    /** @param {WebSocket | null} ws */
    const closeOne = (ws) =>
      new Promise((resolve) => {
        if (!ws || ws.readyState === ws.CLOSED) return resolve(undefined);
        ws.onclose = () => resolve(undefined);
        ws.close(1000, 'bench step over');
      });
    const closed = receivers.flatMap((r) => [closeOne(r.ws), closeOne(r.gateway)]);
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    receivers = [];
    unexpectedCloses = 0;
    closing = false;
    return {};
  },
};

port.on('message', async (/** @type {{ id: number, type: keyof typeof handlers } & Record<string, any>} */ request) => {
  try {
    const result = await handlers[request.type](/** @type {any} */ (request));
    const transfer = result && 'latencies' in result ? [result.latencies.buffer, result.lastByIndex.buffer] : [];
    port.postMessage({ type: 'reply', id: request.id, result }, transfer);
  } catch (error) {
    port.postMessage({ type: 'reply', id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
