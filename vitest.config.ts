import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { fakePlantUmlServer } from './test/runtime/plantuml-upstream.ts';
import diskServices from './test/disk-services.json' with { type: 'json' };

/**
 * Bindings to writable disk services (uploaded files) are declared in workerd.capnp but cannot be
 * in wrangler.toml: test/disk-services.json names them, and each gets a real folder here, removed
 * on exit. test/node/config-drift.test.ts reads the same list.
 */
const diskRoot = mkdtempSync(path.join(tmpdir(), 'hearth-test-disk-'));
process.once('exit', () => rmSync(diskRoot, { recursive: true, force: true }));
const diskBindings = Object.fromEntries(
  diskServices.writableDiskBindings.map((name) => {
    const folder = path.join(diskRoot, name.toLowerCase());
    mkdirSync(folder);
    return [name, { disk: { path: folder, writable: true } }];
  }),
);

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
              bindings: {
                // Small enough for test/runtime/connection-cap.test.ts to reach; every
                // other file keeps its open sockets well below it.
                MAX_CONNECTIONS: '12',
                // Small file limits, so the file tests reach them with a few megabytes.
                MAX_FILE_MB: '1',
                USER_QUOTA_MB: '3',
                PLANTUML_URL: 'http://plantuml.test/plantuml',
              },
              // workerd.capnp reaches the PlantUML server through the LAN; the tests reach a fake one in this process.
              serviceBindings: { ...diskBindings, PLANTUML_NET: fakePlantUmlServer as never },
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
