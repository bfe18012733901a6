// @ts-check
/**
 * What idle sockets cost workerd: one fresh workerd per kind of client, sockets
 * opened step by step, and workerd's RSS read after a settle period at each step.
 */
import { framesOf } from './socket.mjs';
import WsWebSocket from 'ws';
import { channelSocketUrl, createBenchChannel, gatewaySocketUrl, socketHeaders } from './hearth-api.mjs';
import { mib } from './report.mjs';
import { delay, WorkerdServer } from './workerd.mjs';

/** @typedef {'channel' | 'gateway' | 'tab'} ClientKind */

/** What each kind of client holds open. */
export const CLIENT_KINDS = /** @type {const} */ ({
  channel: 'channel sockets',
  gateway: 'gateway sockets',
  tab: 'browser tabs (gateway + channel)',
});

const ACCOUNTS = 4;
const CONNECT_CONCURRENCY = 32;
const HELLO_TIMEOUT_MS = 30_000;
const RSS_SAMPLES = 3;
const RSS_SAMPLE_GAP_MS = 300;
const IDLE_CPU_WINDOW_MS = 1_000;

/**
 * @typedef {object} MemoryPoint
 * @property {number} sockets  open at this step
 * @property {number} rssBytes  workerd RSS after the settle period (median of a few readings)
 * @property {number} connectMs  wall time to open this step's new sockets
 * @property {number} connectServerCpuMs  workerd CPU while opening them
 * @property {number} connectClientCpuMs  the load generator's CPU (all threads) while opening them
 * @property {number} idleServerCpuMsPerSecond  workerd CPU at idle afterwards
 * @property {number} idleClientCpuMsPerSecond  the load generator's CPU at idle afterwards
 * @property {Record<string, number>} refused
 */

/**
 * @param {{ pool: import('./idle-socket-pool.mjs').IdleSocketPool, kind: ClientKind, compression: boolean,
 *           steps: number[], settleMs: number, log: (line: string) => void, config?: string }} options
 *   `config`: another capnp to serve (a before/after comparison); workerd.capnp by default
 */
export async function measureMemory({ pool, kind, compression, steps, settleMs, log, config }) {
  const label = `${CLIENT_KINDS[kind]}, deflate ${compression ? 'offered' : 'not offered'}`;
  const server = await WorkerdServer.start({ maxConnections: Math.max(...steps) + 1_000, config });
  try {
    const channel = await createBenchChannel(server.url, ACCOUNTS);
    const lastSeq = await warmUp(server.url, channel);
    const specs = socketSpecs(server.url, channel, lastSeq, kind, Math.max(...steps));
    await delay(settleMs);
    /** @type {MemoryPoint[]} */
    const points = [{ sockets: 0, rssBytes: await settledRss(server), connectMs: 0, connectServerCpuMs: 0, connectClientCpuMs: 0, ...(await idleCpu(server)), refused: {} }];
    log(`${label}: workerd idle at ${mib(points[0].rssBytes)} MiB with no sockets`);
    let open = 0;
    for (const target of steps) {
      const serverBefore = server.stats();
      const clientBefore = process.cpuUsage();
      const started = performance.now();
      const report = await pool.open(specs.slice(open, target), { compression, concurrency: CONNECT_CONCURRENCY, timeoutMs: HELLO_TIMEOUT_MS });
      const connectMs = performance.now() - started;
      const clientCpu = process.cpuUsage(clientBefore);
      const connectServerCpuMs = server.stats().cpuMs - serverBefore.cpuMs;
      open += report.opened;
      await delay(settleMs);
      const point = {
        sockets: open,
        rssBytes: await settledRss(server),
        connectMs,
        connectServerCpuMs,
        connectClientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
        ...(await idleCpu(server)),
        refused: report.refused,
      };
      points.push(point);
      log(
        `${label}: ${open} open (${report.opened} new in ${(connectMs / 1000).toFixed(1)} s), RSS ${mib(point.rssBytes)} MiB` +
          (Object.keys(report.refused).length ? `; refused ${JSON.stringify(report.refused)}` : ''),
      );
    }
    const status = await pool.status();
    await pool.close();
    return { kind, compression, label, points, perSocket: perSocket(points), survived: server.running, unexpectedCloses: status.unexpectedCloses };
  } finally {
    await pool.close().catch(() => 0);
    await server.dispose();
  }
}

/**
 * Bytes per socket between the first and the last step with sockets (leaving out
 * what the first sockets cost once: loading the objects, compiling the code), and
 * averaged from no sockets to the last step.
 * @param {MemoryPoint[]} points
 */
function perSocket(points) {
  const [zero, first, last] = [points[0], points[1], points[points.length - 1]];
  return {
    marginalBytes: last.sockets > first.sockets ? (last.rssBytes - first.rssBytes) / (last.sockets - first.sockets) : NaN,
    averageBytes: last.sockets > 0 ? (last.rssBytes - zero.rssBytes) / last.sockets : NaN,
  };
}

/**
 * What each socket connects to, dealt over the accounts as browsers would hold them.
 * @param {string} baseURL @param {import('./hearth-api.mjs').BenchChannel} channel @param {number} lastSeq
 * @param {ClientKind} kind @param {number} count
 */
function socketSpecs(baseURL, channel, lastSeq, kind, count) {
  const channelUrl = channelSocketUrl(baseURL, channel, lastSeq);
  const gatewayUrl = gatewaySocketUrl(baseURL, channel);
  return Array.from({ length: count }, (_, i) => {
    const person = kind === 'tab' ? Math.floor(i / 2) : i;
    const gateway = kind === 'gateway' || (kind === 'tab' && i % 2 === 0);
    return { url: gateway ? gatewayUrl : channelUrl, headers: socketHeaders(baseURL, channel.accounts[person % channel.accounts.length]) };
  });
}

/**
 * Opens and closes one socket of each kind, so that both objects are loaded before the
 * no-socket reading; answers the channel's last seq, so that sockets resume with nothing to replay.
 * @param {string} baseURL @param {import('./hearth-api.mjs').BenchChannel} channel
 */
export async function warmUp(baseURL, channel) {
  const headers = socketHeaders(baseURL, channel.accounts[0]);
  await helloOf(gatewaySocketUrl(baseURL, channel), headers);
  const hello = await helloOf(channelSocketUrl(baseURL, channel, 0), headers);
  return /** @type {number} */ (hello.lastSeq);
}

/** @param {string} url @param {Record<string, string>} headers @returns {Promise<any>} */
function helloOf(url, headers) {
  return new Promise((resolve, reject) => {
    const ws = new WsWebSocket(url, { headers, perMessageDeflate: false });
    const timer = setTimeout(() => (ws.terminate(), reject(new Error(`no hello from ${url}`))), HELLO_TIMEOUT_MS);
    ws.on('error', (error) => (clearTimeout(timer), reject(error)));
    ws.on('message', (data) => {
      const frame = framesOf(data)[0];
      if (frame.type !== 'hello') return;
      clearTimeout(timer);
      ws.close();
      resolve(frame);
    });
  });
}

/** The median of a few RSS readings, so that one reading taken mid-allocation does not count. @param {WorkerdServer} server */
async function settledRss(server) {
  const readings = [];
  for (let i = 0; i < RSS_SAMPLES; i++) {
    if (i > 0) await delay(RSS_SAMPLE_GAP_MS);
    readings.push(server.stats().rssBytes);
  }
  return readings.sort((a, b) => a - b)[Math.floor(readings.length / 2)];
}

/** CPU of workerd and of this process (every thread) over a short idle window. @param {WorkerdServer} server */
async function idleCpu(server) {
  const serverBefore = server.stats().cpuMs;
  const clientBefore = process.cpuUsage();
  await delay(IDLE_CPU_WINDOW_MS);
  const client = process.cpuUsage(clientBefore);
  return {
    idleServerCpuMsPerSecond: ((server.stats().cpuMs - serverBefore) * 1000) / IDLE_CPU_WINDOW_MS,
    idleClientCpuMsPerSecond: ((client.user + client.system) / 1000) * (1000 / IDLE_CPU_WINDOW_MS),
  };
}
