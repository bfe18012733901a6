// @ts-check
/**
 * Sets up benchmark state through Hearth's HTTP API, the way a browser would
 * (session cookie and Origin), and builds channel socket addresses.
 */
import { GATEWAY_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../src/shared/wire.ts';

const REQUEST_TIMEOUT_MS = 30_000;
const PASSWORD = 'bench password, not secret';

/**
 * @typedef {object} Account
 * @property {string} username
 * @property {string} accountId
 * @property {string} cookie  the session cookie, as sent back in a Cookie header
 */

/**
 * @typedef {object} BenchChannel
 * @property {string} workspaceId
 * @property {string} channelId
 * @property {Account[]} accounts  every one a member of the workspace and of the channel
 * @property {number} signUpMs  total time spent in sign-ups (Argon2 on the server)
 */

/**
 * Creates `accountCount` accounts, a workspace owned by the first, and joins the
 * others through an invite; the channel is the workspace's #general.
 * @param {string} baseURL
 * @param {number} accountCount
 * @returns {Promise<BenchChannel>}
 */
export async function createBenchChannel(baseURL, accountCount) {
  const tag = Date.now().toString(36);
  const started = performance.now();
  const owner = await signUp(baseURL, `bench-${tag}-0`);
  const { workspace, generalChannelId } = await call(baseURL, owner, 'POST', '/api/workspaces', { name: `Bench ${tag}` });
  const { invite } = await call(baseURL, owner, 'POST', `/api/workspaces/${workspace.id}/invites`, {});
  const accounts = [owner];
  // One at a time: each sign-up hashes a password on the server's single JS thread anyway.
  for (let i = 1; i < accountCount; i += 1) accounts.push(await signUp(baseURL, `bench-${tag}-${i}`, invite.code));
  return { workspaceId: workspace.id, channelId: generalChannelId, accounts, signUpMs: performance.now() - started };
}

/**
 * A new public channel in the workspace, created by `account`; returns its id.
 * @param {string} baseURL @param {Account} account @param {string} workspaceId @param {string} name
 * @returns {Promise<string>}
 */
export async function createChannel(baseURL, account, workspaceId, name) {
  const { channel } = await call(baseURL, account, 'POST', `/api/workspaces/${workspaceId}/channels`, { name });
  return channel.id;
}

/**
 * Signs in an account a benchmark created earlier (its data directory was kept), for a fresh session.
 * @param {string} baseURL @param {string} username @returns {Promise<Account>}
 */
export async function signIn(baseURL, username) {
  const response = await request(baseURL, 'POST', '/api/auth/signin', { Origin: baseURL }, { username, password: PASSWORD });
  const { account } = await response.json();
  return { username, accountId: account.id, cookie: sessionCookie(response) };
}

/**
 * The channel socket's address; `after` is the last seq the client has (nothing is replayed when it is current).
 * @param {string} baseURL @param {BenchChannel} channel @param {number} after
 */
export function channelSocketUrl(baseURL, channel, after) {
  const base = baseURL.replace(/^http/, 'ws');
  return `${base}/api/workspaces/${channel.workspaceId}/channels/${channel.channelId}/socket?after=${after}&protocol=${PROTOCOL_VERSION}`;
}

/** The workspace gateway socket's address, as the web app opens it next to its channel socket. @param {string} baseURL @param {BenchChannel} channel */
export function gatewaySocketUrl(baseURL, channel) {
  return `${baseURL.replace(/^http/, 'ws')}/api/workspaces/${channel.workspaceId}/gateway?protocol=${GATEWAY_PROTOCOL_VERSION}`;
}

/**
 * Headers a browser would send on the socket upgrade. Node's WebSocket (undici) accepts
 * them as a non-standard second argument; the server refuses upgrades from other origins.
 * @param {string} baseURL @param {Account} account
 */
export function socketHeaders(baseURL, account) {
  return { Cookie: account.cookie, Origin: baseURL };
}

/**
 * @param {string} baseURL @param {string} username @param {string} [inviteCode]
 * @returns {Promise<Account>}
 */
async function signUp(baseURL, username, inviteCode) {
  const response = await request(baseURL, 'POST', '/api/auth/signup', { Origin: baseURL }, { username, password: PASSWORD, inviteCode });
  const { account } = await response.json();
  return { username, accountId: account.id, cookie: sessionCookie(response) };
}

/** @param {Response} response */
function sessionCookie(response) {
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('the server set no session cookie');
  return cookie;
}

/**
 * @param {string} baseURL @param {Account} account @param {string} method @param {string} path @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function call(baseURL, account, method, path, body) {
  const response = await request(baseURL, method, path, { Cookie: account.cookie, Origin: baseURL }, body);
  return response.json();
}

/**
 * @param {string} baseURL @param {string} method @param {string} path
 * @param {Record<string, string>} headers @param {unknown} [body]
 */
async function request(baseURL, method, path, headers, body) {
  const response = await fetch(`${baseURL}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}
