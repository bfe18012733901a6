import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, call, createWorkspace, fetchWorker, requestSocket, signIn, signUp, type User } from './helpers';

let alice: User;
/** A second session of Alice's, for the sign-out case. */
let aliceElsewhere: User;

beforeAll(async () => {
  alice = await signUp('alice');
  aliceElsewhere = await signIn('alice');
});

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
}

it.each([
  ['the web app', () => buildRequest('GET', '/')],
  ['a route of the web app', () => buildRequest('GET', '/w/some/where')],
  ['a HEAD of the web app', () => buildRequest('HEAD', '/')],
  ['a missing static file under /assets', () => buildRequest('GET', '/assets/missing.js')],
  ['a JSON answer', () => buildRequest('GET', '/api/instance')],
  ['an unknown API path', () => buildRequest('GET', '/api/nope')],
  ['an unauthenticated request', () => buildRequest('GET', '/api/workspaces')],
  ['a validation error', () => buildRequest('POST', '/api/auth/signin', { json: {} })],
  ['a refused cross-site request', () => buildRequest('POST', '/api/workspaces', { json: {}, headers: { Origin: 'http://evil.test' } })],
  ['a sign-out with no content', () => buildRequest('POST', '/api/auth/signout', { cookie: aliceElsewhere.cookie })],
])('%s carries the CSP, nosniff and frame headers', async (_what, request) => {
  const response = await fetchWorker(request());
  expectSecurityHeaders(response);
});

it('a successful signed-in API answer carries them too', async () => {
  const { workspaceId } = await createWorkspace(alice, 'Headers');
  const result = await call('GET', `/api/workspaces/${workspaceId}`, { cookie: alice.cookie });
  expect(result.status).toBe(200);
  expectSecurityHeaders(result.response);
});

it('a refused socket upgrade carries them', async () => {
  const { workspaceId, generalChannelId } = await createWorkspace(alice, 'Socket Headers');
  const response = await requestSocket(alice, workspaceId, generalChannelId, '', { Origin: 'http://evil.test' });
  expect(response.status).toBe(403);
  expectSecurityHeaders(response);
});

describe('the diagram renderer frame', () => {
  let frameHtml = '';
  beforeAll(async () => {
    frameHtml = await (await fetchWorker(buildRequest('GET', '/frames/mermaid.html'))).text();
  });
  function frameFile(kind: 'page' | 'script'): string {
    if (kind === 'page') return '/frames/mermaid.html';
    const script = /src="(\/frames\/assets\/[^"]+\.js)"/.exec(frameHtml)?.[1];
    if (!script) throw new Error('web/dist/frames/mermaid.html names no script: run npm run build');
    return script;
  }

  it('is sandboxed to an opaque origin, allowed no network, and embeddable only by Hearth', async () => {
    const response = await fetchWorker(buildRequest('GET', frameFile('page')));
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const directives = csp.split(';').map((d) => d.trim());
    expect(directives).toContain('sandbox allow-scripts');
    expect(csp).not.toContain('allow-same-origin');
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain('img-src data:');
    expect(directives).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/connect-src|https?:|\*/);
    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('serves its scripts to the opaque origin, and only its own scripts', async () => {
    const script = await fetchWorker(buildRequest('GET', frameFile('script')));
    expect(script.status).toBe(200);
    expect(script.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(script.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(script.headers.get('Cache-Control')).toContain('immutable');
    const appScript = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetchWorker(buildRequest('GET', '/'))).text())?.[1];
    const app = await fetchWorker(buildRequest('GET', appScript!));
    expect(app.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(app.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
  });

  it('never serves the app under the frame policy', async () => {
    const response = await fetchWorker(buildRequest('GET', '/frames/anything'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });
});
