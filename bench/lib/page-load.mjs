// @ts-check
/**
 * One timed page load in Chromium: navigation start until a given text is on screen,
 * with the standard timings and every resource the page fetched (Resource Timing).
 */

/**
 * @typedef {object} LoadedResource
 * @property {string} path  pathname on the server
 * @property {number} startMs  since navigation start
 * @property {number} endMs
 * @property {number} wireBytes  body bytes as sent (compressed when it was); 0 when it came from the cache
 * @property {number} bodyBytes  body bytes once decoded
 * @property {boolean} cached  served from the browser's cache without a network transfer
 */

/**
 * @typedef {object} PageLoad
 * @property {number} visibleMs  navigation start → the awaited text is in the viewport (next animation frame)
 * @property {number} firstContentfulPaintMs
 * @property {number} domContentLoadedMs
 * @property {number} loadMs
 * @property {LoadedResource[]} resources  the document first, then subresources in start order
 */

const LOAD_TIMEOUT_MS = 30_000;
const VISIBLE_AT = '__benchVisibleAt';

/**
 * Installs, before any of the page's scripts run, a check on every animation frame for the
 * last element matching `selector` containing `text` inside the viewport; it records when.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} selector @param {string} text
 */
export async function watchForText(context, selector, text) {
  await context.addInitScript(
    ({ selector, text, key }) => {
      const shown = () => {
        const all = document.querySelectorAll(selector);
        const last = all[all.length - 1];
        if (!last || !last.textContent?.includes(text)) return false;
        const box = last.getBoundingClientRect();
        return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
      };
      const tick = () => {
        if (shown()) /** @type {any} */ (window)[key] = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { selector, text, key: VISIBLE_AT },
  );
}

/**
 * Opens `url` in a new page of `context` (which must have `watchForText` installed) and waits for the text.
 * @param {import('playwright-core').BrowserContext} context @param {string} url
 * @param {{ mbps: number, latencyMs: number }} [link]  a slower network, emulated by Chromium (both directions)
 * @returns {Promise<PageLoad>}
 */
export async function timePageLoad(context, url, link) {
  const page = await context.newPage();
  try {
    if (link) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const bytesPerSecond = (link.mbps * 1e6) / 8;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: link.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction((key) => /** @type {any} */ (window)[key] !== undefined, VISIBLE_AT, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
    // Resource Timing lists a fetch only once it has ended: let what rendering the messages started (fonts) finish.
    await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
    return await page.evaluate((key) => {
      const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      /** @param {PerformanceResourceTiming} entry */
      const resource = (entry) => ({
        path: new URL(entry.name).pathname,
        startMs: entry.startTime,
        endMs: entry.responseEnd,
        wireBytes: entry.transferSize === 0 ? 0 : entry.encodedBodySize,
        bodyBytes: entry.decodedBodySize,
        cached: entry.transferSize === 0 && entry.decodedBodySize > 0,
      });
      const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
      return {
        visibleMs: /** @type {any} */ (window)[key],
        firstContentfulPaintMs: paint?.startTime ?? NaN,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        loadMs: navigation.loadEventEnd,
        resources: [resource(navigation), ...resources.map(resource)],
      };
    }, VISIBLE_AT);
  } finally {
    await page.close();
  }
}
