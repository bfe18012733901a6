import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { as, expectError, signUp, workspaceWith, type User } from './helpers';
import { avatarOf, JPEG, memberAsSeenBy, PNG, sendBytes, SVG, uploadAvatar, WEBP } from './account-helpers';

let owner: User;
let colleague: User;
let stranger: User;
let workspaceId: string;

beforeAll(async () => {
  owner = await signUp('owner');
  colleague = await signUp('colleague');
  stranger = await signUp('stranger');
  ({ workspaceId } = await workspaceWith(owner, colleague));
});

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('PUT /api/account/avatar', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
  ])('takes a %s image and gives the account a new avatar version', async (_kind, image, type) => {
    const before = (await as(owner, 'GET', '/api/account')).body.account.avatarVersion;
    const account = await uploadAvatar(owner, image, type);
    expect(account.avatarVersion).toMatch(/^[a-z2-7]{16}$/);
    expect(account.avatarVersion).not.toBe(before);

    const served = await avatarOf(owner, owner.account.id, account.avatarVersion!);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe(type);
    expect(await bytes(served)).toEqual(image);
  });

  it('accepts a Content-Type with parameters and in capitals', async () => {
    expect((await uploadAvatar(owner, PNG, 'Image/PNG; charset=binary')).avatarVersion).not.toBeNull();
  });

  it.each([
    ['an SVG', SVG, 'image/svg+xml', /PNG, JPEG or WebP/],
    ['a GIF type', PNG, 'image/gif', /PNG, JPEG or WebP/],
    ['no type', PNG, 'application/octet-stream', /PNG, JPEG or WebP/],
    ['markup claiming to be a PNG', SVG, 'image/png', /not a PNG image/],
    ['a JPEG claiming to be a PNG', JPEG, 'image/png', /not a PNG image/],
    ['a PNG claiming to be a WebP', PNG, 'image/webp', /not a WebP image/],
    ['an empty body', new Uint8Array(0), 'image/jpeg', /not a JPEG image/],
  ])('refuses %s with a message saying what to upload', async (_what, image, type, message) => {
    const result = await sendBytes(owner, 'PUT', '/api/account/avatar', image, type);
    expectError(result, 400, 'bad_request');
    expect(result.body.error.message).toMatch(message);
  });

  it('refuses an image over the size limit, saying the limit', async () => {
    const big = new Uint8Array(LIMITS.avatarBytesMax + 1);
    big.set(PNG);
    const result = await sendBytes(owner, 'PUT', '/api/account/avatar', big, 'image/png');
    expectError(result, 413, 'payload_too_large');
    expect(result.body.error.message).toMatch(new RegExp(`at most ${LIMITS.avatarBytesMax / 1024} KiB`));
  });

  it('refuses an oversized body that declares no length (streamed)', async () => {
    const chunk = new Uint8Array(64 * 1024);
    chunk.set(PNG);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > LIMITS.avatarBytesMax * 2) controller.close();
        else controller.enqueue(chunk.slice());
        sent += chunk.byteLength;
      },
    });
    const result = await sendBytes(owner, 'PUT', '/api/account/avatar', stream, 'image/png');
    expectError(result, 413, 'payload_too_large');
  });

  it('a refused upload keeps the avatar there was', async () => {
    const { avatarVersion } = await uploadAvatar(owner, PNG);
    await sendBytes(owner, 'PUT', '/api/account/avatar', SVG, 'image/png');
    expect((await as(owner, 'GET', '/api/account')).body.account.avatarVersion).toBe(avatarVersion);
  });

  it('needs a session', async () => {
    expectError(await sendBytes(null, 'PUT', '/api/account/avatar', PNG, 'image/png'), 401, 'unauthenticated');
  });

  it('tells the workspaces, so members see the new version', async () => {
    const { avatarVersion } = await uploadAvatar(colleague, WEBP, 'image/webp');
    expect((await memberAsSeenBy(owner, workspaceId, colleague.account.id))?.avatarVersion).toBe(avatarVersion);
  });
});

describe('GET /api/users/:userId/avatar', () => {
  it('is served to someone sharing a workspace, privately cached for good and sandboxed', async () => {
    const { avatarVersion } = await uploadAvatar(owner, PNG);
    const served = await avatarOf(colleague, owner.account.id, avatarVersion!);
    expect(served.status).toBe(200);
    expect(await bytes(served)).toEqual(PNG);
    expect(served.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('Content-Security-Policy')).toMatch(/^sandbox\b/);
  });

  it('an old version in the URL gets the current image, not cached', async () => {
    const first = (await uploadAvatar(owner, PNG)).avatarVersion!;
    await uploadAvatar(owner, JPEG, 'image/jpeg');
    const served = await avatarOf(colleague, owner.account.id, first);
    expect(served.headers.get('Content-Type')).toBe('image/jpeg');
    expect(served.headers.get('Cache-Control')).toBe('private, no-cache');
  });

  it('is not found for someone sharing no workspace, as if there were none', async () => {
    await uploadAvatar(owner, PNG);
    const hidden = await avatarOf(stranger, owner.account.id);
    const missing = await avatarOf(stranger, 'aaaaaaaaaaaaaaaa');
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect((await hidden.json()) as unknown).toEqual(await missing.json());
  });

  it('is served to its owner with no workspace at all', async () => {
    const { avatarVersion } = await uploadAvatar(stranger, PNG);
    expect((await avatarOf(stranger, stranger.account.id, avatarVersion!)).status).toBe(200);
  });

  it('needs a session', async () => {
    expect((await avatarOf(null, owner.account.id)).status).toBe(401);
  });

  it('is not found for a malformed id', async () => {
    expect((await avatarOf(owner, 'not-an-id')).status).toBe(404);
  });
});

describe('DELETE /api/account/avatar', () => {
  it('goes back to initials: no version, and the image is gone', async () => {
    await uploadAvatar(colleague, PNG);
    const result = await as(colleague, 'DELETE', '/api/account/avatar');
    expect(result.status).toBe(200);
    expect(result.body.account.avatarVersion).toBeNull();
    expect((await avatarOf(owner, colleague.account.id)).status).toBe(404);
    expect((await memberAsSeenBy(owner, workspaceId, colleague.account.id))?.avatarVersion).toBeNull();
  });

  it('is harmless without an avatar', async () => {
    await as(colleague, 'DELETE', '/api/account/avatar');
    expect((await as(colleague, 'DELETE', '/api/account/avatar')).body.account.avatarVersion).toBeNull();
  });

  it('needs a session', async () => {
    const { status } = await sendBytes(null, 'DELETE', '/api/account/avatar', '', 'text/plain');
    expect(status).toBe(401);
  });
});
