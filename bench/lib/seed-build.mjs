// @ts-check
/**
 * A benchmark's seeding build: the production worker with bench-only additions (a Channel
 * subclass, /bench routes), bundled like production and served by a copy of workerd.capnp that
 * differs only in the worker module. It runs on the same data directory as production.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorker } from '../../scripts/worker-bundle.mjs';
import { REPO_ROOT } from './paths.mjs';

/**
 * Bundles `entry` (relative to the repository) to dist/bench-<name>-worker.js and writes
 * dist/bench-<name>.capnp around it; returns that config's path for WorkerdServer.start.
 * @param {string} entry @param {string} name
 */
export async function buildSeedConfig(entry, name) {
  await bundleWorker(path.join(REPO_ROOT, entry), path.join(REPO_ROOT, `dist/bench-${name}-worker.js`));
  const config = `dist/bench-${name}.capnp`;
  const production = readFileSync(path.join(REPO_ROOT, 'workerd.capnp'), 'utf8');
  if (!production.includes('embed "dist/worker.js"')) throw new Error('workerd.capnp no longer embeds "dist/worker.js": update bench/lib/seed-build.mjs to match');
  writeFileSync(
    path.join(REPO_ROOT, config),
    // The copy lives in dist/, and embed paths resolve against the config file.
    production.replace('embed "dist/worker.js"', `embed "bench-${name}-worker.js"`).replaceAll('embed "node_modules/', 'embed "../node_modules/'),
  );
  return config;
}
