import { AppError } from '../../shared/errors';
import { joinChunks } from '../../shared/bytes';

/**
 * Reads a request body, stopping as soon as it passes `max` bytes (a chunked body
 * may declare no length); `tooLarge` says what the limit is to the person who hit it.
 */
export async function readBoundedBytes(request: Request, max: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  const refuse = () => new AppError('payload_too_large', tooLarge);
  if (Number(request.headers.get('Content-Length') ?? '0') > max) throw refuse();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return joinChunks(chunks, size);
}
