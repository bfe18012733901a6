// @ts-check
/**
 * Where a post's time goes in workerd: N receivers hold one channel open, a sender posts
 * M messages at a fixed rate while V8's sampling profiler runs in workerd (through its
 * inspector), then prints self time by package/folder and by function, and workerd's
 * CPU per post from /proc (JavaScript and everything native: sockets, SQLite, zlib).
 *
 * npm run bench:profile -- [--receivers 1000] [--rate 20] [--messages 400] [--deflate] [--people 5] [--tabs]
 * --tabs: each receiver also holds the workspace gateway socket, as a browser tab does.
 * The .cpuprofile goes to bench/results/ (open it in Chromium's DevTools, Performance tab).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSources, InspectorSession, summarizeProfile } from './lib/cpu-profile.mjs';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { channelSocketUrl, createBenchChannel, gatewaySocketUrl, socketHeaders } from './lib/hearth-api.mjs';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { ReceiverPool } from './lib/receiver-pool.mjs';
import { num } from './lib/report.mjs';
import { Sender } from './lib/sender.mjs';
import { freePort, WorkerdServer } from './lib/workerd.mjs';

const { values } = parseArgs({
  options: {
    receivers: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '20' },
    messages: { type: 'string', default: '400' },
    deflate: { type: 'boolean', default: false },
    people: { type: 'string', default: '5' },
    tabs: { type: 'boolean', default: false },
  },
});
const receivers = Number(values.receivers);
const rate = Number(values.rate);
const messages = Number(values.messages);
const people = Number(values.people);
const log = (/** @type {string} */ line) => console.error(line);

process.on('exit', () => WorkerdServer.killAllNow());
process.once('SIGINT', () => process.exit(130));

ensureBuilt({ log });
const inspectorPort = await freePort();
const server = await WorkerdServer.start({ maxConnections: 2 * receivers + 100, inspectorPort });
const pool = new ReceiverPool(2);
try {
  const channel = await createBenchChannel(server.url, people);
  const sender = await Sender.open(channelSocketUrl(server.url, channel, 0), socketHeaders(server.url, channel.accounts[0]), values.deflate);
  await sender.run({ prefix: 'warm-', messages: 300, ratePerSecond: 300, ackTimeoutMs: 30_000 });
  const sockets = Array.from({ length: receivers }, (_, i) => {
    const headers = socketHeaders(server.url, channel.accounts[i % people]);
    const gateway = values.tabs ? { gateway: { url: gatewaySocketUrl(server.url, channel), headers } } : {};
    return { url: channelSocketUrl(server.url, channel, sender.lastSeq), headers, ...gateway };
  });
  const connected = await pool.connect(sockets, { compression: values.deflate, concurrency: 32, timeoutMs: 30_000 });
  log(`${connected.opened} receivers open; deflate ${sender.extensions ? 'negotiated' : 'off'}; profiling ${messages} posts at ${rate}/s…`);
  const inspector = await InspectorSession.connect(inspectorPort);
  const expected = await pool.start('profile', 'profile-', messages);
  const before = server.stats();
  await inspector.startProfiling();
  const sent = await sender.run({ prefix: 'profile-', messages, ratePerSecond: rate, ackTimeoutMs: 60_000 });
  await pool.waitDone('profile', 60_000);
  const profile = await inspector.stopProfiling();
  const after = server.stats();
  const seen = await pool.collect();
  inspector.close();
  sender.close();

  const summary = summarizeProfile(profile, bundleSources(path.join(REPO_ROOT, 'dist/worker.js')));
  const cpuMs = after.cpuMs - before.cpuMs;
  console.log(`\n${num(sent.acked)} posts to ${num(connected.opened)} receivers at ${rate}/s, ${num(seen.received)}/${num(expected)} delivered.`);
  console.log(`workerd CPU (all threads, /proc): ${num(cpuMs)} ms = ${num((cpuMs * 1000) / Math.max(1, sent.acked))} µs per post, ` +
    `${num((cpuMs * 1000) / Math.max(1, seen.received + sent.acked), 1)} µs per delivery (profiling on: V8's sampler adds to it).`);
  console.log(`JavaScript thread per V8's sampler: busy ${num(summary.busyMs)} ms (${num((summary.busyMs * 1000) / Math.max(1, sent.acked))} µs per post), idle ${num(summary.idleMs)} ms.\n`);
  console.log('Self time by origin:');
  for (const row of summary.byOrigin) console.log(`  ${num(row.ms, 1).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`);
  console.log('\nSelf time by function:');
  for (const row of summary.byFunction) console.log(`  ${num(row.ms, 1).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `profile-n${receivers}-r${rate}-${Date.now()}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(`\nProfile: ${path.relative(process.cwd(), out)}`);
} finally {
  if (process.env.BENCH_SHOW_WORKERD) console.error(`workerd's output:\n${server.output()}`);
  await pool.terminate();
  await server.dispose();
}
