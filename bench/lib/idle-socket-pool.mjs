// @ts-check
/**
 * Idle client sockets spread over worker threads, as many browsers would hold
 * them: opened, then left alone. Refusals come back counted by their exact
 * reason (status, error code, Retry-After, or a reset).
 */
import { Worker } from 'node:worker_threads';
import { WorkerCalls } from './worker-calls.mjs';

const CALL_TIMEOUT_MS = 180_000;

/**
 * @typedef {object} OpenReport
 * @property {number} opened  sockets whose hello arrived
 * @property {Record<string, number>} refused  count by reason
 * @property {Record<string, string>} samples  the first response body seen for each reason
 */

export class IdleSocketPool {
  /** @type {Worker[]} */
  #workers;
  #calls = new WorkerCalls('idle socket worker', CALL_TIMEOUT_MS);

  /** @param {number} size */
  constructor(size) {
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./idle-socket-worker.mjs', import.meta.url));
      worker.on('message', (reply) => this.#calls.settle(reply));
      worker.on('error', (error) => this.#calls.failAll(error));
      return worker;
    });
  }

  /**
   * Opens the sockets, dealt round-robin to the workers.
   * @param {import('./receiver-pool.mjs').SocketSpec[]} sockets
   * @param {{ compression: boolean, concurrency: number, timeoutMs: number }} options
   * @returns {Promise<OpenReport>}
   */
  async open(sockets, { compression, concurrency, timeoutMs }) {
    const n = this.#workers.length;
    const perWorker = Math.max(1, Math.ceil(concurrency / n));
    const replies = await Promise.all(
      this.#workers.map((worker, w) =>
        this.#calls.call(worker, { type: 'open', sockets: sockets.filter((_, i) => i % n === w), compression, concurrency: perWorker, timeoutMs }),
      ),
    );
    /** @type {OpenReport} */
    const report = { opened: 0, refused: {}, samples: {} };
    for (const reply of replies) {
      report.opened += reply.opened;
      for (const [reason, count] of Object.entries(reply.refused)) report.refused[reason] = (report.refused[reason] ?? 0) + count;
      Object.assign(report.samples, reply.samples);
    }
    return report;
  }

  /** Closes `count` held sockets, the newest first, spread evenly over the workers. */
  async close(count = Infinity, timeoutMs = 10_000) {
    const n = this.#workers.length;
    const shares = this.#workers.map((_, w) => (count === Infinity ? Infinity : Math.floor(count / n) + (w < count % n ? 1 : 0)));
    const replies = await Promise.all(this.#workers.map((worker, w) => this.#calls.call(worker, { type: 'close', count: shares[w], timeoutMs })));
    return replies.reduce((sum, r) => sum + r.closed, 0);
  }

  /** @returns {Promise<{ open: number, unexpectedCloses: number }>} */
  async status() {
    const replies = await Promise.all(this.#workers.map((worker) => this.#calls.call(worker, { type: 'status' })));
    return { open: replies.reduce((s, r) => s + r.open, 0), unexpectedCloses: replies.reduce((s, r) => s + r.unexpectedCloses, 0) };
  }

  async terminate() {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
