import { AppError } from '../../shared/errors';
import { ClientFrame, clientId, type ServerFrame } from '../../shared/protocol';
import { parseFrame } from '../socket-frames';

/** A frame that failed validation, carrying the clientId it named (if valid) so the sender knows which send failed. */
export class FrameError extends AppError {
  constructor(
    error: AppError,
    readonly clientId?: string,
  ) {
    super(error.code, error.detail);
  }
}

/** Parses one client frame, or throws a FrameError that says what was wrong with it. */
export function parseClientFrame(raw: string | ArrayBuffer): ClientFrame {
  return parseFrame(raw, ClientFrame, (error, data) => {
    const named = clientId.safeParse((data as { clientId?: unknown } | null)?.clientId);
    return new FrameError(error, named.success ? named.data : undefined);
  });
}

/** What an error frame names as the refused frame's subject: a send's clientId, or the message a change was for. */
export function errorSubject(frame: ClientFrame | null, error: unknown): { clientId?: string; seq?: number } {
  if (!frame) return error instanceof FrameError && error.clientId ? { clientId: error.clientId } : {};
  switch (frame.type) {
    case 'send':
      return { clientId: frame.clientId };
    case 'typing':
      return {};
    default:
      return { seq: frame.seq };
  }
}

export function encode(frame: ServerFrame): string {
  return JSON.stringify(frame);
}
