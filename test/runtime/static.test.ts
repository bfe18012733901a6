/** The built web app, served from the ASSETS binding (test runs need web/dist/index.html to exist). */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildRequest, call } from './helpers';

it('serves index.html at the root as HTML that must be revalidated', async () => {
  const result = await call('GET', '/');
  expect(result.status).toBe(200);
  expect(result.response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(result.response.headers.get('Cache-Control')).toBe('no-cache');
  expect(result.body).toMatch(/<!doctype html>/i);
});

it('answers any other page path with index.html, so the app’s router handles it', async () => {
  const root = await call('GET', '/');
  const deep = await call('GET', '/w/abc/channels/def');
  expect(deep.status).toBe(200);
  expect(deep.response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(deep.body).toBe(root.body);
});

it('never answers an /api path with index.html', async () => {
  const result = await call('GET', '/api/this-is-not-a-page');
  expect(result.status).toBe(404);
  expect(result.response.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(result.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
});

it('HEAD answers without a body', async () => {
  const result = await call('HEAD', '/');
  expect(result.status).toBe(200);
  expect(result.body).toBe('');
});

it('a path trying to climb out of the app is answered with index.html, not a file outside it', async () => {
  const result = await call('GET', '/..%2f..%2fpackage.json');
  expect(result.status).toBe(200);
  expect(result.body).not.toContain('"devDependencies"');
});

it('other methods on page paths are not served', async () => {
  const result = await call('POST', '/', { json: {} });
  expect(result.status).toBe(404);
});

describe('compression', () => {
  /** The app's entry script, as index.html names it. */
  async function entryScript(): Promise<string> {
    const page = await call('GET', '/');
    return /src="(\/assets\/[^"]+\.js)"/.exec(page.body as string)![1];
  }

  /** The body exactly as sent, not decoded. */
  async function rawBody(path: string, acceptEncoding?: string, method = 'GET') {
    const request = buildRequest(method, path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });
    // 'manual': the test sees the bytes a browser receives, which fetch would otherwise decode.
    const response = await exports.default.fetch(request, { encodeResponseBody: 'manual' });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }

  it('sends a script gzipped, as built, to a browser that accepts gzip, and the same bytes once decoded', async () => {
    const script = await entryScript();
    const plain = await rawBody(script);
    const gzipped = await rawBody(script, 'gzip, deflate');
    expect(gzipped.response.headers.get('Content-Encoding')).toBe('gzip');
    expect(gzipped.response.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gzipped.response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(gzipped.response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect([...gzipped.bytes.slice(0, 2)]).toEqual([0x1f, 0x8b]); // gzip once, not compressed again on the way out
    expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(await gunzip(gzipped.bytes)).toBe(new TextDecoder().decode(plain.bytes));
  });

  it('sends the plain file, still marked as varying, to a client that does not accept gzip', async () => {
    const script = await entryScript();
    for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0, deflate']) {
      const { response, bytes } = await rawBody(script, acceptEncoding);
      expect(response.headers.get('Content-Encoding')).toBeNull();
      expect(response.headers.get('Vary')).toBe('Accept-Encoding');
      expect(new TextDecoder().decode(bytes)).toMatch(/import|function/);
    }
  });

  it('gzips the page a deep link falls back to, which still must be revalidated', async () => {
    const { response, bytes } = await rawBody('/w/abc/channels/def', 'gzip');
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(await gunzip(bytes)).toMatch(/<!doctype html>/i);
  });

  it('HEAD names the encoding a GET would send, without a body', async () => {
    const { response, bytes } = await rawBody(await entryScript(), 'gzip', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(bytes.length).toBe(0);
  });

  it('gzips the diagram frame without losing its own policy', async () => {
    const { response, bytes } = await rawBody('/frames/mermaid.html', 'gzip');
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Content-Security-Policy')).toMatch(/^sandbox allow-scripts/);
    expect(await gunzip(bytes)).toMatch(/<script/);
  });

  it('sends fonts that are compressed already as they are', async () => {
    const css = /href="(\/assets\/[^"]+\.css)"/.exec((await call('GET', '/')).body as string)![1];
    const font = /url\((\/assets\/[^)]+\.woff2)\)/.exec((await call('GET', css)).body as string)![1];
    const { response } = await rawBody(font, 'gzip');
    expect(response.headers.get('Content-Type')).toBe('font/woff2');
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(response.headers.get('Vary')).toBeNull();
  });
});
