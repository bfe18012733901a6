/** The channel WebSocket protocol, split by direction and discriminated on `type`. */
import { z } from 'zod';
import { LIMITS } from './limits';
import type { ErrorCode } from './errors';
import type { Message } from './model';
import { BATCH_FRAME } from './wire';

export { BATCH_FRAME, PING, PONG, PROTOCOL_VERSION } from './wire';

export const clientId = z
  .string()
  .min(8)
  .max(LIMITS.clientIdMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'clientId is letters, digits, "_" and "-"');

const messageSeq = z.number().int().min(1);

/** A message's text; it may be empty when the message carries files (a caption is optional). */
const messageBody = z.string().max(LIMITS.messageBodyMax, `A message is at most ${LIMITS.messageBodyMax} characters`);
export const hasText = (body: string) => body.trim().length > 0;
export const EMPTY_MESSAGE = 'A message cannot be empty';

/** Uploads of the sender's in this channel (POST …/files answered their ids), in the order to show them. */
const attachmentIds = z
  .array(z.string().regex(/^[a-z2-7]{16}$/, 'Not a valid file id'))
  .max(LIMITS.attachmentsPerMessageMax, `A message carries at most ${LIMITS.attachmentsPerMessageMax} files`)
  .refine((ids) => new Set(ids).size === ids.length, 'A file is attached once');

export const SendFrame = z
  .object({
    type: z.literal('send'),
    clientId,
    /** Quote this earlier message of the channel above the new one. */
    replyTo: messageSeq.optional(),
    /** Post into the thread of this root message. */
    threadRoot: messageSeq.optional(),
    /** With `threadRoot`: show the reply in the channel too. */
    alsoToChannel: z.boolean().optional(),
    body: messageBody,
    attachments: attachmentIds.optional(),
  })
  .refine((frame) => hasText(frame.body) || (frame.attachments?.length ?? 0) > 0, { message: EMPTY_MESSAGE, path: ['body'] });

/** An edit changes the text only; it may empty the text of a message that carries files. */
export const EditFrame = z.object({
  type: z.literal('edit'),
  seq: messageSeq,
  body: messageBody,
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

/** Any single RGI emoji, skin tones and ZWJ sequences included. */
export const emoji = z
  .string()
  .max(LIMITS.emojiMax)
  .regex(/^\p{RGI_Emoji}$/v, 'A reaction is one emoji');

/** Adds (`on`) or removes the caller's reaction; repeating either is harmless. */
export const ReactFrame = z.object({
  type: z.literal('react'),
  seq: messageSeq,
  emoji,
  on: z.boolean(),
});

/** The caller is typing in the channel, or in a thread when `threadRoot` is set. Not stored. */
export const TypingFrame = z.object({
  type: z.literal('typing'),
  threadRoot: messageSeq.optional(),
});

export const ClientFrame = z.discriminatedUnion('type', [SendFrame, EditFrame, DeleteFrame, PinFrame, ReactFrame, TypingFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export type ServerFrame =
  /** First frame on every connection; replay of what was missed follows it. */
  | { type: 'hello'; protocol: number; channelId: string; lastSeq: number }
  /** A message's current state: new, edited or deleted. Clients replace what they have under its seq. */
  | { type: 'message'; message: Message }
  /** Someone is typing; clients show it for LIMITS.typingShowMs unless it repeats. Never sent back to the typist. */
  | { type: 'typing'; userId: string; name: string; threadRoot: number | null }
  /** The sender's own message is committed; it also arrives as a `message` frame. */
  | { type: 'ack'; clientId: string; seq: number }
  /** Too much was missed to replay: drop local history and load the newest page. */
  | { type: 'resync'; lastSeq: number }
  /** `clientId` names the refused send; `seq` the message an edit or delete was for. */
  | { type: 'error'; code: ErrorCode; message: string; clientId?: string; seq?: number };

/**
 * What one WebSocket message from the server holds: a frame, or several in order when the
 * server coalesced what it sent in one turn (see src/durable/channel/outbox.ts).
 */
export type ServerMessage = ServerFrame | { type: typeof BATCH_FRAME; frames: ServerFrame[] };
