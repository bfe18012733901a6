import { AppError } from '../../shared/errors';
import { GatewayClientFrame, type GatewayServerFrame } from '../../shared/gateway';
import { LIMITS } from '../../shared/limits';
import { describeIssues } from '../../shared/validation';

/** Parses one gateway frame from a client, or throws an AppError that says what was wrong with it. */
export function parseGatewayFrame(raw: string | ArrayBuffer): GatewayClientFrame {
  if (typeof raw !== 'string') throw new AppError('bad_request', 'Frames are JSON text, not binary');
  if (raw.length > LIMITS.frameMax) throw new AppError('payload_too_large', `A frame is at most ${LIMITS.frameMax} characters`);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError('bad_request', 'A frame must be valid JSON');
  }
  const parsed = GatewayClientFrame.safeParse(data);
  if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error));
  return parsed.data;
}

export function encode(frame: GatewayServerFrame): string {
  return JSON.stringify(frame);
}
