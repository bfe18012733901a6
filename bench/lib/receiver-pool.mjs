// @ts-check
/**
 * Receiving sockets spread over worker threads, so that parsing and timestamping
 * thousands of deliveries does not queue behind one event loop.
 */
import { Worker } from 'node:worker_threads';
import { WorkerCalls } from './worker-calls.mjs';
import { concat } from './stats.mjs';

const CALL_TIMEOUT_MS = 120_000;

/**
 * @typedef {object} SocketSpec  one browser tab: a channel socket and, optionally, the workspace gateway it holds too
 * @property {string} url
 * @property {Record<string, string>} headers
 * @property {{ url: string, headers: Record<string, string> }} [gateway]
 */

/**
 * @typedef {object} RunReport  what all receivers saw of one run
 * @property {number} received  deliveries counted (first copy of each seq per socket)
 * @property {number} duplicates  further copies of a seq a socket had already received
 * @property {Float64Array} latencies  send → receipt per delivery, ms
 * @property {Float64Array} lastByIndex  per message: send → receipt by its last recipient, ms
 * @property {number} lastAt  shared-clock time of the last delivery (0 when none)
 * @property {number} messagesIn  WebSocket messages received during the run (a batch is one)
 * @property {number} batched  frames that arrived inside batches
 * @property {number} gatewayMessages  WebSocket messages on the tabs' gateway sockets during the run
 * @property {number} openSockets
 * @property {number} unexpectedCloses  sockets the server closed
 * @property {import('./stats.mjs').LoopDelay[]} loopDelays  one per worker
 */

export class ReceiverPool {
  /** @type {Worker[]} */
  #workers;
  #calls = new WorkerCalls('receiver worker', CALL_TIMEOUT_MS);
  /** @type {Map<string, Set<Worker>>} */
  #done = new Map();
  /** @type {(() => void) | null} */
  #onDone = null;

  /** @param {number} size */
  constructor(size) {
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./receiver-worker.mjs', import.meta.url));
      worker.on('message', (message) => this.#receive(worker, message));
      worker.on('error', (error) => this.#calls.failAll(error));
      worker.on('exit', (code) => code !== 0 && this.#calls.failAll(new Error(`a receiver worker exited with ${code}`)));
      return worker;
    });
  }

  get size() {
    return this.#workers.length;
  }

  /**
   * Opens the sockets, dealt round-robin to the workers, each resolved once its hello arrived.
   * @param {SocketSpec[]} sockets @param {{ compression: boolean, concurrency: number, timeoutMs: number }} options
   * @returns {Promise<{ opened: number, failures: Record<string, number> }>}
   */
  async connect(sockets, { compression, concurrency, timeoutMs }) {
    const shares = this.#workers.map((_, w) => sockets.filter((_, i) => i % this.#workers.length === w));
    const perWorker = Math.max(1, Math.ceil(concurrency / this.#workers.length));
    const replies = await Promise.all(
      this.#workers.map((worker, w) => this.#calls.call(worker, { type: 'connect', sockets: shares[w], compression, concurrency: perWorker, timeoutMs })),
    );
    /** @type {Record<string, number>} */
    const failures = {};
    for (const reply of replies) for (const [reason, n] of Object.entries(reply.failures)) failures[reason] = (failures[reason] ?? 0) + n;
    return { opened: replies.reduce((n, r) => n + r.opened, 0), failures };
  }

  /**
   * Resets every worker's counters for a run; resolves to the deliveries expected.
   * @param {string} runId @param {string} prefix  clientId prefix of the run's sends @param {number} messages
   */
  async start(runId, prefix, messages) {
    this.#done.set(runId, new Set());
    const replies = await Promise.all(this.#workers.map((worker) => this.#calls.call(worker, { type: 'start', runId, prefix, messages })));
    return replies.reduce((n, r) => n + r.expected, 0);
  }

  /**
   * Resolves true once every worker received all it expected, false after `timeoutMs`.
   * @param {string} runId @param {number} timeoutMs @returns {Promise<boolean>}
   */
  waitDone(runId, timeoutMs) {
    return new Promise((resolve) => {
      const check = () => {
        if ((this.#done.get(runId)?.size ?? 0) < this.#workers.length) return;
        clearTimeout(timer);
        this.#onDone = null;
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#onDone = null;
        resolve(false);
      }, timeoutMs);
      this.#onDone = check;
      check();
    });
  }

  /** @returns {Promise<RunReport>} */
  async collect() {
    const replies = await Promise.all(this.#workers.map((worker) => this.#calls.call(worker, { type: 'collect' })));
    const lastByIndex = new Float64Array(replies[0].lastByIndex.length);
    for (const r of replies) r.lastByIndex.forEach((/** @type {number} */ v, /** @type {number} */ i) => (lastByIndex[i] = Math.max(lastByIndex[i], v)));
    /** @param {string} key */
    const sum = (key) => replies.reduce((n, r) => n + r[key], 0);
    return {
      received: sum('received'),
      duplicates: sum('duplicates'),
      latencies: concat(replies.map((r) => r.latencies)),
      lastByIndex,
      lastAt: Math.max(0, ...replies.map((r) => r.lastAt)),
      messagesIn: sum('messagesIn'),
      batched: sum('batched'),
      gatewayMessages: sum('gatewayMessages'),
      openSockets: sum('openSockets'),
      unexpectedCloses: sum('unexpectedCloses'),
      loopDelays: replies.map((r) => r.loopDelay),
    };
  }

  /** Closes every socket (waiting up to `timeoutMs` for the close handshakes). */
  async closeAll(timeoutMs = 10_000) {
    await Promise.all(this.#workers.map((worker) => this.#calls.call(worker, { type: 'close', timeoutMs })));
  }

  async terminate() {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }


  /** @param {Worker} worker @param {any} message */
  #receive(worker, message) {
    if (message.type === 'done') {
      this.#done.get(message.runId)?.add(worker);
      this.#onDone?.();
      return;
    }
    this.#calls.settle(message);
  }
}
