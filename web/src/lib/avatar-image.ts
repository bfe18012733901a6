import { LIMITS } from '../../../src/shared/limits';

/** Encodings tried in order: WebP is smallest; PNG where the browser cannot write WebP; JPEG when PNG is too big. */
const ENCODINGS: Array<{ type: string; qualities: number[] }> = [
  { type: 'image/webp', qualities: [0.9, 0.8, 0.65, 0.5] },
  { type: 'image/png', qualities: [1] },
  { type: 'image/jpeg', qualities: [0.9, 0.75, 0.6] },
];

export class AvatarImageError extends Error {}

/**
 * Turns a picture the person chose into an avatar: decoded here, the centre
 * square cut out, scaled to LIMITS.avatarPixels, and encoded small enough to upload.
 */
export async function prepareAvatar(file: Blob): Promise<Blob> {
  if (file.type && !file.type.startsWith('image/')) throw new AvatarImageError('Choose an image file (PNG, JPEG, WebP or GIF).');
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new AvatarImageError('This image could not be read. Try a PNG, JPEG or WebP file.');
  });
  try {
    for (const { type, qualities } of ENCODINGS) {
      // JPEG has no transparency: a transparent picture gets white behind it rather than black.
      const canvas = drawSquare(bitmap, LIMITS.avatarPixels, type === 'image/jpeg' ? '#ffffff' : null);
      for (const quality of qualities) {
        const blob = await encode(canvas, type, quality);
        // A browser that cannot write a type silently writes PNG instead: skip to the next type.
        if (!blob || blob.type !== type) break;
        if (blob.size <= LIMITS.avatarBytesMax) return blob;
      }
    }
    throw new AvatarImageError('This image stays too large even after resizing. Try another one.');
  } finally {
    bitmap.close();
  }
}

function drawSquare(image: ImageBitmap, size: number, background: string | null): HTMLCanvasElement {
  const side = Math.min(image.width, image.height);
  if (side === 0) throw new AvatarImageError('This image is empty.');
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new AvatarImageError('This browser cannot resize images.');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, size, size);
  }
  context.drawImage(image, (image.width - side) / 2, (image.height - side) / 2, side, side, 0, 0, size, size);
  return canvas;
}

function encode(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}
