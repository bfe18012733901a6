// @ts-check
/** One measured run: a sender posts M messages at a fixed rate to a channel that N receivers hold open. */
import { threadStats } from './proc-stat.mjs';
import { distribution, sharedClockMs, worstLoopDelay } from './stats.mjs';

/** A run whose deliveries per second stay below this share of rate × N did not keep up. */
const SATURATED_BELOW = 0.9;

/**
 * @typedef {object} RunOptions
 * @property {string} runId  letters and digits only: it becomes part of each send's clientId
 * @property {number} receivers  sockets the pool holds open (N); deliveries expected are counted from those still open
 * @property {number} messages  M
 * @property {number} ratePerSecond
 * @property {number} drainTimeoutMs  how long after the last send deliveries may still arrive
 */

/**
 * @param {{ server: import('./workerd.mjs').WorkerdServer, pool: import('./receiver-pool.mjs').ReceiverPool,
 *           sender: import('./sender.mjs').Sender, loop: ReturnType<typeof import('./stats.mjs').watchEventLoop> }} rig
 * @param {RunOptions} options
 */
export async function measureRun({ server, pool, sender, loop }, { runId, receivers, messages, ratePerSecond, drainTimeoutMs }) {
  const prefix = `fanout-${runId}-`;
  const expected = await pool.start(runId, prefix, messages);
  const serverBefore = server.stats();
  const threadsBefore = threadStats(server.pid);
  const clientBefore = process.cpuUsage();
  const wallBefore = sharedClockMs();
  loop.reset();

  const sent = await sender.run({ prefix, messages, ratePerSecond, ackTimeoutMs: drainTimeoutMs });
  const complete = await pool.waitDone(runId, Math.max(0, sent.lastSendMs + drainTimeoutMs - sharedClockMs()));

  const wallMs = sharedClockMs() - wallBefore;
  const clientCpu = process.cpuUsage(clientBefore);
  const serverAfter = server.stats();
  const threadsAfter = threadStats(server.pid);
  const mainLoop = loop.read();
  const seen = await pool.collect();

  const serverCpuMs = serverAfter.cpuMs - serverBefore.cpuMs;
  const cpuPerPostUs = sent.acked > 0 ? (serverCpuMs * 1000) / sent.acked : 0;
  const deliveryRate = seen.lastAt > sent.firstSendMs ? (seen.received * 1000) / (seen.lastAt - sent.firstSendMs) : 0;
  // Every post is written to the N receivers and echoed to the sender's own socket.
  const deliveriesMade = seen.received + sent.acked;
  const lastRecipient = distribution(seen.lastByIndex.filter((v) => v > 0));
  return {
    runId,
    receivers,
    messages,
    ratePerSecond,
    complete,
    sent: messages,
    acked: sent.acked,
    sendErrors: sent.errors,
    expectedDeliveries: expected,
    delivered: seen.received,
    lost: expected - seen.received,
    duplicates: seen.duplicates,
    /** WebSocket messages the receivers got, and how many frames came inside batches (the server coalescing under load). */
    socketMessages: seen.messagesIn,
    batchedFrames: seen.batched,
    gatewayMessages: seen.gatewayMessages,
    unexpectedCloses: seen.unexpectedCloses,
    achievedSendRate: messages > 1 ? ((messages - 1) * 1000) / (sent.lastSendMs - sent.firstSendMs) : 0,
    deliveryRate,
    // Deliveries fell behind the offered load: the latencies then measure a queue in workerd.
    saturated: !complete || deliveryRate < SATURATED_BELOW * ratePerSecond * receivers,
    durationMs: seen.lastAt > 0 ? seen.lastAt - sent.firstSendMs : wallMs,
    latencyMs: distribution(seen.latencies),
    lastRecipientMs: lastRecipient,
    ackMs: distribution(sent.ackLatencies),
    workerd: {
      cpuMs: serverCpuMs,
      cpuShareOfOneCore: serverCpuMs / wallMs,
      systemShare: serverCpuMs > 0 ? (serverAfter.systemMs - serverBefore.systemMs) / serverCpuMs : 0,
      cpuPerPostUs,
      /** Posts per second at this N if workerd's JavaScript thread did nothing else. */
      capacityPostsPerSecond: cpuPerPostUs > 0 ? 1e6 / cpuPerPostUs : 0,
      cpuPerDeliveryUs: deliveriesMade > 0 ? (serverCpuMs * 1000) / deliveriesMade : 0,
      rssBytes: serverAfter.rssBytes,
      threads: busiestThreads(threadsBefore, threadsAfter),
    },
    loadGenerator: {
      cpuMs: (clientCpu.user + clientCpu.system) / 1000,
      cpuShareOfOneCore: (clientCpu.user + clientCpu.system) / 1000 / wallMs,
      workerLoopDelayMs: worstLoopDelay(seen.loopDelays),
      mainLoopDelayMs: mainLoop,
    },
    wallMs,
  };
}

/**
 * CPU each workerd thread spent during the run, busiest first, grouped by thread name.
 * @param {Map<number, { name: string, cpuMs: number }>} before @param {Map<number, { name: string, cpuMs: number }>} after
 */
function busiestThreads(before, after) {
  /** @type {Map<string, number>} */
  const byName = new Map();
  for (const [tid, { name, cpuMs }] of after) {
    const delta = cpuMs - (before.get(tid)?.cpuMs ?? 0);
    if (delta > 0) byName.set(name, (byName.get(name) ?? 0) + delta);
  }
  return [...byName].sort((a, b) => b[1] - a[1]).map(([name, cpuMs]) => ({ name, cpuMs }));
}

/** @typedef {Awaited<ReturnType<typeof measureRun>>} RunResult */
