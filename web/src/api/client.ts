import { ACCOUNT_HEADER } from '../../../src/shared/wire';
import type { ErrorBody, ErrorCode } from '../../../src/shared/errors';

/** A failed API call, with the server's stable code and its human-readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
  }
}

let activeAccountId: string | null = null;
let onSignedOut: () => void = () => {};

/** Called when the server says the active account's session is gone (expired, or signed out elsewhere). */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

/** Every request acts as this account (one of several signed in in this browser). */
export function actAs(accountId: string | null) {
  activeAccountId = accountId;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (activeAccountId) headers[ACCOUNT_HEADER] = activeAccountId;
  // A Blob (an image, say) goes as it is, typed by its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (!response.ok) {
    const error = data?.error;
    if (response.status === 401 && error?.code === 'unauthenticated') onSignedOut();
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? `The server answered ${response.status}`);
  }
  return data as T;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
