import type { StorageUsage } from './model';

/**
 * Stable error codes shared by server and client. The server answers every
 * failure as `{ error: { code, message } }` with the status listed here.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_body: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** The caller is timed out in this workspace; the message says until when. */
  timed_out: 403,
  banned: 403,
  account_deactivated: 403,
  channel_archived: 409,
  cross_site: 403,
  registration_closed: 403,
  not_found: 404,
  /** No PlantUML server is configured (HEARTH_PLANTUML_URL): the client shows the diagram's source. */
  plantuml_unavailable: 404,
  invite_unknown: 404,
  invite_expired: 410,
  invite_used_up: 410,
  invite_revoked: 410,
  conflict: 409,
  username_taken: 409,
  channel_name_taken: 409,
  payload_too_large: 413,
  /** An upload over the server's per-file limit; the error carries `storage` with the limits. */
  file_too_large: 413,
  /** An upload that would take the uploader past their storage quota; the error carries `storage`. */
  quota_exceeded: 413,
  /** An upload without a Content-Length. */
  length_required: 411,
  /** The upload's body ended before its Content-Length (the connection dropped) or ran past it; nothing was kept. */
  upload_incomplete: 400,
  /** A message named a file that is not an upload of the sender's waiting in this channel. */
  attachment_invalid: 400,
  range_not_satisfiable: 416,
  /** This server was started without its file storage (for example under `wrangler dev`). */
  storage_unavailable: 503,
  too_many_requests: 429,
  /** Slow mode: the message says how many seconds remain. */
  slow_mode: 429,
  server_busy: 503,
  /** The PlantUML server failed, timed out or answered too much; the message says which. */
  plantuml_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What some errors carry besides their message. */
export interface ErrorExtra {
  /** On file_too_large and quota_exceeded: the caller's usage and the server's limits. */
  storage?: StorageUsage;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] } & ErrorExtra;
}

/**
 * Thrown anywhere (worker or Durable Object) for an expected failure. The code
 * travels inside the message because Durable Object RPC keeps only an error's
 * message, not its own properties.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  /** Sent with the error to the client; lost when the error crosses an RPC boundary. */
  readonly extra: ErrorExtra;

  constructor(code: ErrorCode, detail: string, extra: ErrorExtra = {}) {
    super(`[${code}] ${detail}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** Recovers an AppError from one that crossed an RPC boundary, or returns null. */
  static from(error: unknown): AppError | null {
    if (error instanceof AppError) return error;
    if (!(error instanceof Error)) return null;
    const match = /^\[([a-z_]+)\] ([\s\S]*)$/.exec(error.message);
    if (!match || !(match[1] in ERROR_STATUS)) return null;
    return new AppError(match[1] as ErrorCode, match[2]);
  }
}
