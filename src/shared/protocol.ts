/** The channel WebSocket protocol, split by direction and discriminated on `type`. */
import { z } from 'zod';
import { LIMITS } from './limits';
import type { ErrorCode } from './errors';
import type { Message } from './model';

export { PING, PONG, PROTOCOL_VERSION } from './wire';

export const clientId = z
  .string()
  .min(8)
  .max(LIMITS.clientIdMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'clientId is letters, digits, "_" and "-"');

const messageSeq = z.number().int().min(1);

export const SendFrame = z.object({
  type: z.literal('send'),
  clientId,
  /** Quote this earlier message of the channel above the new one. */
  replyTo: messageSeq.optional(),
  body: z
    .string()
    .max(LIMITS.messageBodyMax, `A message is at most ${LIMITS.messageBodyMax} characters`)
    .refine((s) => s.trim().length > 0, 'A message cannot be empty'),
});

export const EditFrame = z.object({
  type: z.literal('edit'),
  seq: messageSeq,
  body: SendFrame.shape.body,
});

export const DeleteFrame = z.object({
  type: z.literal('delete'),
  seq: messageSeq,
});

export const PinFrame = z.object({
  type: z.literal('pin'),
  seq: messageSeq,
  pinned: z.boolean(),
});

export const ClientFrame = z.discriminatedUnion('type', [SendFrame, EditFrame, DeleteFrame, PinFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  /** First frame on every connection; replay of what was missed follows it. */
  | { type: 'hello'; protocol: number; channelId: string; lastSeq: number }
  /** A message's current state: new, edited or deleted. Clients replace what they have under its seq. */
  | { type: 'message'; message: Message }
  /** The sender's own message is committed; it also arrives as a `message` frame. */
  | { type: 'ack'; clientId: string; seq: number }
  /** Too much was missed to replay: drop local history and load the newest page. */
  | { type: 'resync'; lastSeq: number }
  /** `clientId` names the refused send; `seq` the message an edit or delete was for. */
  | { type: 'error'; code: ErrorCode; message: string; clientId?: string; seq?: number };
