// Starts Hearth in production: `workerd serve workerd.capnp`, with the listen
// address and data directory taken from the environment (see README).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import workerdModule from 'workerd';

const workerd = workerdModule.default ?? workerdModule;

const listen = process.env.HEARTH_LISTEN || '*:8080';
const dataDir = path.resolve(process.env.HEARTH_DATA_DIR || 'data');
const doDir = path.join(dataDir, 'do');
const filesDir = path.join(dataDir, 'files');

// workerd does not create its data directories.
for (const dir of [doDir, filesDir]) mkdirSync(dir, { recursive: true });

const args = ['serve', 'workerd.capnp', '--socket-addr', `http=${listen}`, '-d', `do-storage=${doDir}`, '-d', `files=${filesDir}`, ...process.argv.slice(2)];
console.log(`Hearth: listening on http://${listen.replace('*', 'localhost')}, data in ${dataDir}`);
const child = spawn(workerd, args, { stdio: 'inherit' });
// workerd waits for open WebSockets before it exits on SIGTERM, which can be forever. Every
// acknowledged message is already on disk, so after a grace period a hard stop loses nothing.
const STOP_GRACE_MS = 5000;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
