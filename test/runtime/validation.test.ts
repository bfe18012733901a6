/** Invariant 4 over HTTP: bad input gets a clear error and changes nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { as, buildRequest, call, createWorkspace, expectError, fetchWorker, ORIGIN, signUp, type User } from './helpers';

let alice: User;

beforeAll(async () => {
  alice = await signUp('alice');
});

async function workspaceCount() {
  return (await as(alice, 'GET', '/api/workspaces')).body.workspaces.length;
}

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetchWorker(
    new Request(new URL(path, ORIGIN), {
      method: 'POST',
      headers: { Cookie: alice.cookie, Origin: ORIGIN, 'Content-Type': 'application/json', ...headers },
      body,
    }),
  );
}

async function errorOf(response: Response) {
  return { status: response.status, body: (await response.json()) as any };
}

describe('request bodies', () => {
  it('a body that is not JSON is refused as invalid', async () => {
    const before = await workspaceCount();
    expectError(await errorOf(await post('/api/workspaces', '{"name": ')), 400, 'invalid_body');
    expect(await workspaceCount()).toBe(before);
  });

  it('a body sent as another content type is refused', async () => {
    const result = await errorOf(await post('/api/workspaces', JSON.stringify({ name: 'Form' }), { 'Content-Type': 'text/plain' }));
    expectError(result, 400, 'bad_request');
    expect(result.body.error.message).toMatch(/application\/json/);
  });

  it('a body that fails the schema says which field and why', async () => {
    const result = await as(alice, 'POST', '/api/workspaces', { name: 42 });
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(/^name: /);
  });

  it('a JSON body over the size limit is refused with 413 and changes nothing', async () => {
    const before = await workspaceCount();
    const big = JSON.stringify({ name: 'Big', padding: 'x'.repeat(LIMITS.jsonBodyMax) });
    const result = await errorOf(await post('/api/workspaces', big));
    expectError(result, 413, 'payload_too_large');
    expect(await workspaceCount()).toBe(before);
  });

  it('an oversized body is refused even when it declares no length', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ name: 'Streamed', padding: 'x'.repeat(LIMITS.jsonBodyMax) }));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    const response = await fetchWorker(
      new Request(new URL('/api/workspaces', ORIGIN), {
        method: 'POST',
        headers: { Cookie: alice.cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
        body: stream,
      }),
    );
    expectError(await errorOf(response), 413, 'payload_too_large');
  });

  it('a multi-byte body is measured in bytes, not characters', async () => {
    const chars = Math.ceil(LIMITS.jsonBodyMax / 3) + 10; // '€' is three bytes: over the limit in bytes, under it in characters
    const body = JSON.stringify({ name: 'Accents', padding: '€'.repeat(chars) });
    expect(body.length).toBeLessThan(LIMITS.jsonBodyMax);
    expectError(await errorOf(await post('/api/workspaces', body)), 413, 'payload_too_large');
  });

  it('a body just under the limit is read normally', async () => {
    const body = JSON.stringify({ name: 'Roomy', padding: 'x'.repeat(LIMITS.jsonBodyMax - 100) });
    expect((await post('/api/workspaces', body)).status).toBe(201);
  });
});

describe('addresses', () => {
  it('an unknown /api path answers a JSON 404, not the web app', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const result = await call(method, '/api/no/such/thing', { cookie: alice.cookie });
      expectError(result, 404, 'not_found');
      expect(result.response.headers.get('Content-Type')).toMatch(/^application\/json/);
    }
  });

  it('a malformed id in a path is simply not found', async () => {
    const { workspaceId } = await createWorkspace(alice, 'Ids');
    for (const path of ['/api/workspaces/UPPERCASE1234567', '/api/workspaces/short', `/api/workspaces/${workspaceId}/channels/x/messages`]) {
      expectError(await as(alice, 'GET', path), 404, 'not_found');
    }
  });

  it('a method an endpoint does not take gets a JSON error', async () => {
    const result = await fetchWorker(buildRequest('PUT', '/api/workspaces', { cookie: alice.cookie, json: {} }));
    expect(result.status).toBe(404);
    expect(((await result.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
