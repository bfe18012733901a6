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
