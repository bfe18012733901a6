import { GatewayClientFrame, type GatewayServerFrame } from '../../shared/gateway';
import { parseFrame } from '../socket-frames';

/** Parses one gateway frame from a client, or throws an AppError that says what was wrong with it. */
export function parseGatewayFrame(raw: string | ArrayBuffer): GatewayClientFrame {
  return parseFrame(raw, GatewayClientFrame);
}

export function encode(frame: GatewayServerFrame): string {
  return JSON.stringify(frame);
}
