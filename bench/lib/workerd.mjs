// @ts-check
/**
 * Starts the production runtime exactly as ops run it (`workerd serve workerd.capnp`)
 * on a free loopback port with a throwaway data directory, and stops it by its PID.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import workerdModule from 'workerd';
import { REPO_ROOT } from './paths.mjs';
import { processStats } from './proc-stat.mjs';

/** The `workerd` package is CommonJS: its export is the binary's path, under `.default` from ESM. */
const WORKERD_BIN = /** @type {string} */ (typeof workerdModule === 'string' ? workerdModule : workerdModule.default);
const READY_TIMEOUT_MS = 30_000;
/** workerd waits for open WebSockets on SIGTERM; benchmark data is disposable, so don't wait long. */
const STOP_GRACE_MS = 3_000;
const LOG_LINES = 200;

/**
 * @typedef {object} WorkerdOptions
 * @property {number} maxConnections  HEARTH_MAX_CONNECTIONS for this run
 * @property {Record<string, string>} [env]  extra HEARTH_* settings
 * @property {string} [config]  the capnp to serve, relative to the repository (default workerd.capnp)
 * @property {string} [dataDir]  serve this data directory instead of a fresh one (it is then kept on dispose)
 * @property {number} [inspectorPort]  open V8's inspector (Chrome DevTools protocol) on 127.0.0.1:<port>, for profiling
 * @property {string} [readyPath]  the GET that must answer 200 before start resolves (default /api/instance)
 * @property {number} [pollMs]  how often to ask it meanwhile (default 100); `bootMs` is only as fine as this
 */

export class WorkerdServer {
  /** Every workerd this process has running, so that any way out can stop them all. */
  static #live = /** @type {Set<WorkerdServer>} */ (new Set());

  /** Synchronous last resort (`process.on('exit')`, signals): kills every workerd still running. */
  static killAllNow() {
    for (const server of WorkerdServer.#live) server.killNow();
  }

  /** @type {import('node:child_process').ChildProcess | null} */
  #child = null;
  /** @type {Promise<void>} */
  #exited = Promise.resolve();
  /** @type {string[]} */
  #log = [];

  /** @param {number} port @param {string} dataDir */
  constructor(port, dataDir) {
    this.port = port;
    this.dataDir = dataDir;
    /** Whether dispose leaves the data directory (it was given, not made). */
    this.keepData = false;
    /** Spawn → first 200 of the readiness GET, in ms. */
    this.bootMs = NaN;
  }

  /** @param {WorkerdOptions} options */
  static async start(options) {
    const server = new WorkerdServer(await freePort(), options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hearth-bench-')));
    server.keepData = options.dataDir !== undefined;
    try {
      await server.#spawn(options);
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** @returns {number} */
  get pid() {
    const pid = this.#child?.pid;
    if (!pid) throw new Error('workerd is not running');
    return pid;
  }

  get running() {
    return this.#child !== null;
  }

  /** CPU time (user+system, all threads) and RSS of the workerd process right now. */
  stats() {
    return processStats(this.pid);
  }

  /** Recent workerd output, to explain a failure. */
  output() {
    return this.#log.join('\n');
  }

  /** Stops workerd (SIGTERM, then SIGKILL after a grace period) and deletes its data directory. */
  async dispose() {
    const child = this.#child;
    if (child) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.#exited;
      clearTimeout(timer);
    }
    if (!this.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Synchronous last resort for `process.on('exit')`: no waiting is possible there. */
  killNow() {
    this.#child?.kill('SIGKILL');
    if (!this.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** @param {WorkerdOptions} options */
  async #spawn(options) {
    const doDir = path.join(this.dataDir, 'do');
    const filesDir = path.join(this.dataDir, 'files');
    for (const dir of [doDir, filesDir]) mkdirSync(dir, { recursive: true }); // workerd does not create its data directories
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('HEARTH_')) delete env[name];
    Object.assign(env, { HEARTH_REGISTRATION_MODE: 'open', HEARTH_MAX_CONNECTIONS: String(options.maxConnections), ...options.env });
    const spawnedAt = performance.now();
    const child = spawn(
      WORKERD_BIN,
      [
        'serve',
        options.config ?? 'workerd.capnp',
        '--socket-addr',
        `http=127.0.0.1:${this.port}`,
        '-d',
        `do-storage=${doDir}`,
        '-d',
        `files=${filesDir}`,
        ...(options.inspectorPort ? [`--inspector-addr=127.0.0.1:${options.inspectorPort}`] : []),
      ],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    WorkerdServer.#live.add(this);
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = null;
      WorkerdServer.#live.delete(this);
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (/** @type {string} */ chunk) => {
        this.#log.push(...chunk.split('\n').filter(Boolean));
        this.#log.splice(0, Math.max(0, this.#log.length - LOG_LINES));
      });
    }
    await this.#waitUntilReady(child, options.readyPath ?? '/api/instance', options.pollMs ?? 100);
    this.bootMs = performance.now() - spawnedAt;
  }

  /** @param {import('node:child_process').ChildProcess} child @param {string} readyPath @param {number} pollMs */
  async #waitUntilReady(child, readyPath, pollMs) {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`workerd exited during start-up (${child.exitCode ?? child.signalCode}):\n${this.output()}`);
      }
      try {
        const response = await fetch(`${this.url}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await delay(pollMs);
    }
    throw new Error(`workerd did not answer GET ${readyPath} within ${READY_TIMEOUT_MS} ms:\n${this.output()}`);
  }
}

/** The workerd binary's version line, for the results file. */
export function workerdVersion() {
  return execFileSync(WORKERD_BIN, ['--version'], { encoding: 'utf8' }).trim();
}

/** A port the kernel just handed out and released; workerd binds it a moment later. */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        probe.close(() => resolve(port));
      });
    })
  );
}

/** @param {number} ms */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
