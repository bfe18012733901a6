import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

/**
 * The diagram renderer frame, built on its own under /frames/ so that only its files are
 * served with the frame's policy (see src/worker/middleware/security-headers.ts). Runs after
 * the app's build, whose emptyOutDir would otherwise remove it.
 */
export default defineConfig({
  root: `${import.meta.dirname}/frames`,
  base: '/frames/',
  plugins: [precompress()],
  build: {
    outDir: `${import.meta.dirname}/dist/frames`,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2_000,
    rollupOptions: { input: { mermaid: `${import.meta.dirname}/frames/mermaid.html` } },
  },
});
