/**
 * Talking to the operator's PlantUML server: `GET {server}/svg/{encoded}`, where
 * `encoded` is PlantUML's text encoding (raw deflate in its own base64 alphabet),
 * with a time limit and a size cap on the answer.
 */
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { joinChunks } from '../../shared/bytes';

/** PlantUML's base64 alphabet: digits first, and `-_` for the URL. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** The source as PlantUML's servers read it from a URL path. */
export async function encodePlantUml(source: string): Promise<string> {
  const compressed = new Blob([source]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(compressed).arrayBuffer());
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    // PlantUML pads the last group with zero bytes and keeps all four characters.
    const [b1, b2 = 0, b3 = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += ALPHABET[b1 >> 2] + ALPHABET[((b1 & 0x3) << 4) | (b2 >> 4)] + ALPHABET[((b2 & 0xf) << 2) | (b3 >> 6)] + ALPHABET[b3 & 0x3f];
  }
  return out;
}

const failed = (why: string) => new AppError('plantuml_failed', why);

/**
 * The SVG the server draws for `source`. PlantUML answers a diagram with a syntax
 * error with a picture of the error and status 400: that picture is what its author
 * needs to see, so it counts as a drawing.
 */
export async function drawSvg(network: Fetcher, serverUrl: string, source: string): Promise<string> {
  const signal = AbortSignal.timeout(LIMITS.plantUmlTimeoutMs);
  const timedOut = () => failed(`The PlantUML server did not answer within ${LIMITS.plantUmlTimeoutMs / 1000} seconds`);
  let response: Response;
  try {
    response = await network.fetch(`${serverUrl}/svg/${await encodePlantUml(source)}`, { signal, headers: { Accept: 'image/svg+xml' } });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    console.warn('PlantUML server unreachable', serverUrl, error);
    throw failed('The PlantUML server could not be reached');
  }
  if (response.status !== 200 && response.status !== 400) {
    await response.body?.cancel();
    throw failed(`The PlantUML server answered ${response.status}`);
  }
  const bytes = await readUpTo(response, LIMITS.plantUmlSvgBytesMax, signal).catch((error: unknown) => {
    throw signal.aborted ? timedOut() : error;
  });
  if (bytes === null) throw failed(`The diagram is larger than ${LIMITS.plantUmlSvgBytesMax / 1024} KiB`);
  const svg = new TextDecoder().decode(bytes);
  if (!/^\s*(?:<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) throw failed('The PlantUML server did not answer with an SVG image');
  return svg;
}

/** The body's bytes, or null as soon as they pass `max` (a streamed answer may declare no length). */
async function readUpTo(response: Response, max: number, signal: AbortSignal): Promise<Uint8Array | null> {
  if (Number(response.headers.get('Content-Length') ?? '0') > max) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  // The time limit covers the whole answer, not only its headers.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop);
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        stop();
        return null;
      }
      chunks.push(value);
    }
    return joinChunks(chunks, size);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
