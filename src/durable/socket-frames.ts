import type { z } from 'zod';
import { AppError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { describeIssues } from '../shared/validation';

/**
 * Parses one frame a client sent on a socket: JSON text within the size limit that
 * `schema` accepts. Otherwise throws an AppError that says what was wrong with it;
 * `refuse` may turn a frame the schema rejects into a more telling error.
 */
export function parseFrame<T>(
  raw: string | ArrayBuffer,
  schema: z.ZodType<T>,
  refuse: (error: AppError, data: unknown) => AppError = (error) => error,
): T {
  if (typeof raw !== 'string') throw new AppError('bad_request', 'Frames are JSON text, not binary');
  if (raw.length > LIMITS.frameMax) throw new AppError('payload_too_large', `A frame is at most ${LIMITS.frameMax} characters`);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError('bad_request', 'A frame must be valid JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw refuse(new AppError('bad_request', describeIssues(parsed.error)), data);
  return parsed.data;
}
