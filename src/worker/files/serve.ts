import type { Context } from 'hono';
import { NO_SUCH_FILE } from '../../durable/channel/files';
import type { FileDisk } from '../../durable/file-disk';
import { AppError } from '../../shared/errors';
import { essenceOf, kindOf } from '../../shared/files';
import type { AppEnv } from '../context';
import { errorBody } from '../http/errors';
import { FILE_CONTENT_SECURITY_POLICY, HTML_PREVIEW_CONTENT_SECURITY_POLICY } from '../middleware/security-headers';
import { contentDisposition } from './disposition';

/** What is served: the bytes under `key`, described by the rest. */
export interface Servable {
  key: string;
  name: string;
  type: string;
  /** Strong: the bytes under an id never change. */
  etag: string;
}

export interface ServeOptions {
  /** `?download=1`: always save, never show. */
  download: boolean;
  /** `?preview=1`: show any type in the page, in the sandbox (HTML with its scripts, still without Hearth's origin). */
  preview: boolean;
}

/**
 * Answers GET or HEAD for a file the caller may read. Every answer is sandboxed (see
 * FILE_CONTENT_SECURITY_POLICY) and never sniffed. Shown in the page only when the type is safe to
 * show (images but SVG, audio, video, PDF, plain text) or a preview was asked for; saved otherwise.
 * One byte range (`bytes=a-b`, `a-`, `-n`) is answered 206 by the disk service itself, an
 * unsatisfiable one 416; several ranges get the whole file (200), as RFC 9110 allows.
 * Revalidated on every use (`no-cache` + ETag), so a deleted message's files stop being served
 * even to browsers that had them.
 */
export async function serveFile(c: Context<AppEnv>, disk: FileDisk, file: Servable, options: ServeOptions): Promise<Response> {
  const html = essenceOf(file.type) === 'text/html';
  const shown = !options.download && (options.preview || safeToShow(file.type));
  const headers = new Headers({
    'Content-Type': file.type,
    'Content-Disposition': contentDisposition(shown ? 'inline' : 'attachment', file.name),
    'Content-Security-Policy': shown && options.preview && html ? HTML_PREVIEW_CONTENT_SECURITY_POLICY : FILE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-cache',
    'Accept-Ranges': 'bytes',
    ETag: file.etag,
  });
  if (matches(c.req.header('If-None-Match'), file.etag)) return new Response(null, { status: 304, headers });

  const method = c.req.method === 'HEAD' ? 'HEAD' : 'GET';
  const ifRange = c.req.header('If-Range');
  const range = method === 'GET' && (ifRange === undefined || ifRange === file.etag) ? (c.req.header('Range') ?? null) : null;
  const answer = await disk.get(file.key, method, range);
  if (answer.status === 416) {
    headers.set('Content-Range', answer.headers.get('Content-Range') ?? '');
    headers.set('Content-Type', 'application/json');
    headers.delete('Content-Disposition');
    await answer.body?.cancel();
    return new Response(JSON.stringify(errorBody(new AppError('range_not_satisfiable', `The range ${range} is outside the file`))), { status: 416, headers });
  }
  if (!answer.ok) {
    await answer.body?.cancel();
    if (answer.status === 404) console.error('a file is recorded but its bytes are missing', file.key);
    else console.error('disk GET failed', file.key, answer.status);
    throw new AppError('not_found', NO_SUCH_FILE);
  }
  for (const name of ['Content-Length', 'Content-Range', 'Last-Modified']) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(method === 'HEAD' ? null : answer.body, { status: answer.status, headers });
}

/** Types a browser shows without running anything: no SVG (a document), no HTML, no XML. */
function safeToShow(type: string): boolean {
  const essence = essenceOf(type);
  const kind = kindOf(type);
  if (kind === 'image') return essence !== 'image/svg+xml';
  return kind === 'video' || kind === 'audio' || kind === 'pdf' || essence === 'text/plain';
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
