/** The built web app, served from the ASSETS binding (test runs need web/dist/index.html to exist). */
import { expect, it } from 'vitest';
import { call } from './helpers';

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
