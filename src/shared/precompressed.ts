/**
 * Built web files that the build also stores gzipped beside themselves (`app.js` → `app.js.gz`)
 * and the worker sends gzipped to browsers that accept it. Fonts in woff2 and images are
 * compressed already. Gzip alone: over plain http, as on most LANs, browsers offer no brotli.
 */
export const PRECOMPRESSED_EXTENSIONS: ReadonlySet<string> = new Set(['html', 'js', 'mjs', 'css', 'json', 'svg', 'txt', 'webmanifest', 'ttf', 'wasm']);

export const GZIP_SUFFIX = '.gz';

/** The file's extension, lower-case, without the dot. */
export function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}
