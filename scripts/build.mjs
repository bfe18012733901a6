// Builds what workerd.capnp serves: the worker bundle (dist/worker.js) and the web app (web/dist).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

await build({
  entryPoints: ['src/worker/index.ts'],
  outfile: 'dist/worker.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2024',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  // Provided by workerd; each wasm file is its own module in workerd.capnp, named by its import specifier.
  external: ['cloudflare:*', 'node:*', '*.wasm'],
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  logLevel: 'warning',
});

if (!process.argv.includes('--worker-only')) {
  const vite = (...args) => execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...args, '--logLevel', 'warn'], { stdio: 'inherit' });
  vite('web');
  // The diagram frame after the app: the app's build empties web/dist.
  vite('--config', 'web/vite.frames.config.ts');
}
