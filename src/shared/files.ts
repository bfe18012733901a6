/**
 * How Hearth names, types and sizes uploaded files: one definition for the worker that
 * stores them and the web app that checks a file before sending it.
 */
import { LIMITS } from './limits';

/** What a file is, for the files view's filter and for choosing a preview. */
export const FILE_KINDS = ['image', 'video', 'audio', 'pdf', 'text', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const OCTET_STREAM = 'application/octet-stream';

/** Types outside text/* that are text to read. */
const TEXT_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'application/yaml',
  'application/x-yaml',
  'application/toml',
  'application/sql',
  'application/x-sh',
  'application/x-shellscript',
  'application/x-ndjson',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * A declared Content-Type as Hearth keeps it: `type/subtype` in lowercase, with the charset of a
 * text type; anything malformed, missing or too long becomes application/octet-stream.
 */
export function normalizeContentType(declared: string | null | undefined): string {
  if (!declared) return OCTET_STREAM;
  const [essence, ...parameters] = declared.split(';');
  const parts = essence.trim().toLowerCase().split('/');
  if (parts.length !== 2 || !TOKEN.test(parts[0]) || !TOKEN.test(parts[1])) return OCTET_STREAM;
  let type = `${parts[0]}/${parts[1]}`;
  const charset = parameters.map((p) => /^\s*charset\s*=\s*"?([a-z0-9._:-]+)"?\s*$/i.exec(p)).find((m) => m !== null);
  if (charset && parts[0] === 'text') type += `; charset=${charset[1].toLowerCase()}`;
  return type.length <= LIMITS.fileTypeMax ? type : OCTET_STREAM;
}

/** The `type/subtype` of a normalized Content-Type, without parameters. */
export function essenceOf(type: string): string {
  return type.split(';')[0];
}

export function kindOf(type: string): FileKind {
  const essence = essenceOf(type);
  const major = essence.slice(0, essence.indexOf('/'));
  if (major === 'image' || major === 'video' || major === 'audio') return major;
  if (essence === 'application/pdf') return 'pdf';
  if (major === 'text' || TEXT_TYPES.has(essence) || essence.endsWith('+json') || essence.endsWith('+xml')) return 'text';
  return 'other';
}

/**
 * Characters removed from file names: controls (NUL, newlines), bidirectional overrides and
 * isolates that make "gpj.exe" read as "exe.jpg", and invisible separators. Joiners stay: emoji
 * sequences and some scripts need them.
 */
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const FALLBACK_NAME = 'file';
/** Longest extension kept when a long name is cut. */
const EXTENSION_MAX = 16;

/**
 * The name a file is stored and shown under: the uploader's name as they gave it (it is never
 * used as a path), without characters that hide or disguise it, and at most
 * LIMITS.fileNameMax characters with its extension kept.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = name.toWellFormed().normalize('NFC').replace(UNSAFE_IN_NAMES, '').trim();
  const chars = Array.from(cleaned);
  if (chars.length === 0) return FALLBACK_NAME;
  if (chars.length <= LIMITS.fileNameMax) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  const kept = extension.length <= EXTENSION_MAX ? extension : [];
  return chars.slice(0, LIMITS.fileNameMax - kept.length).join('').trimEnd() + kept.join('');
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size for people: "980 bytes", "1.5 MB", "100 MB", "1 GB" (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} ${UNITS[unit]}`;
}
