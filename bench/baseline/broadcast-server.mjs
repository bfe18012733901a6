// @ts-check
/**
 * The box's own limit for fan-out: the least a chat server can do on this machine.
 * Node's `ws`, one process, no persistence, no authentication, no validation beyond
 * JSON.parse. It speaks just enough of Hearth's channel protocol for the benchmark's
 * clients: a `hello` on connect; for each `send`, an `ack` to the sender and the
 * message — shaped and sized like Hearth's — encoded once and written to every socket.
 *
 * node bench/baseline/broadcast-server.mjs <port> [deflate]
 * Prints "listening <port>" once ready; exits on SIGTERM.
 */
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const deflate = process.argv[3] === 'deflate';
let seq = 0;
const server = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: deflate });

server.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', protocol: 1, channelId: 'baseline', lastSeq: seq }));
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type !== 'send') return;
    seq += 1;
    ws.send(JSON.stringify({ type: 'ack', clientId: frame.clientId, seq }));
    const encoded = JSON.stringify({ type: 'message', message: messageLike(seq, frame.clientId, String(frame.body)) });
    for (const client of server.clients) client.send(encoded);
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
