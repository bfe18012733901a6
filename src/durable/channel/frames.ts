import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { ClientFrame, clientId, type ServerFrame } from '../../shared/protocol';
import { describeIssues } from '../../shared/validation';

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
  if (typeof raw !== 'string') throw new AppError('bad_request', 'Frames are JSON text, not binary');
  if (raw.length > LIMITS.frameMax) throw new AppError('payload_too_large', `A frame is at most ${LIMITS.frameMax} characters`);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError('bad_request', 'A frame must be valid JSON');
  }
  const parsed = ClientFrame.safeParse(data);
  if (!parsed.success) {
    const named = clientId.safeParse((data as { clientId?: unknown } | null)?.clientId);
    throw new FrameError(new AppError('bad_request', describeIssues(parsed.error)), named.success ? named.data : undefined);
  }
  return parsed.data;
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
