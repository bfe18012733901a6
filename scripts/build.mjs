// Builds what workerd.capnp serves: the worker bundle (dist/worker.js) and the web app (web/dist).
import { execFileSync } from 'node:child_process';
import { bundleWorker } from './worker-bundle.mjs';

await bundleWorker('src/worker/index.ts', 'dist/worker.js', { sourcemap: 'linked' });

if (!process.argv.includes('--worker-only')) {
  const vite = (...args) => execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...args, '--logLevel', 'warn'], { stdio: 'inherit' });
  vite('web');
  // The diagram frame after the app: the app's build empties web/dist.
  vite('--config', 'web/vite.frames.config.ts');
}
