/**
 * Images before upload: a thumbnail made here (the server decodes no images), and JPEGs
 * re-encoded through a canvas so their EXIF block — GPS position included — never leaves the
 * browser. `imageOrientation: 'from-image'` applies the EXIF rotation to the pixels first, so
 * the re-encoded photo still stands the right way up without its tag.
 *
 * PNG, GIF and WebP keep their bytes (re-encoding would lose GIF animation and PNG's exact
 * pixels); a PNG's rare `eXIf` chunk is cut out of the file instead. WebP's EXIF chunk is left:
 * cameras and phones do not write WebP, and re-encoding WebP would lose animation.
 */

/** Thumbnails are at most this many pixels on their long side. */
const THUMBNAIL_EDGE = 400;
const THUMBNAIL_QUALITY = 0.82;
const PHOTO_QUALITY = 0.92;
/** Past this size a JPEG is not re-encoded in the page (it would need gigabytes of pixels); it is sent as it is. */
const REENCODE_MAX_BYTES = 40 * 1024 * 1024;

export interface PreparedImage {
  /** What to upload: the original, or the same picture without its metadata. */
  body: Blob;
  width: number;
  height: number;
  thumbnail: Blob | null;
}

/** Null when the browser cannot decode the image (it is then sent as an ordinary file). */
export async function prepareImage(file: File): Promise<PreparedImage | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const { width, height } = bitmap;
    let body: Blob = file;
    if (file.type === 'image/jpeg' && file.size <= REENCODE_MAX_BYTES) body = (await encode(bitmap, width, height, 'image/jpeg', PHOTO_QUALITY)) ?? file;
    else if (file.type === 'image/png') body = await withoutPngExif(file);
    const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(width, height));
    // An image already small enough is its own thumbnail.
    const thumbnail = scale < 1 ? await makeThumbnail(bitmap, Math.round(width * scale), Math.round(height * scale)) : null;
    return { body, width, height, thumbnail };
  } finally {
    bitmap.close();
  }
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
