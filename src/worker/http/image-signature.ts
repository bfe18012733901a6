/** The image types Hearth takes from browsers (avatars, thumbnails), each with the bytes its files begin with (offset, bytes). */
const SIGNATURES: Record<string, Array<[number, number[]]>> = {
  'image/png': [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
  'image/jpeg': [[0, [0xff, 0xd8, 0xff]]],
  'image/webp': [
    [0, [0x52, 0x49, 0x46, 0x46]], // "RIFF"
    [8, [0x57, 0x45, 0x42, 0x50]], // "WEBP"
  ],
};

export const IMAGE_KIND: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** The declared Content-Type when it is one of the image types above, else null. */
export function declaredImageType(contentType: string | undefined): string | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type in SIGNATURES ? type : null;
}

/** Whether the bytes really are an image of `type` (one of the types above). */
export function looksLike(type: string, bytes: Uint8Array): boolean {
  return SIGNATURES[type].every(([offset, expected]) => expected.every((byte, i) => bytes[offset + i] === byte));
}
