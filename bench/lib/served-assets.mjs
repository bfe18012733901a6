// @ts-check
/** What each built script and stylesheet of the web app costs on the wire, asked for as Chromium over http asks. */
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';

const WEB_DIST = path.join(REPO_ROOT, 'web/dist');
/** Browsers offer brotli (and zstd) only over https; on a plain-http LAN this is the whole offer. */
export const HTTP_ACCEPT_ENCODING = 'gzip, deflate';

/**
 * @typedef {object} ServedAsset
 * @property {string} path  as requested, e.g. /assets/katex-….js
 * @property {number} wireBytes  body bytes as sent
 * @property {number} bodyBytes  the file's own size
 * @property {string} encoding  Content-Encoding, or 'identity'
 */

/** Every .js and .css file of web/dist, as paths on the server. */
export function builtScriptsAndStyles() {
  return readdirSync(WEB_DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|css)$/.test(entry.name))
    .map((entry) => `/${path.relative(WEB_DIST, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .sort();
}

/**
 * Fetches each path without decoding it and measures both sizes.
 * @param {string} baseURL @param {string[]} paths @returns {Promise<ServedAsset[]>}
 */
export async function measureServed(baseURL, paths) {
  /** @type {ServedAsset[]} */
  const served = [];
  for (const p of paths) served.push(await fetchRaw(new URL(p, baseURL)));
  return served;
}

/** @param {URL} url @returns {Promise<ServedAsset>} */
function fetchRaw(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': HTTP_ACCEPT_ENCODING } }, (res) => {
      let wireBytes = 0;
      res.on('data', (/** @type {Buffer} */ chunk) => (wireBytes += chunk.length));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url.pathname} answered ${res.statusCode}`));
        const bodyBytes = statSync(path.join(WEB_DIST, url.pathname)).size;
        resolve({ path: url.pathname, wireBytes, bodyBytes, encoding: res.headers['content-encoding'] ?? 'identity' });
      });
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
