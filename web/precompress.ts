import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { extensionOf, GZIP_SUFFIX, PRECOMPRESSED_EXTENSIONS } from '../src/shared/precompressed.ts';

const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.gz` beside every compressible file of the finished build (public files
 * included), once, at the highest level: the worker then serves it without compressing
 * anything per request. A file gzip does not make smaller gets none.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hearth-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && PRECOMPRESSED_EXTENSIONS.has(extensionOf(e.name))).map((e) => path.join(e.parentPath, e.name));
      await Promise.all(
        files.map(async (file) => {
          const plain = await readFile(file);
          const gzipped = await gzipAsync(plain, { level: constants.Z_BEST_COMPRESSION });
          if (gzipped.length < plain.length) await writeFile(`${file}${GZIP_SUFFIX}`, gzipped);
        }),
      );
    },
  };
}
