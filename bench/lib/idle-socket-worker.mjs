// @ts-check
/**
 * A worker thread holding idle WebSockets for the connections benchmark (see
 * idle-socket-pool.mjs). It opens them, records exactly how the server refused
 * any (status, Retry-After, error code, or a reset), and keeps the rest open,
 * doing nothing, until told to close some or all.
 */
import { parentPort } from 'node:worker_threads';
import WsWebSocket from 'ws';
import { framesOf } from './socket.mjs';

if (!parentPort) throw new Error('idle-socket-worker.mjs runs as a worker thread');
const port = parentPort;

/** Sockets whose hello arrived, oldest first. @type {WsWebSocket[]} */
let held = [];
let unexpectedCloses = 0;

/**
 * @typedef {{ ws: WsWebSocket } | { refused: string, sample: string }} Outcome
 */

/**
 * Opens one socket; resolves once its hello arrived or with why it did not.
 * @param {string} url @param {Record<string, string>} headers @param {boolean} compression @param {number} timeoutMs
 * @returns {Promise<Outcome>}
 */
function openOne(url, headers, compression, timeoutMs) {
  return new Promise((resolve) => {
    const ws = new WsWebSocket(url, { headers, perMessageDeflate: compression });
    let settled = false;
    /** @param {Outcome} outcome */
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!('ws' in outcome)) ws.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ refused: `no hello within ${timeoutMs} ms`, sample: '' }), timeoutMs);
    // With this listener ws leaves a non-101 answer to us: read it to tell a clean refusal from a failure.
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        let code = '';
        try {
          code = JSON.parse(body).error?.code ?? '';
        } catch {
          code = 'no JSON body';
        }
        const reason = `HTTP ${response.statusCode} ${code}${retryAfter ? `, Retry-After ${retryAfter}` : ', no Retry-After'}`;
        settle({ refused: reason, sample: body.slice(0, 200) });
      });
      response.on('error', (error) => settle({ refused: `reset while reading the refusal (${error.message})`, sample: '' }));
    });
    ws.on('error', (error) => settle({ refused: `error: ${/** @type {any} */ (error).code ?? error.message}`, sample: '' }));
    ws.on('close', (code) => settle({ refused: `closed before hello (${code})`, sample: '' }));
    ws.on('message', (data) => {
      if (settled || framesOf(data)[0].type !== 'hello') return;
      ws.removeAllListeners('message');
      ws.removeAllListeners('close');
      ws.on('close', () => {
        if (held.includes(ws)) unexpectedCloses += 1;
      });
      settle({ ws });
    });
  });
}

/** @param {WsWebSocket[]} sockets @param {number} timeoutMs */
async function closeSockets(sockets, timeoutMs) {
  const closed = sockets.map(
    (ws) =>
      new Promise((resolve) => {
        if (ws.readyState !== WsWebSocket.OPEN) return resolve(undefined);
        ws.once('close', () => resolve(undefined));
        ws.close(1000, 'bench over');
      }),
  );
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  for (const ws of sockets) ws.terminate();
}

const handlers = {
  /** @param {{ sockets: { url: string, headers: Record<string, string> }[], compression: boolean, concurrency: number, timeoutMs: number }} req */
  async open({ sockets, compression, concurrency, timeoutMs }) {
    /** @type {Record<string, number>} */
    const refused = {};
    /** @type {Record<string, string>} */
    const samples = {};
    let opened = 0;
    let next = 0;
    const lane = async () => {
      while (next < sockets.length) {
        const { url, headers } = sockets[next++];
        const outcome = await openOne(url, headers, compression, timeoutMs);
        if ('ws' in outcome) {
          held.push(outcome.ws);
          opened += 1;
        } else {
          refused[outcome.refused] = (refused[outcome.refused] ?? 0) + 1;
          samples[outcome.refused] ??= outcome.sample;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return { opened, refused, samples };
  },

  /** Closes the `count` newest sockets (all with Infinity). @param {{ count: number, timeoutMs: number }} req */
  async close({ count, timeoutMs }) {
    const closing = held.splice(Math.max(0, held.length - count));
    await closeSockets(closing, timeoutMs);
    return { closed: closing.length };
  },

  status() {
    return { open: held.filter((ws) => ws.readyState === WsWebSocket.OPEN).length, unexpectedCloses };
  },
};

port.on('message', async (/** @type {{ id: number, type: keyof typeof handlers } & Record<string, any>} */ request) => {
  try {
    const result = await handlers[request.type](/** @type {any} */ (request));
    port.postMessage({ id: request.id, result });
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
