import { AppError } from '../shared/errors';
import type { Env } from './env';

/** The disk service answered with a failure (a fault of the server's, not of the upload). */
export class DiskError extends Error {}

/**
 * Uploaded files' bytes, in the FILES disk service (workerd's writable disk directory): PUT
 * writes a temporary file and renames it into place, GET answers Range requests itself,
 * DELETE removes. Hearth makes every key up; no user-given name is ever part of one.
 */
export class FileDisk {
  constructor(private readonly service: Fetcher) {}

  /** The disk of this server, or a clear refusal when it was started without one. */
  static of(env: Env): FileDisk {
    if (!env.FILES) throw new AppError('storage_unavailable', 'This server was started without file storage (the FILES disk service); files cannot be stored or read');
    return new FileDisk(env.FILES);
  }

  /** Sharded by the random id, so no folder grows past a few thousand entries. */
  static keyFor(fileId: string): string {
    return `${fileId.slice(0, 2)}/${fileId.slice(2, 4)}/${fileId}`;
  }

  /**
   * Streams `length` bytes to `key`. The body passes through a FixedLengthStream: a body that
   * ends early (the uploader's connection dropped) or runs long fails the write, and the disk
   * service then discards its temporary file instead of renaming a partial one into place.
   */
  async put(key: string, body: ReadableStream<Uint8Array>, length: number): Promise<void> {
    const response = await this.service.fetch(url(key), { method: 'PUT', body: body.pipeThrough(new FixedLengthStream(length)) });
    if (!response.ok) throw new DiskError(`disk PUT ${key} answered ${response.status}`);
  }

  async putBytes(key: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const response = await this.service.fetch(url(key), { method: 'PUT', body: bytes });
    if (!response.ok) throw new DiskError(`disk PUT ${key} answered ${response.status}`);
  }

  /** GET or HEAD, with a Range header passed on when given: 200, 206, 416 or 404 as the disk answers. */
  get(key: string, method: 'GET' | 'HEAD', range: string | null): Promise<Response> {
    return this.service.fetch(url(key), { method, headers: range ? { Range: range } : {} });
  }

  /** Deleting what is not there is done already. */
  async delete(key: string): Promise<void> {
    const response = await this.service.fetch(url(key), { method: 'DELETE' });
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw new DiskError(`disk DELETE ${key} answered ${response.status}`);
  }
}

function url(key: string): string {
  return `http://files/${key}`;
}
