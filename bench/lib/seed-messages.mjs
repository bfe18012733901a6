// @ts-check
/** Posts messages into a channel over its socket, as a client would, and waits until every one is stored. */
import { channelSocketUrl, socketHeaders } from './hearth-api.mjs';
import { framesOf, openSocket } from './socket.mjs';

const SEED_TIMEOUT_MS = 60_000;

/**
 * Sends `bodies` in order on one socket of `account` and resolves with the last seq once all are acknowledged.
 * @param {string} baseURL
 * @param {import('./hearth-api.mjs').BenchChannel} channel
 * @param {import('./hearth-api.mjs').Account} account
 * @param {string[]} bodies
 * @returns {Promise<number>}
 */
export function seedMessages(baseURL, channel, account, bodies) {
  const prefix = `seed-${Date.now().toString(36)}-`;
  const ws = openSocket(channelSocketUrl(baseURL, channel, 0), socketHeaders(baseURL, account), false);
  return new Promise((resolve, reject) => {
    let acked = 0;
    let lastSeq = 0;
    const timer = setTimeout(() => fail(new Error(`only ${acked} of ${bodies.length} seeded messages were acknowledged`)), SEED_TIMEOUT_MS);
    /** @param {Error} error */
    const fail = (error) => {
      clearTimeout(timer);
      ws.onclose = null;
      ws.close();
      reject(error);
    };
    ws.onclose = (event) => fail(new Error(`the seeding socket closed (${event.code} ${event.reason})`));
    ws.onmessage = (event) => {
      for (const frame of framesOf(event.data)) onFrame(frame);
    };
    /** @param {any} frame */
    const onFrame = (frame) => {
      if (frame.type === 'hello') {
        bodies.forEach((body, i) => ws.send(JSON.stringify({ type: 'send', clientId: `${prefix}${i}`, body })));
      } else if (frame.type === 'error') {
        fail(new Error(`a seeded message was refused: ${frame.code} ${frame.message}`));
      } else if (frame.type === 'ack' && String(frame.clientId).startsWith(prefix)) {
        acked += 1;
        lastSeq = Math.max(lastSeq, frame.seq);
        if (acked < bodies.length) return;
        clearTimeout(timer);
        ws.onclose = null;
        ws.close(1000, 'seeded');
        resolve(lastSeq);
      }
    };
  });
}
