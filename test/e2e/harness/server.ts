import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import workerdModule from 'workerd';
import { REPO_ROOT } from './paths';

/** The `workerd` package is CommonJS: its export is the binary's path, under `.default` when imported from ESM. */
const WORKERD_BIN = typeof workerdModule === 'string' ? workerdModule : workerdModule.default;

const READY_TIMEOUT_MS = 30_000;
/** How long a SIGTERM gets before the process is killed. */
const STOP_GRACE_MS = 10_000;
/** Lines of workerd output kept to explain a failure. */
const LOG_LINES = 200;

/**
 * The production runtime exactly as ops run it — `workerd serve workerd.capnp`
 * with the listen address and data directory given as flags — on a free
 * loopback port and a temporary data directory that survives restarts.
 */
export class HearthServer {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: string[] = [];
  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.dataDir = mkdtempSync(path.join(tmpdir(), 'hearth-e2e-'));
  }

  /** `env`: HEARTH_* settings for this server, as an operator would set them; every other HEARTH_* is unset. */
  static async start(env: Record<string, string> = {}): Promise<HearthServer> {
    const server = new HearthServer(await freePort(), env);
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts workerd on the same port and data directory; resolves once the API answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('workerd is already running');
    const doDir = path.join(this.dataDir, 'do');
    const filesDir = path.join(this.dataDir, 'files');
    for (const dir of [doDir, filesDir]) mkdirSync(dir, { recursive: true }); // workerd does not create its data directories
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('HEARTH_')) delete env[name];
    Object.assign(env, this.env);
    const child = spawn(
      WORKERD_BIN,
      ['serve', 'workerd.capnp', '--socket-addr', `http=127.0.0.1:${this.port}`, '-d', `do-storage=${doDir}`, '-d', `files=${filesDir}`],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      if (this.child === child) this.child = null;
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.log.push(...chunk.split('\n').filter(Boolean));
        this.log.splice(0, Math.max(0, this.log.length - LOG_LINES));
      });
    }
    await this.waitUntilReady(child);
  }

  /**
   * Graceful stop: SIGTERM, then wait for the process to exit (the port stays
   * bound until it has). workerd waits for open connections to finish, and a
   * WebSocket never does: with a browser still connected it is killed after
   * a grace period. Resolves to whether it exited by itself.
   */
  async stop(): Promise<boolean> {
    return this.signal('SIGTERM');
  }

  /** A crash: kill -9, then wait for the process to be gone. */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Stops workerd and deletes its data. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The recent output of workerd, for failure messages. */
  output(): string {
    return this.log.join('\n');
  }

  private async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<boolean> {
    const child = this.child;
    if (!child) return true;
    child.kill(signal);
    const timedOut = await Promise.race([this.exited.then(() => false), delay(STOP_GRACE_MS).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
    }
    return !timedOut;
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`workerd exited during start-up (${child.exitCode ?? child.signalCode}):\n${this.output()}`);
      }
      try {
        const response = await fetch(`${this.url}/api/instance`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await delay(100);
    }
    child.kill('SIGKILL');
    throw new Error(`workerd did not answer GET /api/instance within ${READY_TIMEOUT_MS} ms:\n${this.output()}`);
  }
}

/** A port the kernel just handed out and released; workerd binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The suite runs the build that `npm test` makes first; without it there is nothing to serve. */
export function assertBuilt(): void {
  const missing = ['dist/worker.js', 'web/dist/index.html'].filter((file) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new Error(`The end-to-end tests serve the build, but ${missing.join(' and ')} is missing. Run \`npm run build\` first.`);
  }
}
