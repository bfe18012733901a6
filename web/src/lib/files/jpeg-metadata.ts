/**
 * A JPEG without its metadata, losslessly: the EXIF block (GPS position, camera serial, time),
 * XMP (which can repeat the position) and Photoshop/IPTC blocks are cut out of the file, and the
 * one tag that changes how the photo looks — its orientation — is put back in a minimal EXIF
 * block of its own. The pixels are not decoded or re-encoded, so any size works and nothing of
 * the picture's quality is lost.
 */

const SOI = 0xd8;
const SOS = 0xda;
const APP1 = 0xe1;
const APP13 = 0xed;
const ORIENTATION_TAG = 0x0112;

const startsWith = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The orientation (1–8) in an EXIF segment's TIFF data starting at `tiff`, or 1. */
function orientationIn(bytes: Uint8Array, tiff: number, end: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = startsWith(bytes, tiff, 'II');
  if (!little && !startsWith(bytes, tiff, 'MM')) return 1;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (view.getUint16(entry, little) === ORIENTATION_TAG) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** An APP1 segment holding an EXIF block with nothing but the orientation. */
function orientationSegment(orientation: number): Uint8Array {
  // "Exif\0\0", then TIFF big-endian: header, IFD0 at 8 with one SHORT entry, no next IFD.
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const length = body.length + 2;
  return new Uint8Array([0xff, APP1, length >> 8, length & 0xff, ...body]);
}

/** The JPEG's bytes without metadata; null when it is not a JPEG this can walk (then it is left to the caller). */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const kept: Uint8Array[] = [];
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === SOS) {
      kept.push(bytes.subarray(at));
      at = bytes.length;
      break;
    }
    const end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
    if (end > bytes.length) return null;
    const data = at + 4;
    if (marker === APP1 && startsWith(bytes, data, 'Exif\0\0')) orientation = orientationIn(bytes, data + 6, end);
    else if (!(marker === APP1 || marker === APP13)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  if (at < bytes.length) return null;
  // JFIF's APP0 stays first after the start marker, as its specification asks.
  const app0 = kept[0]?.[1] === 0xe0 ? 1 : 0;
  const parts = [bytes.subarray(0, 2), ...kept.slice(0, app0), ...(orientation === 1 ? [] : [orientationSegment(orientation)]), ...kept.slice(app0)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
