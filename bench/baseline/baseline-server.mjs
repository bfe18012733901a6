// @ts-check
/** Starts bench/baseline/broadcast-server.mjs as a child process on a free port and stops it by its PID. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { processStats } from '../lib/proc-stat.mjs';
import { freePort } from '../lib/workerd.mjs';

const READY_TIMEOUT_MS = 10_000;
const SCRIPT = fileURLToPath(new URL('./broadcast-server.mjs', import.meta.url));

export class BaselineServer {
  /** @param {import('node:child_process').ChildProcess} child @param {number} port */
  constructor(child, port) {
    this.child = child;
    this.port = port;
  }

  /** @param {{ deflate: boolean }} options */
  static async start({ deflate }) {
    const port = await freePort();
    const child = spawn(process.execPath, [SCRIPT, String(port), ...(deflate ? ['deflate'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    const server = new BaselineServer(child, port);
    process.once('exit', () => child.kill('SIGKILL'));
    const ready = new Promise((resolve, reject) => {
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (/** @type {string} */ chunk) => chunk.includes('listening') && resolve(undefined));
      child.once('exit', (code) => reject(new Error(`the baseline server exited during start-up (${code})`)));
    });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the baseline server did not start')), READY_TIMEOUT_MS).unref());
    try {
      await Promise.race([ready, timeout]);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return server;
  }

  get pid() {
    if (!this.child.pid) throw new Error('the baseline server is not running');
    return this.child.pid;
  }

  get url() {
    return `ws://127.0.0.1:${this.port}/`;
  }

  stats() {
    return processStats(this.pid);
  }

  async dispose() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}
