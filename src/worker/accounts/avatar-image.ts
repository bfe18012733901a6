import type { Context } from 'hono';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { AvatarImage } from '../../durable/directory/profiles';
import { readBoundedBytes } from '../http/bounded-body';

/** The image types an avatar may be, each with the bytes its files begin with (offset, bytes). */
const SIGNATURES: Record<string, Array<[number, number[]]>> = {
  'image/png': [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
  'image/jpeg': [[0, [0xff, 0xd8, 0xff]]],
  'image/webp': [
    [0, [0x52, 0x49, 0x46, 0x46]], // "RIFF"
    [8, [0x57, 0x45, 0x42, 0x50]], // "WEBP"
  ],
};

const KIND: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/**
 * Reads an avatar upload: the declared type must be PNG, JPEG or WebP and the bytes
 * must really be that kind of image, so nothing else is ever served back as an avatar.
 */
export async function readAvatarImage(c: Context): Promise<AvatarImage> {
  const contentType = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  const signature = SIGNATURES[contentType];
  if (!signature) {
    throw new AppError('bad_request', 'Upload the avatar as a PNG, JPEG or WebP image (Content-Type image/png, image/jpeg or image/webp)');
  }
  const kib = LIMITS.avatarBytesMax / 1024;
  const bytes = await readBoundedBytes(
    c.req.raw,
    LIMITS.avatarBytesMax,
    `An avatar is at most ${kib} KiB; resize it to ${LIMITS.avatarPixels}×${LIMITS.avatarPixels} pixels and try again`,
  );
  if (!signature.every(([offset, expected]) => expected.every((byte, i) => bytes[offset + i] === byte))) {
    throw new AppError('bad_request', `That file is not a ${KIND[contentType]} image; upload a PNG, JPEG or WebP image`);
  }
  return { contentType, bytes };
}
