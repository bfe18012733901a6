/**
 * What the account and admin tests share: fresh accounts, image bytes of each
 * accepted kind, raw avatar uploads, and short calls for the account routes.
 */
import { expect } from 'vitest';
import type { Account, AccountDeletionMode, Member, SessionInfo } from '../../src/shared/model';
import { as, buildRequest, call, fetchWorker, PASSWORD, signIn, signUp, type User } from './helpers';

let accounts = 0;

/** A new account, named so that no other in the test file has its name. */
export const freshUser = () => signUp(`user-${++accounts}`);

/** A new account signed in a second time, as from another device: `elsewhere` is that second session. */
export async function signedInTwice(): Promise<{ user: User; elsewhere: User }> {
  const user = await freshUser();
  return { user, elsewhere: await signIn(user.account.username) };
}

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** A 1×1 PNG. */
export const PNG = bytesOf('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==');
/** A 1×1 lossless WebP. */
export const WEBP = bytesOf('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==');
/** The start of a JPEG (SOI and a JFIF APP0 segment): what the server checks. */
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
/** Markup dressed up as an image. */
export const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** Sends raw bytes as `user` (signed out when null), the way the web app uploads a Blob. */
export function sendBytes(user: User | null, method: string, path: string, body: BodyInit, contentType: string) {
  return call(method, path, { body, headers: { 'Content-Type': contentType }, ...(user && { cookie: user.cookie, as: user.account.id }) });
}

export async function uploadAvatar(user: User, bytes: Uint8Array<ArrayBuffer> = PNG, contentType = 'image/png'): Promise<Account> {
  const result = await sendBytes(user, 'PUT', '/api/account/avatar', bytes, contentType);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.account;
}

/** Fetches an avatar as `viewer` (signed out when null); the response is left unread. */
export function avatarOf(viewer: User | null, userId: string, version = '1'): Promise<Response> {
  const path = `/api/users/${userId}/avatar?v=${encodeURIComponent(version)}`;
  return fetchWorker(buildRequest('GET', path, viewer ? { cookie: viewer.cookie, as: viewer.account.id } : {}));
}

export async function updateProfile(user: User, change: unknown): Promise<Account> {
  const result = await as(user, 'PATCH', '/api/account/profile', change);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.account;
}

export async function sessionsOf(user: User): Promise<SessionInfo[]> {
  const result = await as(user, 'GET', '/api/account/sessions');
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.sessions;
}

export function deleteAccount(user: User, mode: AccountDeletionMode, password = PASSWORD) {
  return as(user, 'DELETE', '/api/account', { password, mode });
}

/** A workspace member as `viewer` sees them in the member list; undefined when not a member. */
export async function memberAsSeenBy(viewer: User, workspaceId: string, userId: string): Promise<Member | undefined> {
  const result = await as(viewer, 'GET', `/api/workspaces/${workspaceId}/members`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return (result.body.members as Member[]).find((m) => m.userId === userId);
}

export async function setRole(owner: User, workspaceId: string, user: User, role: string) {
  const result = await as(owner, 'PATCH', `/api/workspaces/${workspaceId}/members/${user.account.id}`, { role });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}
