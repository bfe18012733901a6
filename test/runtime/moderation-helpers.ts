/**
 * Fixtures for the tests of private channels, DMs, moderation and the audit log:
 * a workspace staffed with one person of each role, private channels and DMs
 * made through the API, and short paths to the routes these tests call.
 */
import { expect } from 'vitest';
import type { ErrorCode } from '../../src/shared/errors';
import type { Channel, Role } from '../../src/shared/model';
import { as, type ChannelSocket, channelPath, history, openSocket, signUp, type User, workspaceWith } from './helpers';

export interface Staff {
  owner: User;
  admin: User;
  moderator: User;
  member: User;
  /** A second plain member, for actions between equals. */
  peer: User;
}

let people = 0;

/** Signs up one new person per role (unique names across the file) and makes a workspace they are all in, roles set. */
export async function staffedWorkspace(): Promise<Staff & { workspaceId: string; generalChannelId: string }> {
  const n = ++people;
  const staff: Staff = {
    owner: await signUp(`owner-${n}`, { displayName: `Owner ${n}` }),
    admin: await signUp(`admin-${n}`, { displayName: `Admin ${n}` }),
    moderator: await signUp(`moderator-${n}`, { displayName: `Moderator ${n}` }),
    member: await signUp(`member-${n}`, { displayName: `Member ${n}` }),
    peer: await signUp(`peer-${n}`, { displayName: `Peer ${n}` }),
  };
  const { workspaceId, generalChannelId } = await workspaceWith(staff.owner, staff.admin, staff.moderator, staff.member, staff.peer);
  await setRole(staff.owner, workspaceId, staff.admin, 'admin');
  await setRole(staff.owner, workspaceId, staff.moderator, 'moderator');
  return { ...staff, workspaceId, generalChannelId };
}

export async function setRole(actor: User, workspaceId: string, target: User, role: Role) {
  const result = await as(actor, 'PATCH', `/api/workspaces/${workspaceId}/members/${target.account.id}`, { role });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

/** A private channel `creator` makes, with `added` added by the creator. */
export async function privateChannel(workspaceId: string, name: string, creator: User, ...added: User[]): Promise<string> {
  const created = await as(creator, 'POST', `/api/workspaces/${workspaceId}/channels`, { name, private: true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const channelId: string = created.body.channel.id;
  for (const user of added) {
    const result = await as(creator, 'PUT', channelPath(workspaceId, channelId, `members/${user.account.id}`), {});
    expect(result.status, JSON.stringify(result.body)).toBe(200);
  }
  return channelId;
}

/** Opens (or finds) the DM of `opener` and `others`. */
export async function openDm(workspaceId: string, opener: User, ...others: User[]): Promise<{ status: number; channel: Channel }> {
  const result = await as(opener, 'POST', `/api/workspaces/${workspaceId}/dms`, { userIds: others.map((u) => u.account.id) });
  expect([200, 201], JSON.stringify(result.body)).toContain(result.status);
  return { status: result.status, channel: result.body.channel };
}

/** The channel as `user`'s list shows it, or undefined when they cannot see it. */
export async function listed(user: User, workspaceId: string, channelId: string): Promise<Channel | undefined> {
  const result = await as(user, 'GET', `/api/workspaces/${workspaceId}/channels`);
  expect(result.status).toBe(200);
  return (result.body.channels as Channel[]).find((c) => c.id === channelId);
}

export const memberPath = (workspaceId: string, user: User, rest = '') =>
  `/api/workspaces/${workspaceId}/members/${user.account.id}${rest ? `/${rest}` : ''}`;

export const banPath = (workspaceId: string, user: User) => `/api/workspaces/${workspaceId}/bans/${user.account.id}`;

/** A channel's own path (no trailing part): channelUrl(ws, ch) for GET/PATCH/DELETE of the channel. */
export const channelUrl = (workspaceId: string, channelId: string) => `/api/workspaces/${workspaceId}/channels/${channelId}`;

/** Opens a channel socket as `user` from the channel's current end, so earlier (system) messages are not replayed. */
export async function openAtEnd(user: User, workspaceId: string, channelId: string) {
  const { lastSeq } = await history(user, workspaceId, channelId);
  return (await openSocket(user, workspaceId, channelId, `after=${lastSeq}`)).socket;
}

/** Sends each frame that changes message `seq` (edit, react, pin, delete) and expects every one refused with `code`. */
export async function expectChangesRefused(socket: ChannelSocket, seq: number, code: ErrorCode) {
  for (const frame of [
    { type: 'edit', seq, body: 'changed' },
    { type: 'react', seq, emoji: '👍', on: true },
    { type: 'pin', seq, pinned: true },
    { type: 'delete', seq },
  ]) {
    socket.send(frame);
    expect(await socket.expect('error'), frame.type).toMatchObject({ code, seq });
  }
}
