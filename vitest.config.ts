import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { fakePlantUmlServer } from './test/runtime/plantuml-upstream.ts';

/**
 * Two projects: `runtime` runs inside workerd against wrangler.toml (each test
 * file gets its own process, storage and module state); `node` runs plain
 * Node tests (config checks now, end-to-end tests against a real workerd later).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // Quiet workerd's own log, which reports every expected AppError thrown
            // across RPC; console output from the worker and objects still shows.
            verbose: false,
            miniflare: {
              // Small enough for test/runtime/connection-cap.test.ts to reach; every
              // other file keeps its open sockets well below it.
              bindings: { MAX_CONNECTIONS: '12', PLANTUML_URL: 'http://plantuml.test/plantuml' },
              // workerd.capnp reaches the PlantUML server through the LAN; the tests reach a fake one in this process.
              serviceBindings: { PLANTUML_NET: fakePlantUmlServer as never },
            },
          }),
        ],
        test: {
          name: 'runtime',
          include: ['test/runtime/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
