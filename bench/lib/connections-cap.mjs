// @ts-check
/**
 * workerd at its connection cap (HEARTH_MAX_CONNECTIONS): sockets past it must get a
 * clean 503 with Retry-After, the process must live on, the open sockets must keep
 * working, and room must open up again when some close.
 */
import WsWebSocket from 'ws';
import { warmUp } from './connections-memory.mjs';
import { channelSocketUrl, createBenchChannel, gatewaySocketUrl, socketHeaders } from './hearth-api.mjs';
import { framesOf } from './socket.mjs';
import { delay, WorkerdServer } from './workerd.mjs';

const ACCOUNTS = 4;
const CONNECT_CONCURRENCY = 32;
const HELLO_TIMEOUT_MS = 30_000;
const DELIVERY_TIMEOUT_MS = 5_000;
/** Closes are reported to the budget asynchronously: how long room may take to open up. */
const REOPEN_TIMEOUT_MS = 10_000;

/**
 * @param {{ pool: import('./idle-socket-pool.mjs').IdleSocketPool, cap: number, over: number, reopen: number, log: (line: string) => void }} options
 */
export async function measureCap({ pool, cap, over, reopen, log }) {
  const server = await WorkerdServer.start({ maxConnections: cap });
  /** @type {WsWebSocket[]} */
  const probes = [];
  try {
    const channel = await createBenchChannel(server.url, ACCOUNTS);
    const lastSeq = await warmUp(server.url, channel);
    const channelUrl = channelSocketUrl(server.url, channel, lastSeq);
    const gatewayUrl = gatewaySocketUrl(server.url, channel);
    /** @param {string} url @param {number} count @param {number} [offset] */
    const specs = (url, count, offset = 0) =>
      Array.from({ length: count }, (_, i) => ({ url, headers: socketHeaders(server.url, channel.accounts[(offset + i) % ACCOUNTS]) }));
    const open = (/** @type {import('./receiver-pool.mjs').SocketSpec[]} */ sockets) =>
      pool.open(sockets, { compression: true, concurrency: CONNECT_CONCURRENCY, timeoutMs: HELLO_TIMEOUT_MS });

    // Two sockets of our own in the channel, to check that messages still flow at the cap.
    for (const account of channel.accounts.slice(0, 2)) probes.push(await openProbe(channelUrl, socketHeaders(server.url, account)));
    const fillSpecs = Array.from({ length: cap - probes.length }, (_, i) => specs(i % 2 === 0 ? gatewayUrl : channelUrl, 1, i)[0]);
    const fill = await open(fillSpecs);
    log(`cap ${cap}: ${fill.opened + probes.length} open (half gateway, half channel)${Object.keys(fill.refused).length ? `; refused ${JSON.stringify(fill.refused)}` : ''}`);

    const overStarted = performance.now();
    const [gatewayOver, channelOver] = await Promise.all([open(specs(gatewayUrl, over / 2)), open(specs(channelUrl, over / 2))]);
    const overMs = performance.now() - overStarted;
    log(`cap ${cap}: ${over} more: gateway ${JSON.stringify(gatewayOver.refused)}, channel ${JSON.stringify(channelOver.refused)} in ${overMs.toFixed(0)} ms`);

    const alive = processAlive(server);
    const instanceStatus = await fetch(`${server.url}/api/instance`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    const delivered = await deliversMessage(probes[0], probes[1]);

    const closed = await pool.close(reopen * 2);
    const reopenStarted = performance.now();
    let reopened = 0;
    /** @type {Record<string, number>} */
    const refusedWhileReopening = {};
    while (reopened < reopen && performance.now() - reopenStarted < REOPEN_TIMEOUT_MS) {
      const report = await open(specs(channelUrl, reopen - reopened));
      reopened += report.opened;
      for (const [reason, n] of Object.entries(report.refused)) refusedWhileReopening[reason] = (refusedWhileReopening[reason] ?? 0) + n;
      if (reopened < reopen) await delay(200);
    }
    log(`cap ${cap}: alive ${alive}, GET /api/instance ${instanceStatus}, message delivered ${delivered}; closed ${closed}, then ${reopened}/${reopen} new accepted`);
    const held = await pool.status();
    return {
      cap,
      filled: fill.opened + probes.length,
      fillRefused: fill.refused,
      over,
      overMs,
      refused: { gateway: gatewayOver, channel: channelOver },
      alive: alive && processAlive(server),
      instanceStatus,
      delivered,
      closed,
      reopen,
      reopened,
      reopenMs: performance.now() - reopenStarted,
      refusedWhileReopening,
      unexpectedCloses: held.unexpectedCloses,
    };
  } finally {
    for (const ws of probes) ws.terminate();
    await pool.close().catch(() => 0);
    await server.dispose();
  }
}

/** Whether workerd's process is still there (not merely whether we think it runs). @param {WorkerdServer} server */
function processAlive(server) {
  if (!server.running) return false;
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} url @param {Record<string, string>} headers @returns {Promise<WsWebSocket>} */
function openProbe(url, headers) {
  return new Promise((resolve, reject) => {
    const ws = new WsWebSocket(url, { headers, perMessageDeflate: false });
    const timer = setTimeout(() => (ws.terminate(), reject(new Error('a probe socket got no hello'))), HELLO_TIMEOUT_MS);
    ws.on('error', (error) => (clearTimeout(timer), reject(error)));
    ws.on('message', function onHello(data) {
      if (framesOf(data)[0].type !== 'hello') return;
      clearTimeout(timer);
      ws.off('message', onHello);
      resolve(ws);
    });
  });
}

/** Whether a message `from` sends reaches `to`. @param {WsWebSocket} from @param {WsWebSocket} to */
function deliversMessage(from, to) {
  const clientId = `cap-check-${Date.now().toString(36)}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => (to.off('message', onMessage), resolve(false)), DELIVERY_TIMEOUT_MS);
    /** @param {import('ws').RawData} data */
    function onMessage(data) {
      if (!framesOf(data).some((frame) => frame.type === 'message' && frame.message.clientId === clientId)) return;
      clearTimeout(timer);
      to.off('message', onMessage);
      resolve(true);
    }
    to.on('message', onMessage);
    from.send(JSON.stringify({ type: 'send', clientId, body: 'still here at the connection cap' }));
  });
}
