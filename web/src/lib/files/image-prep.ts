/**
 * Images before upload: a thumbnail made here (the server decodes no images), and metadata
 * removed so a photo's GPS position never leaves the browser.
 *
 * - JPEG: EXIF, XMP and Photoshop/IPTC segments are cut out of the file losslessly and the
 *   orientation tag is put back alone (jpeg-metadata.ts), so the photo keeps its quality and
 *   stands the right way up, at any size.
 * - PNG: its `eXIf` chunk, if any, is cut out of the file.
 * - GIF and WebP are sent as they are: re-encoding would lose animation, and cameras and phones
 *   do not write them. HEIC and other types Chromium cannot decode are sent as plain files.
 *
 * Width and height come from `createImageBitmap(file, { imageOrientation: 'from-image' })`, so a
 * portrait photo stored sideways with an orientation tag is measured (and thumbnailed) upright.
 */
import { stripJpegMetadata } from './jpeg-metadata';

/** Thumbnails are at most this many pixels on their long side. */
const THUMBNAIL_EDGE = 400;
const THUMBNAIL_QUALITY = 0.82;
const PHOTO_QUALITY = 0.92;
/** Past this size an image is not decoded for its thumbnail and size (it could take gigabytes of pixels). */
const DECODE_MAX_BYTES = 50 * 1024 * 1024;

export interface PreparedImage {
  /** What to upload: the original, or the same picture without its metadata. */
  body: Blob;
  width: number;
  height: number;
  thumbnail: Blob | null;
}

/** What to upload for an image: without its metadata, with its size and a thumbnail when the browser can decode it. */
export async function prepareImage(file: File): Promise<PreparedImage> {
  const stripped = await withoutMetadata(file);
  const body = stripped ?? file;
  if (file.size > DECODE_MAX_BYTES) return { body, width: 0, height: 0, thumbnail: null };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { body, width: 0, height: 0, thumbnail: null };
  }
  try {
    const { width, height } = bitmap;
    // A JPEG too unusual to walk segment by segment goes through a canvas instead (which drops all metadata).
    const reencoded = stripped ? null : await encode(bitmap, width, height, 'image/jpeg', PHOTO_QUALITY);
    const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(width, height));
    // An image already small enough is its own thumbnail.
    const thumbnail = scale < 1 ? await makeThumbnail(bitmap, Math.round(width * scale), Math.round(height * scale)) : null;
    return { body: reencoded ?? body, width, height, thumbnail };
  } finally {
    bitmap.close();
  }
}

/** The file without metadata; null for a JPEG whose segments could not be walked. */
async function withoutMetadata(file: File): Promise<Blob | null> {
  if (file.type === 'image/png') return withoutPngExif(file);
  if (file.type !== 'image/jpeg') return file;
  const stripped = stripJpegMetadata(new Uint8Array(await file.arrayBuffer()));
  return stripped ? new Blob([stripped], { type: file.type }) : null;
}

async function makeThumbnail(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  const webp = await encode(bitmap, width, height, 'image/webp', THUMBNAIL_QUALITY);
  if (webp?.type === 'image/webp') return webp;
  return encode(bitmap, width, height, 'image/jpeg', THUMBNAIL_QUALITY);
}

function encode(bitmap: ImageBitmap, width: number, height: number, type: string, quality: number): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, width);
  canvas.height = Math.max(1, height);
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  if (type === 'image/jpeg') {
    // JPEG has no transparency: a transparent PNG's thumbnail gets white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** A PNG without its `eXIf` chunks; the file itself when it has none or is not a well-formed PNG. */
export async function withoutPngExif(file: Blob): Promise<Blob> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const view = new DataView(bytes.buffer);
  const parts: Uint8Array<ArrayBuffer>[] = [bytes.subarray(0, 8)];
  let at = 8;
  let found = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return file;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'eXIf') found = true;
    else parts.push(bytes.subarray(at, end));
    at = end;
  }
  return found ? new Blob(parts, { type: file.type }) : file;
}
