import { describe, expect, it } from 'vitest';
import { FileDisk } from '../../src/durable/file-disk';
import { LIMITS } from '../../src/shared/limits';
import { as, channelPath, channelRoom, expectError, history, newClientId, signUp, type User } from './helpers';
import { channelFiles, download, onDisk, patterned, sendFiles, storage, text, upload, uploaded } from './file-helpers';

let alice: User;
let bob: User;
const room = channelRoom('uploads', async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  return { owner: alice, members: [bob] };
});

describe('an upload', () => {
  it('streams to disk under a key Hearth makes up, and answers with the file for the composer', async () => {
    const before = await storage(alice);
    const bytes = patterned(300_000);
    const file = await uploaded(alice, room.workspaceId, room.channelId, bytes, { name: 'scan.png', type: 'image/png', width: 1200, height: 800 });
    expect(file).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{16}$/),
      name: 'scan.png',
      size: 300_000,
      type: 'image/png',
      kind: 'image',
      width: 1200,
      height: 800,
      thumbnail: null,
      createdAt: expect.any(Number),
      expiresAt: expect.any(Number),
    });
    expect(file.expiresAt - file.createdAt).toBeGreaterThanOrEqual(LIMITS.unattachedFileTtlMs);
    // The key is made of the random id alone: the name never reaches the disk.
    const { files } = await channelFiles(room.channelId);
    expect(files).toEqual([expect.objectContaining({ id: file.id, storage_key: FileDisk.keyFor(file.id), message_seq: null })]);
    expect(FileDisk.keyFor(file.id)).not.toContain('scan');
    expect(await onDisk(file.id)).toBe(true);
    expect((await storage(alice)).usedBytes).toBe(before.usedBytes + 300_000);

    const served = await download(alice, room.workspaceId, room.channelId, file.id);
    expect(served.status).toBe(200);
    expect(served.bytes).toEqual(bytes);
  });

  it('is readable only by its uploader until a message carries it, then by everyone in the channel', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('draft'));
    expectError(await download(bob, room.workspaceId, room.channelId, file.id), 404, 'not_found');
    const socket = await room.connect(alice);
    await sendFiles(socket, [file.id]);
    expect((await download(bob, room.workspaceId, room.channelId, file.id)).body).toBe('draft');
  });

  it('keeps a size-zero file', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, new Uint8Array(0), { name: 'empty.log' });
    expect(file.size).toBe(0);
    const served = await download(alice, room.workspaceId, room.channelId, file.id);
    expect([served.status, served.body, served.response.headers.get('Content-Length')]).toEqual([200, '', '0']);
  });

  it.each([
    ['text/html', 'text/html', 'text'],
    ['Text/HTML; Charset=UTF-8; boundary=x', 'text/html; charset=utf-8', 'text'],
    ['image/svg+xml', 'image/svg+xml', 'image'],
    ['application/pdf', 'application/pdf', 'pdf'],
    ['video/mp4', 'video/mp4', 'video'],
    ['audio/ogg; codecs=opus', 'audio/ogg', 'audio'],
    ['application/json', 'application/json', 'text'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'other'],
    [null, 'application/octet-stream', 'other'],
    ['not a type', 'application/octet-stream', 'other'],
    ['text/plain, text/html', 'application/octet-stream', 'other'],
  ])('declared as %j is kept as %s (%s)', async (declared, type, kind) => {
    const result = await upload(alice, room.workspaceId, room.channelId, text('x'), { type: declared });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.file).toMatchObject({ type, kind });
  });
});

describe('file names', () => {
  it.each([
    ['a path', '../../etc/passwd', '../../etc/passwd'],
    ['a Windows path', '..\\..\\boot.ini', '..\\..\\boot.ini'],
    ['NUL and newlines', 'a\u0000b\r\nc.txt', 'abc.txt'],
    ['a right-to-left override disguising an .exe', 'invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['bidi isolates and marks', '\u2067abc\u2069\u200F.txt', 'abc.txt'],
    ['a quote and a parameter', '"; filename=evil.html', '"; filename=evil.html'],
    ['only spaces', '   ', 'file'],
    ['emoji with joiners', 'family 👨‍👩‍👧.png', 'family 👨‍👩‍👧.png'],
    ['decomposed accents', 'Cafe\u0301.txt', 'Café.txt'],
  ])('%s is kept as a name, never as a path', async (_what, name, stored) => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('x'), { name });
    expect(file.name).toBe(stored);
    expect(await onDisk(file.id)).toBe(true);
  });

  it('a very long name is cut to 255 characters, its extension kept', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('x'), { name: `${'ü'.repeat(400)}.tar.gz` });
    expect(Array.from(file.name)).toHaveLength(LIMITS.fileNameMax);
    expect(file.name.endsWith('ü.gz')).toBe(true);
  });

  it('an absurdly long name is refused', async () => {
    const result = await upload(alice, room.workspaceId, room.channelId, text('x'), { name: 'a'.repeat(LIMITS.fileNameRawMax + 1) });
    expectError(result, 400, 'bad_request');
  });
});

describe('a message with files', () => {
  it('carries them in order with an optional caption, in the frame, in history and after an edit', async () => {
    const [a, b] = [
      await uploaded(alice, room.workspaceId, room.channelId, text('first'), { name: 'a.txt' }),
      await uploaded(alice, room.workspaceId, room.channelId, text('second'), { name: 'b.txt' }),
    ];
    const mine = await room.connect(alice);
    const theirs = await room.connect(bob);
    const sent = await sendFiles(mine, [b.id, a.id], 'two logs');
    expect(sent.attachments.map((f) => f.name)).toEqual(['b.txt', 'a.txt']);
    expect((await theirs.expect('message')).message.attachments).toEqual(sent.attachments);
    expect((await history(bob, room.workspaceId, room.channelId)).messages.at(-1)!.attachments).toEqual(sent.attachments);

    // The caption may go: the files are the message.
    mine.send({ type: 'edit', seq: sent.seq, body: '' });
    const edited = (await mine.expect('message')).message;
    expect(edited).toMatchObject({ body: '', editedAt: expect.any(Number) });
    expect(edited.attachments).toEqual(sent.attachments);
  });

  it('needs no text', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('x'));
    const sent = await sendFiles(await room.connect(alice), [file.id]);
    expect(sent.body).toBe('');
  });

  it('a message without files still cannot be emptied by an edit', async () => {
    const socket = await room.connect(alice);
    const posted = await socket.post('words');
    socket.send({ type: 'edit', seq: posted.seq, body: '  ' });
    expect(await socket.expect('error')).toMatchObject({ code: 'bad_request', seq: posted.seq, message: expect.stringMatching(/cannot be empty/) });
  });

  it('a thread reply can carry files', async () => {
    const socket = await room.connect(alice);
    const root = await socket.post('root');
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('x'));
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: '', threadRoot: root.seq, attachments: [file.id] });
    await socket.expect('ack');
    const reply = (await socket.expect('message')).message;
    expect(reply).toMatchObject({ threadRoot: root.seq, attachments: [expect.objectContaining({ id: file.id })] });
  });

  it('a retried send is stored once, with its files once', async () => {
    const file = await uploaded(alice, room.workspaceId, room.channelId, text('x'));
    const socket = await room.connect(alice);
    const clientId = newClientId();
    for (let i = 0; i < 2; i++) socket.send({ type: 'send', clientId, body: 'once', attachments: [file.id] });
    const first = await socket.expect('ack');
    await socket.expect('message');
    const second = await socket.expect('ack');
    expect(second.seq).toBe(first.seq);
    expect((await socket.expect('message')).message.attachments).toHaveLength(1);
  });

  it.each<[string, (ctx: { own: string; bobs: string; sent: string; elsewhere: string }) => string[]]>([
    ["someone else's upload", (f) => [f.bobs]],
    ['a file another message carries', (f) => [f.sent]],
    ['an upload to another channel', (f) => [f.elsewhere]],
    ['an id that was never uploaded', () => ['abcdefghijklmnop']],
    ['a good upload with a bad one', (f) => [f.own, f.bobs]],
  ])('naming %s is refused, and nothing is stored or attached', async (_what, pick) => {
    const own = (await uploaded(alice, room.workspaceId, room.channelId, text('own'))).id;
    const bobs = (await uploaded(bob, room.workspaceId, room.channelId, text('bob'))).id;
    const socket = await room.connect(alice);
    const sent = (await sendFiles(socket, [(await uploaded(alice, room.workspaceId, room.channelId, text('s'))).id])).attachments[0].id;
    const other = await as(alice, 'POST', `/api/workspaces/${room.workspaceId}/channels`, { name: `other-${crypto.randomUUID().slice(0, 8)}` });
    const elsewhere = (await uploaded(alice, room.workspaceId, other.body.channel.id, text('e'))).id;
    const before = (await history(alice, room.workspaceId, room.channelId)).lastSeq;

    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'look', attachments: pick({ own, bobs, sent, elsewhere }) });
    expect(await socket.expect('error')).toMatchObject({ code: 'attachment_invalid', clientId });
    expect((await history(alice, room.workspaceId, room.channelId)).lastSeq).toBe(before);
    expect((await channelFiles(room.channelId)).files.find((f) => f.id === own)?.message_seq).toBeNull();
  });

  it.each([
    ['more than ten files', Array.from({ length: LIMITS.attachmentsPerMessageMax + 1 }, (_, i) => `aaaaaaaaaaaaaa${String.fromCharCode(97 + i)}a`)],
    ['the same file twice', ['abcdefghijklmnop', 'abcdefghijklmnop']],
    ['a malformed id', ['../../etc/passwd']],
  ])('a send naming %s is refused as a bad frame', async (_what, attachments) => {
    const socket = await room.connect(alice);
    socket.send({ type: 'send', clientId: newClientId(), body: 'x', attachments });
    expect(await socket.expect('error')).toMatchObject({ code: 'bad_request' });
  });

  it('a send with neither text nor files is refused', async () => {
    const socket = await room.connect(alice);
    socket.send({ type: 'send', clientId: newClientId(), body: ' ', attachments: [] });
    expect(await socket.expect('error')).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/cannot be empty/) });
  });
});

describe('the files view', () => {
  it('lists what the channel shared, newest first, by kind, a page at a time', async () => {
    const socket = await room.connect(alice);
    const up = (name: string, type: string) => uploaded(alice, room.workspaceId, room.channelId, text(name), { name, type });
    const first = await sendFiles(socket, [(await up('a.png', 'image/png')).id, (await up('b.pdf', 'application/pdf')).id]);
    const second = await sendFiles(socket, [(await up('c.png', 'image/png')).id], 'more');
    await up('unsent.png', 'image/png');

    const path = channelPath(room.workspaceId, room.channelId, 'files');
    const all = await as(bob, 'GET', path);
    expect(all.body.files.map((f: { name: string }) => f.name)).toEqual(['c.png', 'a.png', 'b.pdf']);
    expect(all.body.files[0]).toMatchObject({ messageSeq: second.seq, uploaderId: alice.account.id, uploaderName: alice.account.displayName, threadRoot: null });
    expect(all.body.nextBefore).toBeNull();

    const images = await as(bob, 'GET', `${path}?kind=image`);
    expect(images.body.files.map((f: { name: string }) => f.name)).toEqual(['c.png', 'a.png']);

    const page1 = await as(bob, 'GET', `${path}?limit=2`);
    expect(page1.body.files.map((f: { name: string }) => f.name)).toEqual(['c.png', 'a.png']);
    expect(page1.body.nextBefore).toBe(`${first.seq}.0`);
    const page2 = await as(bob, 'GET', `${path}?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body).toEqual({ files: [expect.objectContaining({ name: 'b.pdf', messageSeq: first.seq })], nextBefore: null });

    expectError(await as(bob, 'GET', `${path}?kind=spreadsheet`), 400, 'bad_request');
  });
});
