import { beforeAll, describe, expect, it } from 'vitest';
import { accountExists, as, call, createWorkspace, expectError, ORIGIN, PASSWORD, requestSocket, signUp, type User } from './helpers';

let alice: User;
let workspaceId: string;
let channelId: string;

beforeAll(async () => {
  alice = await signUp('alice');
  ({ workspaceId, generalChannelId: channelId } = await createWorkspace(alice));
});

async function workspaceNames() {
  return (await as(alice, 'GET', '/api/workspaces')).body.workspaces.map((w: { name: string }) => w.name);
}

describe('state-changing requests from another site are refused', () => {
  it.each([
    ['an Origin of another host', { Origin: 'http://evil.test' }],
    ['an Origin of another port on the same host', { Origin: 'http://hearth.test:8081' }],
    ['an unparseable Origin', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('%s gets 403 and changes nothing', async (_what, headers) => {
    const result = await call('POST', '/api/workspaces', { cookie: alice.cookie, json: { name: 'Forged' }, headers });
    expectError(result, 403, 'cross_site');
    expect(await workspaceNames()).not.toContain('Forged');
  });

  it('a cross-site sign-up creates no account', async () => {
    const result = await call('POST', '/api/auth/signup', {
      json: { username: 'forged', password: PASSWORD },
      headers: { Origin: 'http://evil.test' },
    });
    expectError(result, 403, 'cross_site');
    expect(await accountExists('forged')).toBe(false);
  });

  it('a cross-site sign-out leaves the session alive', async () => {
    const result = await call('POST', '/api/auth/signout', { cookie: alice.cookie, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expectError(result, 403, 'cross_site');
    expect((await as(alice, 'GET', '/api/workspaces')).status).toBe(200);
  });
});

describe('requests that are allowed', () => {
  it('same-origin requests with Origin and Sec-Fetch-Site pass', async () => {
    const result = await call('POST', '/api/workspaces', {
      cookie: alice.cookie,
      json: { name: 'Same Origin' },
      headers: { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(result.status).toBe(201);
  });

  it('cross-site reads are not refused by origin (they carry no SameSite=Strict cookie anyway)', async () => {
    const result = await call('GET', '/api/instance', { headers: { Origin: 'http://evil.test', 'Sec-Fetch-Site': 'cross-site' } });
    expect(result.status).toBe(200);
  });
});

describe('channel sockets', () => {
  it('an upgrade from another Origin is refused with 403 and opens no socket', async () => {
    const response = await requestSocket(alice, workspaceId, channelId, '', { Origin: 'http://evil.test' });
    expect(response.status).toBe(403);
    expect(response.webSocket).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_site');
  });

  it('an upgrade marked cross-site is refused', async () => {
    const response = await requestSocket(alice, workspaceId, channelId, '', { 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(response.webSocket).toBeNull();
  });

  it('an upgrade from the app’s own origin opens', async () => {
    const response = await requestSocket(alice, workspaceId, channelId);
    expect(response.status).toBe(101);
    response.webSocket!.accept();
    response.webSocket!.close();
  });
});
