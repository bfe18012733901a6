/**
 * Constants of the wire format, free of schema code so the web app can import
 * them without bundling the validator.
 */

/** Header that picks which of the browser's signed-in accounts a request acts as. */
export const ACCOUNT_HEADER = 'X-Hearth-Account';
/** Query parameter with the same meaning, for WebSocket upgrades (which cannot set headers). */
export const ACCOUNT_QUERY = 'account';

/**
 * Channel socket protocol version; bump on any incompatible change. The server refuses versions it does not speak.
 * 2: several frames may arrive in one message, as a `batch` frame.
 */
export const PROTOCOL_VERSION = 2;

/** Type of a message carrying several frames in order, on channel and gateway sockets: `{ "type": "batch", "frames": [...] }`. */
export const BATCH_FRAME = 'batch';

/** Sent as a bare text frame; the server answers "pong" without waking the channel object. */
export const PING = 'ping';
export const PONG = 'pong';

/** Workspace gateway socket protocol version; bumped like PROTOCOL_VERSION. 2: `batch` frames, as on channel sockets. */
export const GATEWAY_PROTOCOL_VERSION = 2;

/**
 * Close code of a channel or gateway socket whose user lost access (removed,
 * banned, left, account deleted or deactivated): the client must not reconnect.
 */
export const ACCESS_REVOKED_CLOSE = 4403;
