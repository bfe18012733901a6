// @ts-check
/** Rebuilds what workerd.capnp serves when the sources are newer than the build. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** What the worker bundle is built from. */
const WORKER_INPUTS = ['src', 'migrations', 'package.json', 'package-lock.json'];

/**
 * Builds the worker (`scripts/build.mjs --worker-only`) when dist/worker.js is missing
 * or older than its sources, and the web app too when web/dist is missing (workerd
 * serves it; the benchmark never loads it, so a stale web build is left alone).
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {'fresh' | 'worker' | 'all'} what was built
 */
export function ensureBuilt({ force = false, log = console.log } = {}) {
  const bundle = path.join(REPO_ROOT, 'dist/worker.js');
  const webMissing = !existsSync(path.join(REPO_ROOT, 'web/dist/index.html'));
  const stale = force || !existsSync(bundle) || newestMtime(WORKER_INPUTS.map((p) => path.join(REPO_ROOT, p))) > statSync(bundle).mtimeMs;
  if (!stale && !webMissing) return 'fresh';
  const args = webMissing ? [] : ['--worker-only'];
  log(`Building ${webMissing ? 'the worker and the web app' : 'the worker'} (scripts/build.mjs ${args.join(' ')})…`);
  execFileSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  return webMissing ? 'all' : 'worker';
}

/** What web/dist is built from. */
const WEB_INPUTS = ['web/src', 'web/frames', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/vite.frames.config.ts', 'web/precompress.ts', 'src/shared', 'package-lock.json'];

/**
 * Rebuilds everything (`scripts/build.mjs`) when web/dist is missing or older than the web
 * app's sources: for benchmarks that load the app, a stale build measures the wrong bytes.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {boolean} whether it built
 */
export function ensureWebBuilt({ log = console.log } = {}) {
  const index = path.join(REPO_ROOT, 'web/dist/index.html');
  if (existsSync(index) && newestMtime(WEB_INPUTS.map((p) => path.join(REPO_ROOT, p))) <= statSync(index).mtimeMs) return false;
  log('Building the web app, older than its sources (scripts/build.mjs)…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return true;
}

/** @param {string[]} paths @returns {number} */
function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}
