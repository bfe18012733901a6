// @ts-check
/**
 * File throughput: one large upload and its download through the real
 * `workerd serve workerd.capnp` on loopback, with workerd's RSS sampled all along
 * (uploads and downloads must stream: memory stays flat whatever the size). Then a
 * byte range from the middle, and an upload cut off half-way, after which nothing of
 * it may be left on disk or counted against the quota.
 *
 * node bench/files.mjs [--mb 200]
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { createBenchChannel } from './lib/hearth-api.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { markdownTable, mib, num } from './lib/report.mjs';
import { delay, WorkerdServer, workerdVersion } from './lib/workerd.mjs';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '200' } } });
const SIZE = Number(args.mb) * 2 ** 20;
const CHUNK = randomBytes(2 ** 20);
const SAMPLE_MS = 50;
const log = (/** @type {string} */ line) => console.error(line);

/** @type {WorkerdServer | null} */
let server = null;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => void (server?.dispose() ?? Promise.resolve()).finally(() => process.exit(2)));
}
process.on('exit', () => server?.killNow());

/** Samples workerd's RSS until stopped; the peak and the last reading. */
function watchRss() {
  const srv = /** @type {WorkerdServer} */ (server);
  let peak = srv.stats().rssBytes;
  const timer = setInterval(() => (peak = Math.max(peak, srv.stats().rssBytes)), SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, srv.stats().rssBytes);
  };
}

/**
 * Streams `size` bytes (CHUNK repeated) as an upload; `cutAfter` destroys the connection
 * once that many bytes are written, as a browser does when someone cancels.
 * @param {string} url @param {Record<string, string>} headers @param {number} size @param {number} [cutAfter]
 * @returns {Promise<{ status: number, body: string, sha256: string }>}
 */
function streamUpload(url, headers, size, cutAfter = Infinity) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(size) } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sha256: hash.digest('hex') }));
    });
    request.on('error', (error) => (cutAfter < Infinity ? resolve({ status: 0, body: String(error), sha256: '' }) : reject(error)));
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        if (sent >= cutAfter) {
          request.destroy();
          return;
        }
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
        hash.update(piece);
        sent += piece.length;
        if (!request.write(piece)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

/** @param {string} url @param {Record<string, string>} headers */
async function streamDownload(url, headers) {
  const response = await fetch(url, { headers });
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (response.body)) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { status: response.status, bytes, sha256: hash.digest('hex'), headers: response.headers };
}

/** Every file under `dir`, dotfiles (workerd's temporary files) included. @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function main() {
  ensureBuilt({ log });
  const quotaMb = String(Math.ceil((3 * SIZE) / 2 ** 20));
  server = await WorkerdServer.start({ maxConnections: 100, env: { HEARTH_MAX_FILE_MB: String(Math.ceil(SIZE / 2 ** 20)), HEARTH_USER_QUOTA_MB: quotaMb } });
  const base = server.url;
  const channel = await createBenchChannel(base, 1);
  const [owner] = channel.accounts;
  const headers = { Cookie: owner.cookie, Origin: base };
  const files = `${base}/api/workspaces/${channel.workspaceId}/channels/${channel.channelId}/files`;
  const filesDir = path.join(server.dataDir, 'files');
  const idleRss = server.stats().rssBytes;
  log(`workerd ${workerdVersion()} on ${base}, ${mib(SIZE)} MiB file, RSS idle ${mib(idleRss)} MiB`);

  let stop = watchRss();
  let started = performance.now();
  const uploaded = await streamUpload(`${files}?name=big.bin`, { ...headers, 'Content-Type': 'application/octet-stream' }, SIZE);
  const uploadMs = performance.now() - started;
  const uploadPeak = stop();
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${uploaded.body}`);
  const file = JSON.parse(uploaded.body).file;
  log(`upload: ${num(SIZE / 2 ** 20 / (uploadMs / 1000), 0)} MiB/s`);

  stop = watchRss();
  started = performance.now();
  const downloaded = await streamDownload(`${files}/${file.id}`, headers);
  const downloadMs = performance.now() - started;
  const downloadPeak = stop();
  if (downloaded.sha256 !== uploaded.sha256 || downloaded.bytes !== SIZE) throw new Error('the download differs from the upload');
  log(`download: ${num(SIZE / 2 ** 20 / (downloadMs / 1000), 0)} MiB/s`);

  const middle = Math.floor(SIZE / 2);
  const ranged = await streamDownload(`${files}/${file.id}`, { ...headers, Range: `bytes=${middle}-${middle + 2 ** 20 - 1}` });
  const expected = createHash('sha256').update(CHUNK.subarray(middle % CHUNK.length)).update(CHUNK.subarray(0, middle % CHUNK.length)).digest('hex');
  const rangeOk = ranged.status === 206 && ranged.sha256 === expected && ranged.headers.get('Content-Range') === `bytes ${middle}-${middle + 2 ** 20 - 1}/${SIZE}`;

  // Cancelled half-way: nothing of it may stay, on disk or in the quota.
  const before = filesUnder(filesDir);
  stop = watchRss();
  const cut = await streamUpload(`${files}?name=cancelled.bin`, { ...headers, 'Content-Type': 'application/octet-stream' }, SIZE, Math.floor(SIZE / 4));
  const cutPeak = stop();
  let usage = 0;
  for (let i = 0; i < 50; i++) {
    await delay(100);
    usage = (await (await fetch(`${base}/api/account/storage`, { headers })).json()).storage.usedBytes;
    if (usage === SIZE) break;
  }
  const after = filesUnder(filesDir);
  const cancelOk = cut.status === 0 && usage === SIZE && after.length === before.length;

  const rows = [
    { what: 'upload', mbps: SIZE / 2 ** 20 / (uploadMs / 1000), seconds: uploadMs / 1000, peak: uploadPeak },
    { what: 'download', mbps: SIZE / 2 ** 20 / (downloadMs / 1000), seconds: downloadMs / 1000, peak: downloadPeak },
  ];
  console.log(
    markdownTable(
      [
        { title: `${mib(SIZE)} MiB`, value: (/** @type {typeof rows[0]} */ r) => r.what, left: true },
        { title: 'MiB/s', value: (r) => num(r.mbps, 0) },
        { title: 'seconds', value: (r) => num(r.seconds, 2) },
        { title: 'workerd RSS peak (MiB)', value: (r) => mib(r.peak) },
      ],
      rows,
    ),
  );
  console.log(`\nworkerd RSS idle ${mib(idleRss)} MiB; during the cancelled upload ${mib(cutPeak)} MiB.`);
  console.log(`Range from the middle: ${rangeOk ? 'ok (206, right bytes)' : 'WRONG'}.`);
  console.log(`Cancelled upload: ${cancelOk ? 'nothing left on disk or in the quota' : `LEFT BEHIND: files ${JSON.stringify(after)}, used ${usage}`}.`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `files-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ workerd: workerdVersion(), sizeBytes: SIZE, idleRss, rows, cutPeak, rangeOk, cancelOk }, null, 2));
  log(`raw figures: ${out}`);
  if (!rangeOk || !cancelOk) process.exitCode = 1;
}

try {
  await main();
} finally {
  await server?.dispose();
  server = null;
}
