import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../src/shared/model';
import { previewKind } from '../../web/src/components/attachments/preview-kind';
import { parseCsv } from '../../web/src/lib/files/csv';
import { declaredType } from '../../web/src/lib/files/file-type';
import { withoutPngExif } from '../../web/src/lib/files/image-prep';
import { nameForPasted } from '../../web/src/stores/attachment-draft';

const attachment = (name: string, type: string, kind: Attachment['kind']): Attachment => ({ id: 'a'.repeat(16), name, size: 1, type, kind, width: null, height: null, thumbnail: null });

/** A PNG chunk: length, type, data, and a CRC (not checked by the stripper, so zeros). */
function chunk(type: string, data: number[]): number[] {
  const n = data.length;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0];
}
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

describe('files in the web app', () => {
  it('a CSV keeps quoted commas, doubled quotes and line breaks inside quotes, and stops at the row cap', () => {
    const { rows, truncated } = parseCsv('a,b\r\n"1,5","say ""hi"""\n"two\nlines",x\n', 10);
    expect(rows).toEqual([['a', 'b'], ['1,5', 'say "hi"'], ['two\nlines', 'x']]);
    expect(truncated).toBe(false);
    expect(parseCsv('h\n1\n2\n3\n', 2)).toEqual({ rows: [['h'], ['1']], truncated: true });
  });

  it('a file the browser gives no type is declared by its extension; the server never guesses', () => {
    expect(declaredType(new File(['x'], 'seq.puml'))).toBe('text/x-plantuml; charset=utf-8');
    expect(declaredType(new File(['x'], 'boot.log'))).toBe('text/plain; charset=utf-8');
    expect(declaredType(new File(['x'], 'notes.md'))).toBe('text/markdown; charset=utf-8');
    expect(declaredType(new File(['x'], 'blob.bin'))).toBe('application/octet-stream');
    expect(declaredType(new File(['x'], 'a.png', { type: 'image/png' }))).toBe('image/png');
  });

  it('each type gets its preview; HTML only ever in the sandboxed frame', () => {
    expect(previewKind(attachment('r.html', 'text/html; charset=utf-8', 'text'))).toBe('html');
    expect(previewKind(attachment('r.md', 'text/markdown', 'text'))).toBe('markdown');
    expect(previewKind(attachment('d.csv', 'text/csv', 'text'))).toBe('csv');
    expect(previewKind(attachment('s.puml', 'text/x-plantuml', 'text'))).toBe('plantuml');
    expect(previewKind(attachment('main.go', 'application/octet-stream', 'other'))).toBe('text');
    expect(previewKind(attachment('logo.svg', 'image/svg+xml', 'image'))).toBe('image');
    expect(previewKind(attachment('budget.xlsx', 'application/vnd.ms-excel', 'other'))).toBe('card');
  });

  it('a PNG loses its eXIf chunk and keeps every other chunk in order', async () => {
    const ihdr = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const exif = chunk('eXIf', [...new TextEncoder().encode('GPSLatitude')]);
    const iend = chunk('IEND', []);
    const png = new Blob([new Uint8Array([...SIGNATURE, ...ihdr, ...exif, ...iend])], { type: 'image/png' });
    const stripped = new Uint8Array(await (await withoutPngExif(png)).arrayBuffer());
    expect([...stripped]).toEqual([...SIGNATURE, ...ihdr, ...iend]);
    const clean = new Blob([new Uint8Array([...SIGNATURE, ...ihdr, ...iend])], { type: 'image/png' });
    expect(await withoutPngExif(clean)).toBe(clean);
  });

  it('a pasted screenshot is named for when it was pasted; a named file keeps its name', () => {
    const at = new Date(2026, 11, 2, 14, 3, 9);
    expect(nameForPasted(new File(['x'], 'image.png', { type: 'image/png' }), at)).toBe('Screenshot 2026-12-02 14.03.09.png');
    expect(nameForPasted(new File(['x'], 'plan.png', { type: 'image/png' }), at)).toBe('plan.png');
  });
});

describe('JPEG metadata, removed without re-encoding', () => {
  const segment = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  /** Little-endian TIFF with IFD0 = [Orientation 6, GPS IFD pointer]. */
  const exif = [
    ...ascii('Exif\0\0'),
    ...ascii('II'), 0x2a, 0, 8, 0, 0, 0,
    2, 0,
    0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
    0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0,
    0, 0, 0, 0,
    ...ascii('GPSLatitude 51.5'),
  ];
  const jfif = segment(0xe0, ascii('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'));
  const quant = segment(0xdb, [0, 1, 2, 3]);
  const xmp = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<gps>51.5</gps>'));
  const scan = [0xff, 0xda, 0, 4, 1, 2, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9];

  it('EXIF, XMP and IPTC go; the orientation comes back alone after JFIF; the scan is untouched', async () => {
    const { stripJpegMetadata } = await import('../../web/src/lib/files/jpeg-metadata');
    const input = new Uint8Array([0xff, 0xd8, ...jfif, ...segment(0xe1, exif), ...xmp, ...segment(0xed, ascii('Photoshop 3.0\0')), ...quant, ...scan]);
    const out = stripJpegMetadata(input)!;
    const orientationOnly = segment(0xe1, [...ascii('Exif\0\0'), 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    expect([...out]).toEqual([0xff, 0xd8, ...jfif, ...orientationOnly, ...quant, ...scan]);
    expect(new TextDecoder('latin1').decode(out)).not.toMatch(/GPS|gps|Photoshop/);
  });

  it('an upright photo gets no EXIF at all, and what is not a JPEG is left to the canvas', async () => {
    const { stripJpegMetadata } = await import('../../web/src/lib/files/jpeg-metadata');
    const upright = new Uint8Array([0xff, 0xd8, ...segment(0xe1, ascii('Exif\0\0MM\0\x2a\0\0\0\x08\0\0')), ...quant, ...scan]);
    expect([...stripJpegMetadata(upright)!]).toEqual([0xff, 0xd8, ...quant, ...scan]);
    expect(stripJpegMetadata(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00]))).toBeNull();
  });
});
