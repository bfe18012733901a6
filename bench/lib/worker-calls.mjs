// @ts-check
/** Requests to worker threads and their replies, matched by id, each with a time limit. */

export class WorkerCalls {
  #nextId = 0;
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
  #pending = new Map();

  /** @param {string} workerName  names the worker in a timeout's error @param {number} timeoutMs */
  constructor(workerName, timeoutMs) {
    this.workerName = workerName;
    this.timeoutMs = timeoutMs;
  }

  /** Sends `request` (with an id added) and resolves to the worker's `result`. @param {import('node:worker_threads').Worker} worker @param {Record<string, unknown>} request @returns {Promise<any>} */
  call(worker, request) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.workerName} did not answer ${request.type} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      worker.postMessage({ ...request, id });
    });
  }

  /** Settles the call a reply `{ id, result } | { id, error }` answers. @param {{ id: number, result?: unknown, error?: string }} reply */
  settle({ id, result, error }) {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (error) pending.reject(new Error(error));
    else pending.resolve(result);
  }

  /** Fails every call still waiting (a worker crashed). @param {Error} error */
  failAll(error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}
