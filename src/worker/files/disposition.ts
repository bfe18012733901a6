/**
 * A Content-Disposition header that carries any file name safely (RFC 6266): the exact name
 * percent-encoded as UTF-8 in `filename*` (RFC 8187), which browsers prefer, and an ASCII
 * stand-in in `filename` for those that do not read it. Neither can end the header or add a
 * parameter: the encoded name is only attr-chars and %XX, the stand-in only printable ASCII
 * without quotes, backslashes, semicolons, percent signs or slashes.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  return `${type}; filename="${asciiStandIn(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

function asciiStandIn(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents fall off their letters: "é" → "e"
    .replace(/[^\x20-\x7e]|["\\;%/]/g, '_');
  return ascii.trim() || 'file';
}

/** RFC 8187 attr-chars are letters, digits and !#$&+-.^_`|~; everything else as %XX of its UTF-8 bytes. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name.toWellFormed()).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
