// How a worker is bundled for workerd: the production worker (scripts/build.mjs) and the
// benchmarks' own seeding worker (bench/search.mjs) share it.
import { build } from 'esbuild';

/** Bundles `entry` into one ES module at `outfile`. */
export function bundleWorker(entry, outfile, extra = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    // Provided by workerd; each wasm file is its own module in workerd.capnp, named by its import specifier.
    external: ['cloudflare:*', 'node:*', '*.wasm'],
    loader: { '.sql': 'text' },
    logLevel: 'warning',
    ...extra,
  });
}
