/**
 * What the file tests share: uploads and downloads through the worker as the web app makes
 * them, sending a message with files over the channel socket, and looks at what is stored
 * (the channel's rows, the quota ledger, the bytes in the FILES disk folder).
 */
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { expect } from 'vitest';
import { FileDisk } from '../../src/durable/file-disk';
import type { Message, StorageUsage, UploadedFile } from '../../src/shared/model';
import { as, buildRequest, call, channelPath, channelStub, type ChannelSocket, fetchWorker, newClientId, type User } from './helpers';

/** The runtime tests run with MAX_FILE_MB=1 and USER_QUOTA_MB=3 (vitest.config.ts). */
export const MB = 1024 * 1024;
export const MAX_FILE = 1 * MB;
export const QUOTA = 3 * MB;

/** `size` bytes that differ from one position to the next, so a wrong range shows. */
export function patterned(size: number, seed = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

export const text = (s: string) => new TextEncoder().encode(s);

export interface UploadOptions {
  name?: string;
  /** The Content-Type header; omitted when null. */
  type?: string | null;
  width?: number;
  height?: number;
  /** The Content-Length header; the body's size unless given (null: none). */
  length?: number | null;
}

/** POST …/files as `user`, the way the web app uploads a File. */
export function upload(user: User | null, workspaceId: string, channelId: string, body: Uint8Array<ArrayBuffer> | ReadableStream, options: UploadOptions = {}) {
  const query = new URLSearchParams({ name: options.name ?? 'notes.txt' });
  if (options.width) query.set('width', String(options.width));
  if (options.height) query.set('height', String(options.height));
  const headers: Record<string, string> = {};
  const type = options.type === undefined ? 'text/plain' : options.type;
  if (type !== null) headers['Content-Type'] = type;
  const length = options.length === undefined ? (body instanceof Uint8Array ? body.byteLength : null) : options.length;
  if (length !== null) headers['Content-Length'] = String(length);
  return call('POST', `${channelPath(workspaceId, channelId, 'files')}?${query}`, {
    body,
    headers,
    ...(user && { cookie: user.cookie, as: user.account.id }),
  });
}

/** An upload that must succeed. */
export async function uploaded(user: User, workspaceId: string, channelId: string, body: Uint8Array<ArrayBuffer>, options: UploadOptions = {}): Promise<UploadedFile> {
  const result = await upload(user, workspaceId, channelId, body, options);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.file;
}

export interface DownloadOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Appended as it is: `?download=1`, `/report.pdf`. */
  suffix?: string;
}

/** GET (or HEAD) …/files/:fileId as `user` (signed out when null): the response, its bytes, and its body as text or JSON. */
export async function download(user: User | null, workspaceId: string, channelId: string, fileId: string, options: DownloadOptions = {}) {
  const path = `${channelPath(workspaceId, channelId, `files/${fileId}`)}${options.suffix ?? ''}`;
  return fetchBytes(options.method ?? 'GET', path, user, options.headers);
}

/** Any GET or HEAD as `user`, read whole: for file responses, which may be bytes or a JSON error. */
export async function fetchBytes(method: string, path: string, user: User | null, headers: Record<string, string> = {}) {
  const response = await fetchWorker(buildRequest(method, path, { headers, ...(user && { cookie: user.cookie, as: user.account.id }) }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const decoded = new TextDecoder().decode(bytes);
  const body = decoded && response.headers.get('Content-Type')?.startsWith('application/json') ? JSON.parse(decoded) : decoded;
  return { status: response.status, response, bytes, body };
}

/** Sends a message carrying the files over the socket and reads the ack and the broadcast copy. */
export async function sendFiles(socket: ChannelSocket, attachments: string[], body = ''): Promise<Message> {
  const clientId = newClientId();
  socket.send({ type: 'send', clientId, body, attachments });
  const ack = await socket.expect('ack');
  expect(ack.clientId).toBe(clientId);
  const { message } = await socket.expect('message');
  expect(message.seq).toBe(ack.seq);
  return message;
}

export async function storage(user: User): Promise<StorageUsage> {
  const result = await as(user, 'GET', '/api/account/storage');
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.storage;
}

/** The channel's file rows and queued purges, read straight from its SQLite. */
export function channelFiles(channelId: string) {
  return runInDurableObject(channelStub(channelId), (_instance, state) => ({
    files: state.storage.sql.exec<{ id: string; storage_key: string; stored_at: number | null; message_seq: number | null }>('select id, storage_key, stored_at, message_seq from files').toArray(),
    purges: state.storage.sql.exec<{ file_id: string }>('select file_id from file_purges').toArray(),
  }));
}

/** Runs the channel's alarm now (file purges and expiry), as workerd would when it is due. */
export async function sweep(channelId: string) {
  await runDurableObjectAlarm(channelStub(channelId));
}

/** Whether bytes are stored under the file's key in the FILES disk folder. */
export async function onDisk(fileId: string, suffix = ''): Promise<boolean> {
  const response = await env.FILES!.fetch(`http://files/${FileDisk.keyFor(fileId)}${suffix}`, { method: 'HEAD' });
  return response.status === 200;
}

/** Every file (not folder) under the FILES disk folder, by key; dotfiles are hidden by the disk service. */
export async function keysOnDisk(prefix = ''): Promise<string[]> {
  const response = await env.FILES!.fetch(`http://files/${prefix}`);
  if (response.status !== 200) return [];
  const entries = (await response.json()) as { name: string; type: string }[];
  const keys: string[] = [];
  for (const entry of entries) {
    if (entry.type === 'file') keys.push(`${prefix}${entry.name}`);
    else if (entry.type === 'directory') keys.push(...(await keysOnDisk(`${prefix}${entry.name}/`)));
  }
  return keys;
}

/** Polls until `check` holds (alarms and waitUntil work run a moment after a request). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) expect.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
