import { describe, expect, it } from 'vitest';
import { FILE_CONTENT_SECURITY_POLICY, HTML_PREVIEW_CONTENT_SECURITY_POLICY } from '../../src/worker/middleware/security-headers';
import { call, channelPath, channelRoom, expectError, signUp, type User } from './helpers';
import { PNG, SVG, WEBP } from './account-helpers';
import { download, fetchBytes, patterned, sendFiles, storage, text, uploaded } from './file-helpers';

let alice: User;
let bob: User;
const room = channelRoom('downloads', async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  return { owner: alice, members: [bob] };
});

/** A file alice sent to the channel, that bob reads. */
async function shared(bytes: Uint8Array<ArrayBuffer>, name: string, type: string | null) {
  const file = await uploaded(alice, room.workspaceId, room.channelId, bytes, { name, type });
  await sendFiles(await room.connect(alice), [file.id]);
  return file;
}

/** The headers every file response carries, whatever it is. */
function expectSandboxed(response: Response, policy = FILE_CONTENT_SECURITY_POLICY) {
  expect(response.headers.get('Content-Security-Policy')).toBe(policy);
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
  expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
}

describe('a download', () => {
  it.each([
    ['a PNG', 'image/png', 'inline'],
    ['a JPEG', 'image/jpeg', 'inline'],
    ['a video', 'video/mp4', 'inline'],
    ['audio', 'audio/mpeg', 'inline'],
    ['a PDF', 'application/pdf', 'inline'],
    ['plain text', 'text/plain; charset=utf-8', 'inline'],
    ['HTML', 'text/html', 'attachment'],
    ['SVG', 'image/svg+xml', 'attachment'],
    ['XML', 'application/xml', 'attachment'],
    ['XHTML', 'application/xhtml+xml', 'attachment'],
    ['JavaScript', 'text/javascript', 'attachment'],
    ['Markdown', 'text/markdown', 'attachment'],
    ['a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment'],
    ['unknown bytes', 'application/octet-stream', 'attachment'],
  ])('of %s is %s, in the sandbox, never sniffed, with its type', async (_what, type, disposition) => {
    const file = await shared(text('<script>alert(document.cookie)</script>'), 'file.bin', type);
    const { status, response } = await download(bob, room.workspaceId, room.channelId, file.id);
    expect(status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Disposition')).toBe(`${disposition}; filename="file.bin"; filename*=UTF-8''file.bin`);
    expect(response.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(response.headers.get('Accept-Ranges')).toBe('bytes');
    expect(response.headers.get('ETag')).toBe(`"${file.id}"`);
    expectSandboxed(response);
  });

  it('download=1 always saves, even an image', async () => {
    const file = await shared(PNG, 'dot.png', 'image/png');
    const { response } = await download(bob, room.workspaceId, room.channelId, file.id, { suffix: '?download=1' });
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment;/);
  });

  it('preview=1 shows HTML with its scripts, still sandboxed away from the app', async () => {
    const file = await shared(text('<script>document.title = 1</script>'), 'report.html', 'text/html');
    const { response } = await download(bob, room.workspaceId, room.channelId, file.id, { suffix: '?preview=1' });
    expect(response.headers.get('Content-Disposition')).toMatch(/^inline;/);
    expectSandboxed(response, HTML_PREVIEW_CONTENT_SECURITY_POLICY);
    expect(HTML_PREVIEW_CONTENT_SECURITY_POLICY).toMatch(/^sandbox allow-scripts;/);
    expect(HTML_PREVIEW_CONTENT_SECURITY_POLICY).not.toMatch(/allow-same-origin/);
    expect(HTML_PREVIEW_CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
  });

  it('preview=1 shows an SVG with no script at all', async () => {
    const file = await shared(SVG, 'drawing.svg', 'image/svg+xml');
    const { response } = await download(bob, room.workspaceId, room.channelId, file.id, { suffix: '?preview=1' });
    expect(response.headers.get('Content-Disposition')).toMatch(/^inline;/);
    expectSandboxed(response);
  });

  it('answers under a readable URL with the name after the id; the name there changes nothing', async () => {
    const file = await shared(text('report'), 'Q3 report.txt', 'text/plain');
    for (const suffix of ['/Q3%20report.txt', '/anything-at-all.html']) {
      const { status, body, response } = await download(bob, room.workspaceId, room.channelId, file.id, { suffix });
      expect([status, body, response.headers.get('Content-Type')]).toEqual([200, 'report', 'text/plain']);
    }
  });

  it.each([
    ['a quote and a parameter', '"; filename=evil.html', `attachment; filename="__ filename=evil.html"; filename*=UTF-8''%22%3B%20filename%3Devil.html`],
    ['a path', '../../etc/passwd', `attachment; filename=".._.._etc_passwd"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`],
    ['accents and emoji', 'Café ☕.txt', `attachment; filename="Cafe _.txt"; filename*=UTF-8''Caf%C3%A9%20%E2%98%95.txt`],
    ['percent signs and apostrophes', "100% don't.txt", `attachment; filename="100_ don't.txt"; filename*=UTF-8''100%25%20don%27t.txt`],
    ['a header break', 'a\r\nSet-Cookie: hearth_sessions=x.txt', `attachment; filename="aSet-Cookie: hearth_sessions=x.txt"; filename*=UTF-8''aSet-Cookie%3A%20hearth_sessions%3Dx.txt`],
  ])('names with %s travel in Content-Disposition safely', async (_what, name, header) => {
    const file = await shared(text('x'), name, 'application/octet-stream');
    const { response } = await download(bob, room.workspaceId, room.channelId, file.id);
    expect(response.headers.get('Content-Disposition')).toBe(header);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('is revalidated: the same ETag gets 304 without the bytes', async () => {
    const file = await shared(text('cached'), 'c.txt', 'text/plain');
    const { status, bytes, response } = await download(bob, room.workspaceId, room.channelId, file.id, { headers: { 'If-None-Match': `"${file.id}"` } });
    expect([status, bytes.byteLength]).toEqual([304, 0]);
    expectSandboxed(response);
  });
});

describe('ranges', () => {
  const bytes = patterned(1000);
  /** A 1000-byte video in this test's channel, asked for by bob with these headers. */
  const get = async (headers: Record<string, string>, method: 'GET' | 'HEAD' = 'GET') => {
    const file = await shared(bytes, 'video.mp4', 'video/mp4');
    return { fileId: file.id, ...(await download(bob, room.workspaceId, room.channelId, file.id, { headers, method })) };
  };

  it.each([
    ['the first bytes', 'bytes=0-9', 0, 9],
    ['from an offset to the end', 'bytes=990-', 990, 999],
    ['the last bytes', 'bytes=-5', 995, 999],
    ['a range running past the end', 'bytes=995-2000', 995, 999],
    ['one byte', 'bytes=500-500', 500, 500],
  ])('%s: 206 with Content-Range and just those bytes', async (_what, range, start, end) => {
    const { status, bytes: got, response } = await get({ Range: range });
    expect(status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get('Content-Length')).toBe(String(end - start + 1));
    expect(got).toEqual(bytes.slice(start, end + 1));
    expectSandboxed(response);
  });

  it('a range past the end: 416 saying the size, still sandboxed', async () => {
    const result = await get({ Range: 'bytes=1000-' });
    expectError(result, 416, 'range_not_satisfiable');
    expect(result.response.headers.get('Content-Range')).toBe('bytes */1000');
    expectSandboxed(result.response);
  });

  it('several ranges: the whole file, 200', async () => {
    const { status, bytes: got } = await get({ Range: 'bytes=0-1,5-6' });
    expect(status).toBe(200);
    expect(got).toEqual(bytes);
  });

  it('a range of a changed file (If-Range that does not match): the whole file', async () => {
    const { status, fileId } = await get({ Range: 'bytes=0-9', 'If-Range': '"something-else"' });
    expect(status).toBe(200);
    const again = await download(bob, room.workspaceId, room.channelId, fileId, { headers: { Range: 'bytes=0-9', 'If-Range': `"${fileId}"` } });
    expect(again.status).toBe(206);
  });

  it('HEAD: the headers and length, no body', async () => {
    const { status, bytes: got, response } = await get({}, 'HEAD');
    expect([status, got.byteLength, response.headers.get('Content-Length'), response.headers.get('Content-Type')]).toEqual([200, 0, '1000', 'video/mp4']);
    expectSandboxed(response);
  });

  it('an empty file has no satisfiable range', async () => {
    const empty = await shared(new Uint8Array(0), 'empty.txt', 'text/plain');
    expectError(await download(bob, room.workspaceId, room.channelId, empty.id, { headers: { Range: 'bytes=0-' } }), 416, 'range_not_satisfiable');
  });
});

describe('thumbnails', () => {
  const putThumbnail = (user: User, fileId: string, bytes: Uint8Array<ArrayBuffer>, type: string, query = '') =>
    call('PUT', `${channelPath(room.workspaceId, room.channelId, `thumbnails/${fileId}`)}${query}`, {
      cookie: user.cookie,
      as: user.account.id,
      body: bytes,
      headers: { 'Content-Type': type },
    });

  it('the uploader adds one before sending; everyone who reads the file sees it', async () => {
    const before = (await storage(alice)).usedBytes;
    const file = await uploaded(alice, room.workspaceId, room.channelId, patterned(5000), { name: 'photo.jpg', type: 'image/jpeg' });
    const added = await putThumbnail(alice, file.id, WEBP, 'image/webp', '?width=320&height=200');
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.file.thumbnail).toEqual({ type: 'image/webp', width: 320, height: 200 });
    expect((await storage(alice)).usedBytes).toBe(before + 5000 + WEBP.byteLength);

    const message = await sendFiles(await room.connect(alice), [file.id]);
    expect(message.attachments[0].thumbnail).toEqual({ type: 'image/webp', width: 320, height: 200 });
    const served = await fetchBytes('GET', channelPath(room.workspaceId, room.channelId, `thumbnails/${file.id}`), bob);
    expect([served.status, served.response.headers.get('Content-Type')]).toEqual([200, 'image/webp']);
    expect(served.bytes).toEqual(WEBP);
    expect(served.response.headers.get('Content-Disposition')).toMatch(/^inline;/);
    expectSandboxed(served.response);
    // Once sent, the file is as it was sent.
    expectError(await putThumbnail(alice, file.id, PNG, 'image/png'), 404, 'not_found');
  });

  it('only images of the declared kind are taken, and only from the uploader', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, patterned(100), { name: 'p.png', type: 'image/png' });
    expectError(await putThumbnail(alice, file.id, SVG, 'image/svg+xml'), 400, 'bad_request');
    expectError(await putThumbnail(alice, file.id, SVG, 'image/png'), 400, 'bad_request');
    expectError(await putThumbnail(bob, file.id, PNG, 'image/png'), 404, 'not_found');
    expectError(await putThumbnail(alice, file.id, new Uint8Array(300 * 1024), 'image/png'), 413, 'payload_too_large');
  });

  it('a file without one has none to serve', async () => {
    const file = await shared(text('x'), 'x.txt', 'text/plain');
    expectError(await fetchBytes('GET', channelPath(room.workspaceId, room.channelId, `thumbnails/${file.id}`), bob), 404, 'not_found');
  });
});
