import type { Context } from 'hono';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { AvatarImage } from '../../durable/directory/profiles';
import { readBoundedBytes } from '../http/bounded-body';
import { declaredImageType, IMAGE_KIND, looksLike } from '../http/image-signature';

/**
 * Reads an avatar upload: the declared type must be PNG, JPEG or WebP and the bytes
 * must really be that kind of image, so nothing else is ever served back as an avatar.
 */
export async function readAvatarImage(c: Context): Promise<AvatarImage> {
  const contentType = declaredImageType(c.req.header('Content-Type'));
  if (!contentType) {
    throw new AppError('bad_request', 'Upload the avatar as a PNG, JPEG or WebP image (Content-Type image/png, image/jpeg or image/webp)');
  }
  const kib = LIMITS.avatarBytesMax / 1024;
  const bytes = await readBoundedBytes(
    c.req.raw,
    LIMITS.avatarBytesMax,
    `An avatar is at most ${kib} KiB; resize it to ${LIMITS.avatarPixels}×${LIMITS.avatarPixels} pixels and try again`,
  );
  if (!looksLike(contentType, bytes)) {
    throw new AppError('bad_request', `That file is not a ${IMAGE_KIND[contentType]} image; upload a PNG, JPEG or WebP image`);
  }
  return { contentType, bytes };
}
