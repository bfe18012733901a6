// @ts-check
/**
 * One channel socket that posts messages at a fixed rate, each body carrying its
 * send time on the shared clock, and measures how long each ack takes.
 */
import { framesOf, openSocket } from './socket.mjs';
import { sharedClockMs } from './stats.mjs';

const HELLO_TIMEOUT_MS = 30_000;

/**
 * @typedef {object} SendReport
 * @property {number} firstSendMs  shared-clock time of the first send
 * @property {number} lastSendMs
 * @property {number} acked
 * @property {Float64Array} ackLatencies  send → ack, ms, one per acked message
 * @property {Record<string, number>} errors  error frames by code
 * @property {number} lastSeq  highest seq acknowledged so far
 */

export class Sender {
  /** @type {WebSocket} */
  #ws;
  lastSeq = 0;
  /** @type {((frame: any) => void) | null} */
  #onFrame = null;

  /** @param {WebSocket} ws @param {number} lastSeq */
  constructor(ws, lastSeq) {
    this.#ws = ws;
    this.lastSeq = lastSeq;
    ws.onmessage = (event) => {
      for (const frame of framesOf(event.data)) this.#onFrame?.(frame);
    };
  }

  /**
   * Opens the sender's socket and resolves once its hello arrived.
   * @param {string} url @param {Record<string, string>} headers @param {boolean} compression @returns {Promise<Sender>}
   */
  static open(url, headers, compression) {
    return new Promise((resolve, reject) => {
      const ws = openSocket(url, headers, compression);
      const timer = setTimeout(() => (ws.close(), reject(new Error('the sender got no hello'))), HELLO_TIMEOUT_MS);
      ws.onclose = (event) => (clearTimeout(timer), reject(new Error(`the sender's socket closed (${event.code} ${event.reason})`)));
      ws.onmessage = (event) => {
        const frame = framesOf(event.data)[0];
        if (frame.type !== 'hello') return;
        clearTimeout(timer);
        ws.onclose = null;
        resolve(new Sender(ws, frame.lastSeq));
      };
    });
  }

  /**
   * Posts `messages` sends, the i-th due at start + i / rate (late ones go at once,
   * so a slow client shows up as a lower achieved rate, not as dropped sends), then
   * waits up to `ackTimeoutMs` after the last send for the acks.
   * @param {{ prefix: string, messages: number, ratePerSecond: number, ackTimeoutMs: number }} options
   * @returns {Promise<SendReport>}
   */
  async run({ prefix, messages, ratePerSecond, ackTimeoutMs }) {
    const sentAt = new Float64Array(messages);
    const ackLatencies = new Float64Array(messages);
    let acked = 0;
    /** @type {Record<string, number>} */
    const errors = {};
    /** @type {() => void} */
    let allAcked = () => {};
    const acks = new Promise((resolve) => (allAcked = () => resolve(undefined)));
    this.#onFrame = (frame) => {
      if (frame.type === 'ack' && frame.clientId.startsWith(prefix)) {
        ackLatencies[acked++] = sharedClockMs() - sentAt[Number(frame.clientId.slice(prefix.length))];
        this.lastSeq = Math.max(this.lastSeq, frame.seq);
        if (acked === messages) allAcked();
      } else if (frame.type === 'error') {
        errors[frame.code] = (errors[frame.code] ?? 0) + 1;
      }
    };

    const intervalMs = 1000 / ratePerSecond;
    const start = sharedClockMs();
    for (let i = 0; i < messages; i += 1) {
      const wait = start + i * intervalMs - sharedClockMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const now = sharedClockMs();
      sentAt[i] = now;
      this.#ws.send(JSON.stringify({ type: 'send', clientId: `${prefix}${i}`, body: `fanout t=${now.toFixed(3)} i=${i}` }));
    }
    const lastSendMs = sharedClockMs();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    await Promise.race([acks, new Promise((resolve) => (timer = setTimeout(resolve, ackTimeoutMs)))]);
    clearTimeout(timer);
    this.#onFrame = null;
    return { firstSendMs: sentAt[0], lastSendMs, acked, ackLatencies: ackLatencies.slice(0, acked), errors, lastSeq: this.lastSeq };
  }

  /** The WebSocket extensions the server agreed to ("permessage-deflate…" or ""). */
  get extensions() {
    return String(/** @type {any} */ (this.#ws).extensions ?? '');
  }

  close() {
    this.#ws.close(1000, 'bench over');
  }
}
