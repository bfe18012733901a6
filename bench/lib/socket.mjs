// @ts-check
/**
 * The benchmarks' WebSocket client: `ws`, because Node's built-in WebSocket (undici)
 * costs the load generator about three times as much CPU per received frame.
 */
import WsWebSocket from 'ws';

/**
 * Opens a WebSocket with the headers a browser would send (Cookie, Origin). With
 * `compression` it offers permessage-deflate as browsers do, and workerd accepts it:
 * every frame is then deflated once per socket on the server.
 * @param {string} url @param {Record<string, string>} headers @param {boolean} compression
 * @returns {WebSocket}  ws implements the browser API (onmessage, onclose, send, close) used here
 */
export function openSocket(url, headers, compression) {
  return /** @type {any} */ (new WsWebSocket(url, { headers, perMessageDeflate: compression }));
}

/**
 * The frames one WebSocket message from Hearth carries: itself, or the frames of a `batch`
 * (the server coalesces what it sends in one turn; a hello arrives first, alone or at the head).
 * @param {unknown} data @returns {any[]}
 */
export function framesOf(data) {
  const parsed = JSON.parse(String(data));
  return parsed.type === 'batch' ? parsed.frames : [parsed];
}
