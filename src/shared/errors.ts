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
  too_many_requests: 429,
  /** Slow mode: the message says how many seconds remain. */
  slow_mode: 429,
  server_busy: 503,
  /** The PlantUML server failed, timed out or answered too much; the message says which. */
  plantuml_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

/**
 * Thrown anywhere (worker or Durable Object) for an expected failure. The code
 * travels inside the message because Durable Object RPC keeps only an error's
 * message, not its own properties.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;

  constructor(code: ErrorCode, detail: string) {
    super(`[${code}] ${detail}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
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
