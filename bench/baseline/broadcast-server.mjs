// @ts-check
/**
 * The box's own limit for fan-out: the least a chat server can do on this machine.
 * Node's `ws`, one process, no persistence, no authentication, no validation beyond
 * JSON.parse. It speaks just enough of Hearth's protocols for the benchmark's clients:
 * a `hello` on connect; for each `send`, an `ack` to the sender, the message — shaped
 * and sized like Hearth's — encoded once and written to every channel socket, and an
 * activity note (Hearth's unread-count update) encoded once for every gateway socket.
 *
 * node bench/baseline/broadcast-server.mjs <port> [deflate]
 * Prints "listening <port>" once ready; exits on SIGTERM.
 */
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const deflate = process.argv[3] === 'deflate';
let seq = 0;
const server = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: deflate });

/** Tabs' channel sockets get each message; their gateway sockets (path /gateway) a short activity note, as Hearth's do. */
const channelClients = new Set();
const gatewayClients = new Set();

server.on('connection', (ws, request) => {
  const clients = request.url?.startsWith('/gateway') ? gatewayClients : channelClients;
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
  ws.send(JSON.stringify({ type: 'hello', protocol: 2, channelId: 'baseline', lastSeq: seq }));
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type !== 'send') return;
    seq += 1;
    ws.send(JSON.stringify({ type: 'ack', clientId: frame.clientId, seq }));
    const message = messageLike(seq, frame.clientId, String(frame.body));
    const encoded = JSON.stringify({ type: 'message', message });
    for (const client of channelClients) client.send(encoded);
    if (gatewayClients.size === 0) return;
    const activity = JSON.stringify({ type: 'activity', event: activityLike(message), state: stateLike(message) });
    for (const client of gatewayClients) client.send(activity);
  });
});
server.on('listening', () => console.log(`listening ${port}`));
process.on('SIGTERM', () => process.exit(0));

/** The fields Hearth's Message carries, so that both servers write frames of the same size. */
function messageLike(/** @type {number} */ n, /** @type {string} */ clientId, /** @type {string} */ body) {
  return {
    seq: n,
    updatedSeq: n,
    clientId,
    authorId: 'acct_baseline00000000000000',
    authorName: 'bench-baseline-0',
    body,
    createdAt: Date.now(),
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    pinnedAt: null,
    pinnedBy: null,
    threadRoot: null,
    alsoInChannel: false,
    thread: null,
    reactions: [],
    mentions: [],
    broadcasts: [],
    system: null,
    attachments: [],
  };
}

/** Hearth's gateway `activity` event for a post, without its per-person parts. @param {ReturnType<typeof messageLike>} message */
function activityLike(message) {
  return { channelId: 'baseline', seq: message.seq, authorId: message.authorId, authorName: message.authorName, preview: message.body, threadRoot: null, mentionsYou: false };
}

/** The read state that travels with it. @param {ReturnType<typeof messageLike>} message */
function stateLike(message) {
  return { channelId: 'baseline', lastPostSeq: message.seq, lastPostAt: message.createdAt, readSeq: 0, mentionCount: 0, level: 'mentions', muted: false };
}
