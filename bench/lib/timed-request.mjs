// @ts-check
/** One GET, timed from sending to the last byte of the body, over Node's fetch (undici: keep-alive). */

const TIMEOUT_MS = 30_000;

/**
 * @typedef {object} TimedResponse
 * @property {number} ms  request sent → whole body read
 * @property {number} bytes  body length
 * @property {any} json  the parsed body (parsed after the clock stopped)
 */

/**
 * @param {string} url @param {Record<string, string>} [headers]
 * @returns {Promise<TimedResponse>}
 */
export async function timedGet(url, headers = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { ms, bytes: Buffer.byteLength(text), json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}
